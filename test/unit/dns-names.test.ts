import { describe, expect, it } from 'vitest';
import { checkHostName } from '../../lib/dns/names';

describe('host names', () => {
  it('accept names as admins paste them, normalised', () => {
    expect(checkHostName('api-sse.cisco.com')).toEqual({ ok: true, name: 'api-sse.cisco.com' });
    expect(checkHostName('  API-SSE.Cisco.com.  ')).toEqual({ ok: true, name: 'api-sse.cisco.com' });
    expect(checkHostName('_dmarc.example.com')).toEqual({ ok: true, name: '_dmarc.example.com' });
    expect(checkHostName('localhost')).toEqual({ ok: true, name: 'localhost' });
  });

  it('convert internationalised names to punycode', () => {
    expect(checkHostName('bücher.example')).toEqual({ ok: true, name: 'xn--bcher-kva.example' });
  });

  it('reject URLs and host:port with a reason', () => {
    for (const input of [
      'https://api-sse.cisco.com',
      'api-sse.cisco.com/providers',
      'fmc:443',
      'user@host',
      'a?b',
    ]) {
      expect(checkHostName(input), input).toEqual({ ok: false, problem: 'url' });
    }
  });

  it('reject IP addresses', () => {
    for (const input of ['192.0.2.1', '2001:db8::1', '[2001:db8::1]', '::1', '::ffff:192.0.2.1']) {
      expect(checkHostName(input), input).toEqual({ ok: false, problem: 'ip' });
    }
  });

  it('reject empty input, spaces, bad labels and long names', () => {
    expect(checkHostName('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkHostName('api sse.cisco.com')).toEqual({ ok: false, problem: 'spaces' });
    for (const input of [
      'a..b',
      '-a.com',
      'a-.com',
      `${'a'.repeat(64)}.com`,
      'a*.com',
      'mx*.sse.itd.cisco.com',
      'host.123',
    ]) {
      expect(checkHostName(input), input).toEqual({ ok: false, problem: 'bad-label' });
    }
    const long = Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.');
    expect(long.length).toBe(255);
    expect(checkHostName(long)).toEqual({ ok: false, problem: 'too-long' });
    const limit = [...Array.from({ length: 3 }, () => 'a'.repeat(63)), 'a'.repeat(61)].join('.');
    expect(checkHostName(limit)).toEqual({ ok: true, name: limit });
  });
});

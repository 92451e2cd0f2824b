import { describe, expect, it } from 'vitest';
import { classify, toAnswers } from '../../lib/dns/answers';
import { parseDohJson } from '../../lib/dns/json';
import { DnsParseError } from '../../lib/dns/wire';

// Shaped like Cloudflare's answer to `?name=api-sse.cisco.com&type=A`, with the DNSSEC fields it adds.
const CLOUDFLARE = JSON.stringify({
  Status: 0,
  TC: false,
  RD: true,
  RA: true,
  AD: false,
  CD: false,
  Question: [{ name: 'api-sse.cisco.com', type: 1 }],
  Answer: [
    { name: 'api-sse.cisco.com', type: 5, TTL: 60, data: 'api-sse.cisco.com.akadns.net.' },
    { name: 'api-sse.cisco.com.akadns.net', type: 1, TTL: 20, data: '192.0.2.110' },
    { name: 'api-sse.cisco.com.akadns.net', type: 46, TTL: 20, data: 'a 8 3 20 …' },
  ],
});

// Google's dialect: trailing dots everywhere, a Comment, no Answer for NXDOMAIN.
const GOOGLE_NXDOMAIN = JSON.stringify({
  Status: 3,
  TC: false,
  Question: [{ name: 'api.in.sse.itd.cisco.com.', type: 1 }],
  Authority: [{ name: 'cisco.com.', type: 6, TTL: 1800, data: 'ns1.cisco.com. …' }],
  Comment: 'Response from 2001:db8::53.',
});

describe('DoH JSON answers', () => {
  it('read Status and the answer records', () => {
    const { rcode, records } = parseDohJson(CLOUDFLARE);
    expect(rcode).toBe(0);
    expect(records).toHaveLength(3);
    expect(toAnswers(records)).toEqual([
      { name: 'api-sse.cisco.com', type: 'CNAME', ttl: 60, data: 'api-sse.cisco.com.akadns.net' },
      { name: 'api-sse.cisco.com.akadns.net', type: 'A', ttl: 20, data: '192.0.2.110' },
    ]);
  });

  it('accept extra fields and a missing Answer', () => {
    expect(parseDohJson(GOOGLE_NXDOMAIN)).toEqual({ rcode: 3, records: [] });
  });

  it('default a missing TTL to 0', () => {
    const { records } = parseDohJson(
      '{"Status":0,"Answer":[{"name":"a.b.","type":28,"data":"2001:DB8::1"}]}',
    );
    expect(toAnswers(records)).toEqual([{ name: 'a.b', type: 'AAAA', ttl: 0, data: '2001:db8::1' }]);
  });

  it('reject what is not a DNS answer', () => {
    expect(() => parseDohJson('<html>login</html>')).toThrow(DnsParseError);
    expect(() => parseDohJson('{"error":"Invalid name"}')).toThrow(/no numeric Status/);
    expect(() => parseDohJson('{"Status":0,"Answer":[{"name":"a","type":"A"}]}')).toThrow(DnsParseError);
  });
});

describe('response codes', () => {
  const a = { name: 'x', type: 'A' as const, ttl: 1, data: '192.0.2.1' };
  const cname = { name: 'x', type: 'CNAME' as const, ttl: 1, data: 'y' };

  it('map NOERROR to ok or no-data by the asked type', () => {
    expect(classify(0, 'A', [cname, a])).toEqual({ status: 'ok' });
    expect(classify(0, 'A', [cname])).toEqual({ status: 'no-data' });
    expect(classify(0, 'AAAA', [a])).toEqual({ status: 'no-data' });
    expect(classify(0, 'CNAME', [cname])).toEqual({ status: 'ok' });
  });

  it('map 2, 3 and 5 to servfail, nxdomain and refused, the rest to bad-response', () => {
    expect(classify(2, 'A', [])).toMatchObject({ status: 'error', error: { code: 'servfail' } });
    expect(classify(3, 'A', [cname])).toEqual({ status: 'nxdomain' });
    expect(classify(5, 'A', [])).toMatchObject({ status: 'error', error: { code: 'refused' } });
    expect(classify(1, 'A', [])).toEqual({
      status: 'error',
      error: { code: 'bad-response', message: 'RCODE 1 (FORMERR)' },
    });
    expect(classify(9, 'A', [])).toMatchObject({ error: { message: 'RCODE 9' } });
  });
});

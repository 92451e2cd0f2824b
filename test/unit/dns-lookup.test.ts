import { describe, expect, it, vi } from 'vitest';
import { cnameChain, formatNslookup, lookupHost } from '../../lib/dns/lookup';
import type { DnsAnswer, DnsQueryResult, DnsResolver, RecordType } from '../../lib/dns/types';

type Script = Partial<Record<RecordType, Omit<DnsQueryResult, 'name' | 'type' | 'ms'>>>;

function scripted(
  script: Script,
  label = 'https://doh.example.test/dns-query',
): DnsResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    kind: 'doh-json',
    label,
    calls,
    resolve: vi.fn(async (name: string, type: RecordType): Promise<DnsQueryResult> => {
      calls.push(`${name} ${type}`);
      return { name, type, ms: 3, ...(script[type] ?? { status: 'no-data' as const, answers: [] }) };
    }),
  };
}

const cname = (name: string, data: string): DnsAnswer => ({ name, type: 'CNAME', ttl: 60, data });
const a = (name: string, data: string): DnsAnswer => ({ name, type: 'A', ttl: 20, data });
const aaaa = (name: string, data: string): DnsAnswer => ({ name, type: 'AAAA', ttl: 20, data });

const SSE = 'api-sse.cisco.com';
const AKA = 'api-sse.cisco.com.akadns.net';

describe('lookupHost', () => {
  it('asks A and AAAA, merges the chain and lists A then AAAA addresses', async () => {
    const resolver = scripted({
      A: { status: 'ok', answers: [cname(SSE, AKA), a(AKA, '192.0.2.110'), a(AKA, '198.51.100.16')] },
      AAAA: { status: 'ok', answers: [cname(SSE, AKA), aaaa(AKA, '2001:db8::110')] },
    });
    const result = await lookupHost(' API-SSE.cisco.com. ', resolver);
    expect(resolver.calls.sort()).toEqual([`${SSE} A`, `${SSE} AAAA`]);
    expect(result).toMatchObject({
      name: SSE,
      status: 'ok',
      cnameChain: [SSE, AKA],
      addresses: ['192.0.2.110', '198.51.100.16', '2001:db8::110'],
      resolver: { kind: 'doh-json', label: 'https://doh.example.test/dns-query' },
    });
    // The CNAME both questions returned is listed once.
    expect(result.answers.filter((answer) => answer.type === 'CNAME')).toHaveLength(1);
    expect(result.error).toBeUndefined();
  });

  it('runs the two questions in parallel', async () => {
    let inFlight = 0;
    let most = 0;
    const resolver: DnsResolver = {
      kind: 'system',
      label: 'x',
      resolve: async (name, type) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        return { name, type, status: 'no-data', answers: [], ms: 20 };
      },
    };
    const result = await lookupHost('a.example', resolver);
    expect(most).toBe(2);
    expect(result.ms).toBeLessThan(40);
  });

  it('is ok with addresses of one family even if the other question failed', async () => {
    const result = await lookupHost(
      'v4.example',
      scripted({
        A: { status: 'ok', answers: [a('v4.example', '192.0.2.1')] },
        AAAA: { status: 'error', answers: [], error: { code: 'timeout' } },
      }),
    );
    expect(result).toMatchObject({ status: 'ok', addresses: ['192.0.2.1'] });
    expect(result.error).toBeUndefined();
  });

  it('prefers NXDOMAIN over a failure, a failure over no-data', async () => {
    const nx = await lookupHost(
      'x.example',
      scripted({
        A: { status: 'nxdomain', answers: [] },
        AAAA: { status: 'error', answers: [], error: { code: 'timeout' } },
      }),
    );
    expect(nx.status).toBe('nxdomain');
    const failed = await lookupHost(
      'x.example',
      scripted({
        A: { status: 'no-data', answers: [] },
        AAAA: { status: 'error', answers: [], error: { code: 'refused' } },
      }),
    );
    expect(failed).toMatchObject({ status: 'error', error: { code: 'refused' } });
    const empty = await lookupHost('x.example', scripted({}));
    expect(empty).toMatchObject({ status: 'no-data', addresses: [], cnameChain: ['x.example'] });
  });

  it('does not query invalid names', async () => {
    const resolver = scripted({});
    const result = await lookupHost('https://api-sse.cisco.com/x', resolver);
    expect(result).toMatchObject({ status: 'error', error: { code: 'invalid-name' }, cnameChain: [] });
    expect(resolver.calls).toEqual([]);
  });
});

describe('cnameChain', () => {
  it('follows the answers from the asked name, whatever their order', () => {
    expect(cnameChain('a', [cname('b', 'c'), a('c', '192.0.2.1'), cname('a', 'b')])).toEqual(['a', 'b', 'c']);
  });

  it('stops on a loop', () => {
    expect(cnameChain('a', [cname('a', 'b'), cname('b', 'a')])).toEqual(['a', 'b']);
  });
});

describe('formatNslookup', () => {
  const base = {
    name: SSE,
    resolver: { kind: 'doh-json' as const, label: 'https://cloudflare-dns.com/dns-query' },
    answers: [],
    cnameChain: [SSE],
    addresses: [],
    ms: 42,
  };

  it('prints a healthy answer like the TAC note’s nslookup, with the time', () => {
    const text = formatNslookup({
      ...base,
      status: 'ok',
      answers: [cname(SSE, AKA), a(AKA, '198.51.100.10'), aaaa(AKA, '2001:db8::10'), a(AKA, '203.0.113.20')],
      cnameChain: [SSE, AKA],
      addresses: ['198.51.100.10', '203.0.113.20', '2001:db8::10'],
    });
    expect(text).toBe(
      [
        'Server:    https://cloudflare-dns.com/dns-query',
        '',
        'Non-authoritative answer:',
        'api-sse.cisco.com canonical name = api-sse.cisco.com.akadns.net.',
        'Name: api-sse.cisco.com.akadns.net',
        'Address: 198.51.100.10',
        'Name: api-sse.cisco.com.akadns.net',
        'Address: 203.0.113.20',
        'Name: api-sse.cisco.com.akadns.net',
        'Address: 2001:db8::10',
        '',
        ';; Query time: 42 msec',
      ].join('\n'),
    );
  });

  it('prints nslookup’s failure lines', () => {
    const line = (result: Parameters<typeof formatNslookup>[0]) =>
      formatNslookup(result, { time: false }).split('\n').at(-1);
    expect(line({ ...base, status: 'nxdomain' })).toBe("** server can't find api-sse.cisco.com: NXDOMAIN");
    expect(line({ ...base, status: 'no-data' })).toBe("*** Can't find api-sse.cisco.com: No answer");
    expect(line({ ...base, status: 'error', error: { code: 'refused' } })).toBe(
      "** server can't find api-sse.cisco.com: REFUSED",
    );
    expect(line({ ...base, status: 'error', error: { code: 'servfail' } })).toBe(
      "** server can't find api-sse.cisco.com: SERVFAIL",
    );
    expect(line({ ...base, status: 'error', error: { code: 'timeout' } })).toBe(
      ';; connection timed out; no servers could be reached',
    );
    expect(line({ ...base, status: 'error', error: { code: 'http-status', httpStatus: 502 } })).toBe(
      ';; https://cloudflare-dns.com/dns-query answered HTTP 502',
    );
    expect(line({ ...base, status: 'error', error: { code: 'unreachable', message: 'fetch failed' } })).toBe(
      ';; communications error to https://cloudflare-dns.com/dns-query: fetch failed',
    );
  });

  it('keeps the CNAME lines when the canonical name has no address', () => {
    const text = formatNslookup(
      { ...base, status: 'no-data', answers: [cname(SSE, AKA)], cnameChain: [SSE, AKA] },
      { time: false },
    );
    expect(text).toContain(`${SSE} canonical name = ${AKA}.\n\n*** Can't find ${SSE}: No answer`);
  });
});

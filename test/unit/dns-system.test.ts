import { describe, expect, it, vi } from 'vitest';
import { lookupHost } from '../../lib/dns/lookup';
import { createSystemResolver, type FirefoxDnsApi, type FirefoxDnsRecord } from '../../lib/dns/system';

/** A stand-in for Firefox's `browser.dns`: answers by name, honouring the address-family flags. */
function fakeDns(
  records: Record<string, FirefoxDnsRecord | Error>,
): FirefoxDnsApi & { resolve: ReturnType<typeof vi.fn> } {
  return {
    resolve: vi.fn(async (hostname: string, flags: string[] = []) => {
      const record = records[hostname];
      if (!record) throw new Error('NS_ERROR_UNKNOWN_HOST');
      if (record instanceof Error) throw record;
      let addresses = record.addresses;
      if (flags.includes('disable_ipv6')) addresses = addresses.filter((address) => !address.includes(':'));
      if (flags.includes('disable_ipv4')) addresses = addresses.filter((address) => address.includes(':'));
      // Firefox reports a family with no address as an unknown host.
      if (!addresses.length) throw new Error('NS_ERROR_UNKNOWN_HOST');
      return { ...record, addresses };
    }),
  };
}

const SSE = 'api-sse.cisco.com';
const AKA = 'api-sse.cisco.com.akadns.net';

describe('Firefox system resolver', () => {
  it('maps the canonical name to a one-step chain and splits the families', async () => {
    const dns = fakeDns({ [SSE]: { addresses: ['192.0.2.110', '2001:DB8::110'], canonicalName: `${AKA}.` } });
    const result = await lookupHost(SSE, createSystemResolver(dns));
    expect(result).toMatchObject({
      status: 'ok',
      resolver: { kind: 'system', label: 'Firefox system resolver' },
      cnameChain: [SSE, AKA],
      addresses: ['192.0.2.110', '2001:db8::110'],
    });
    expect(result.answers).toContainEqual({ name: AKA, type: 'A', ttl: 0, data: '192.0.2.110' });
  });

  it('asks the operating system resolver, uncached, one family per question', async () => {
    const dns = fakeDns({ [SSE]: { addresses: ['192.0.2.110'] } });
    const resolver = createSystemResolver(dns);
    await resolver.resolve(SSE, 'A');
    await resolver.resolve(SSE, 'AAAA');
    const flags = dns.resolve.mock.calls.map((call) => call[1] as string[]);
    for (const set of flags)
      expect(set).toEqual(expect.arrayContaining(['canonical_name', 'bypass_cache', 'disable_trr']));
    expect(flags[0]).toContain('disable_ipv6');
    expect(flags[1]).toContain('disable_ipv4');
  });

  it('shows no chain when the canonical name is the name itself', async () => {
    const dns = fakeDns({ [SSE]: { addresses: ['192.0.2.1'], canonicalName: 'API-SSE.cisco.com' } });
    const result = await lookupHost(SSE, createSystemResolver(dns));
    expect(result.cnameChain).toEqual([SSE]);
    expect(result.answers.some((answer) => answer.type === 'CNAME')).toBe(false);
  });

  it('keeps the TTL only when Firefox says it is valid', async () => {
    const withTtl = fakeDns({ [SSE]: { addresses: ['192.0.2.1'], TTL: 42, isTTLValid: true } });
    expect((await createSystemResolver(withTtl).resolve(SSE, 'A')).answers[0]?.ttl).toBe(42);
    const stale = fakeDns({ [SSE]: { addresses: ['192.0.2.1'], TTL: 42, isTTLValid: false } });
    expect((await createSystemResolver(stale).resolve(SSE, 'A')).answers[0]?.ttl).toBe(0);
  });

  it('is healthy for an IPv4-only host although Firefox calls its AAAA an unknown host', async () => {
    const result = await lookupHost(
      SSE,
      createSystemResolver(fakeDns({ [SSE]: { addresses: ['192.0.2.1'] } })),
    );
    expect(result).toMatchObject({ status: 'ok', addresses: ['192.0.2.1'] });
  });

  it('reports an unknown host as NXDOMAIN', async () => {
    const result = await lookupHost('api.in.sse.itd.cisco.com', createSystemResolver(fakeDns({})));
    expect(result).toMatchObject({ status: 'nxdomain', addresses: [] });
  });

  it('reports offline and proxy failures as unreachable, others as a resolver failure', async () => {
    const offline = fakeDns({ [SSE]: new Error('NS_ERROR_OFFLINE') });
    expect((await lookupHost(SSE, createSystemResolver(offline))).error).toEqual({
      code: 'unreachable',
      message: 'NS_ERROR_OFFLINE',
    });
    const proxy = fakeDns({ [SSE]: new Error('NS_ERROR_UNKNOWN_PROXY_HOST') });
    expect((await lookupHost(SSE, createSystemResolver(proxy))).error?.code).toBe('unreachable');
    const odd = fakeDns({ [SSE]: new Error('NS_ERROR_FAILURE') });
    expect((await lookupHost(SSE, createSystemResolver(odd))).error).toEqual({
      code: 'servfail',
      message: 'NS_ERROR_FAILURE',
    });
  });

  it('times out a lookup Firefox never answers', async () => {
    const hanging: FirefoxDnsApi = { resolve: () => new Promise(() => {}) };
    const result = await lookupHost(SSE, createSystemResolver(hanging, { timeoutMs: 20 }));
    expect(result).toMatchObject({ status: 'error', error: { code: 'timeout', timeoutMs: 20 } });
  });

  it('says the permission is missing when there is no browser.dns', async () => {
    const result = await lookupHost(SSE, createSystemResolver(undefined));
    expect(result).toMatchObject({ status: 'error', error: { code: 'not-allowed' } });
  });

  it('rejects invalid names without asking Firefox', async () => {
    const dns = fakeDns({});
    const result = await createSystemResolver(dns).resolve('192.0.2.1', 'A');
    expect(result.error?.code).toBe('invalid-name');
    expect(dns.resolve).not.toHaveBeenCalled();
  });
});

import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveDoh } from '../../lib/dns/doh';
import { describeLookup } from '../../lib/dns/error-text';
import { createDohResolver, formatNslookup, lookupHost, lookupHosts } from '../../lib/dns/lookup';
import { requiredHosts } from '../../lib/dns/settings';
import { encodeQuery } from '../../lib/dns/wire';
import { type DohServer, startDohServer } from '../dns/doh-server';
import { NODATA_HOST, NXDOMAIN_HOST } from '../dns/zone';

const SSE = 'api-sse.cisco.com';
const AKA = 'api-sse.cisco.com.akadns.net';
const FORMATS = ['json', 'wire'] as const;

let server: DohServer;

beforeAll(async () => {
  server = await startDohServer({ slowMs: 600 });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.setMode('normal');
  server.queries.length = 0;
});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe.each(FORMATS)('DoH %s against the local server', (format) => {
  const resolver = () => createDohResolver({ url: server.url, format });

  it('resolves api-sse.cisco.com like the TAC note’s nslookup', async () => {
    const result = await lookupHost(SSE, resolver());
    expect(result).toMatchObject({
      status: 'ok',
      cnameChain: [SSE, AKA],
      addresses: ['192.0.2.110', '198.51.100.16', '2001:db8::110'],
    });
    expect(formatNslookup(result, { time: false })).toContain(
      `Non-authoritative answer:\n${SSE} canonical name = ${AKA}.\nName: ${AKA}\nAddress: 192.0.2.110`,
    );
    expect(server.queries.map((q) => `${q.name} ${q.type} ${q.format}`).sort()).toEqual([
      `${SSE} A ${format === 'json' ? 'json' : 'wire-get'}`,
      `${SSE} AAAA ${format === 'json' ? 'json' : 'wire-get'}`,
    ]);
  });

  it('asks for the CNAME alone', async () => {
    const result = await resolveDoh(SSE, 'CNAME', { url: server.url, format });
    expect(result).toMatchObject({ status: 'ok', answers: [{ name: SSE, type: 'CNAME', data: AKA }] });
  });

  it('tells NXDOMAIN from a name without address', async () => {
    expect((await lookupHost(NXDOMAIN_HOST, resolver())).status).toBe('nxdomain');
    expect((await lookupHost(NODATA_HOST, resolver())).status).toBe('no-data');
  });

  it.each([
    ['refused', 'refused', undefined],
    ['servfail', 'servfail', undefined],
    ['http-500', 'http-status', 500],
    ['garbage', 'bad-response', undefined],
  ] as const)('explains %s mode as %s', async (mode, code, httpStatus) => {
    server.setMode(mode);
    const result = await lookupHost(SSE, resolver());
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe(code);
    expect(result.error?.httpStatus).toBe(httpStatus);
    expect(result.addresses).toEqual([]);
    expect(describeLookup(result)).toBeTruthy();
  });

  it('times out on a slow resolver, and waits for it when given the time', async () => {
    server.setMode('slow');
    const hurried = await lookupHost(SSE, createDohResolver({ url: server.url, format }, { timeoutMs: 150 }));
    expect(hurried).toMatchObject({ status: 'error', error: { code: 'timeout', timeoutMs: 150 } });
    expect(hurried.ms).toBeGreaterThanOrEqual(140);
    expect(hurried.ms).toBeLessThan(550);
    const patient = await resolveDoh(SSE, 'A', { url: server.url, format, timeoutMs: 4000 });
    expect(patient.status).toBe('ok');
    expect(patient.ms).toBeGreaterThanOrEqual(550);
  });

  it('reports a closed port as unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/dns-query`;
    const result = await lookupHost(SSE, createDohResolver({ url, format }));
    expect(result).toMatchObject({
      status: 'error',
      error: { code: 'unreachable' },
      resolver: { label: url },
    });
    expect(result.error?.message).toMatch(/ECONNREFUSED/);
  });
});

describe('the local DoH server', () => {
  it('answers JSON and wire on both paths, as Cloudflare does', async () => {
    for (const url of [server.url, server.jsonUrl]) {
      for (const format of FORMATS) {
        expect((await resolveDoh(SSE, 'A', { url, format })).status, `${url} ${format}`).toBe('ok');
      }
    }
  });

  it('sends CORS headers and answers preflights', async () => {
    const get = await fetch(`${server.url}?name=${SSE}&type=A`, {
      headers: { accept: 'application/dns-json' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(server.url, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('takes RFC 8484 POST queries and answers 400 to unreadable ones', async () => {
    const post = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
      // A copy typed as a plain ArrayBuffer, which fetch's body type accepts.
      body: encodeQuery(SSE, 'A').slice().buffer,
    });
    expect(post.headers.get('content-type')).toBe('application/dns-message');
    expect(server.queries.at(-1)).toEqual({ name: SSE, type: 'A', format: 'wire-post' });
    expect((await fetch(`${server.url}?dns=AAAA`)).status).toBe(400);
    expect((await fetch(server.url)).status).toBe(400);
  });
});

describe('the region check', () => {
  it('resolves every required host but the failing region’s API host', async () => {
    const resolver = createDohResolver({ url: server.url, format: 'wire' });
    const hosts = requiredHosts(NXDOMAIN_HOST);
    const results = await Promise.all(lookupHosts(hosts, resolver));
    expect(results.map((r) => r.name)).toEqual(hosts);
    expect(results.filter((r) => r.status !== 'ok').map((r) => [r.name, r.status])).toEqual([
      [NXDOMAIN_HOST, 'nxdomain'],
    ]);
  });
});

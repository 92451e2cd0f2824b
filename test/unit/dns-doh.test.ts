import { describe, expect, it, vi } from 'vitest';
import { createDohResolver, resolveDoh } from '../../lib/dns/doh';
import { formatNslookup, lookupHost } from '../../lib/dns/lookup';
import { fromBase64Url } from '../../lib/dns/wire';
import { REAL_WORLD_RESPONSE } from '../dns/captured';
import { decodeQuestion } from '../dns/wire-response';

const URL_JSON = 'https://doh.example.test/dns-query';

function fakeFetch(respond: (url: URL, init: RequestInit) => Response | Promise<Response>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    respond(new URL(String(input)), init ?? {}),
  );
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/dns-json' } });

describe('resolveDoh requests', () => {
  it('ask JSON resolvers with name and type and send nothing else', async () => {
    const fetch = fakeFetch(() =>
      json({ Status: 0, Answer: [{ name: 'a.example.', type: 1, TTL: 5, data: '192.0.2.1' }] }),
    );
    const result = await resolveDoh('A.Example.', 'A', {
      url: `${URL_JSON}?ct=x#frag`,
      format: 'json',
      fetch,
    });
    expect(result).toMatchObject({ name: 'a.example', type: 'A', status: 'ok' });
    expect(result.answers).toEqual([{ name: 'a.example', type: 'A', ttl: 5, data: '192.0.2.1' }]);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('https://doh.example.test/dns-query?ct=x&name=a.example&type=A');
    expect(init).toMatchObject({
      method: 'GET',
      headers: { accept: 'application/dns-json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'manual',
    });
    expect(init.body).toBeUndefined();
  });

  it('ask wire resolvers with an RFC 8484 dns= parameter', async () => {
    const fetch = fakeFetch(
      () => new Response(REAL_WORLD_RESPONSE, { headers: { 'content-type': 'application/dns-message' } }),
    );
    const result = await resolveDoh('api-sse.cisco.com', 'A', { url: URL_JSON, format: 'wire', fetch });
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(init.headers).toEqual({ accept: 'application/dns-message' });
    const dns = new URL(url).searchParams.get('dns') ?? '';
    expect(decodeQuestion(fromBase64Url(dns))).toEqual({ id: 0, name: 'api-sse.cisco.com', type: 1 });
    expect(result.status).toBe('ok');
    expect(result.answers.map((a) => a.type)).toEqual(['CNAME', 'CNAME', 'A', 'A']);
  });

  it('check the name and the resolver address before sending anything', async () => {
    const fetch = fakeFetch(() => json({ Status: 0 }));
    expect(
      await resolveDoh('https://api-sse.cisco.com/', 'A', { url: URL_JSON, format: 'json', fetch }),
    ).toMatchObject({
      status: 'error',
      error: { code: 'invalid-name' },
    });
    for (const url of [
      'http://doh.example.test/dns-query',
      'https://user:pw@doh.example.test/',
      'doh.example.test',
    ]) {
      expect((await resolveDoh('a.example', 'A', { url, format: 'json', fetch })).error?.code, url).toBe(
        'not-allowed',
      );
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('resolveDoh failures', () => {
  const run = (
    respond: Parameters<typeof fakeFetch>[0],
    format: 'json' | 'wire' = 'json',
    timeoutMs = 1000,
  ) => resolveDoh('a.example', 'A', { url: URL_JSON, format, fetch: fakeFetch(respond), timeoutMs });

  it('report network failures as unreachable, with the cause', async () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    expect((await run(() => Promise.reject(error))).error).toEqual({
      code: 'unreachable',
      message: 'fetch failed: connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('report HTTP errors and redirects as http-status', async () => {
    expect((await run(() => new Response('no', { status: 403 }))).error).toMatchObject({
      code: 'http-status',
      httpStatus: 403,
    });
    const redirect = await run(
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }),
    );
    expect(redirect.error).toMatchObject({
      code: 'http-status',
      httpStatus: 302,
      message: expect.stringMatching(/not followed/),
    });
  });

  it('report login pages and wrong media types as bad-response', async () => {
    const html = () => new Response('<html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect((await run(html)).error).toMatchObject({
      code: 'bad-response',
      message: expect.stringMatching(/text\/html/),
    });
    expect(
      (await run(() => new Response('{}', { headers: { 'content-type': 'application/json' } }), 'wire'))
        .error,
    ).toMatchObject({ code: 'bad-response' });
  });

  it('reject a wire answer to another question', async () => {
    const result = await resolveDoh('other.example', 'A', {
      url: URL_JSON,
      format: 'wire',
      fetch: fakeFetch(
        () => new Response(REAL_WORLD_RESPONSE, { headers: { 'content-type': 'application/dns-message' } }),
      ),
    });
    expect(result.error).toMatchObject({
      code: 'bad-response',
      message: expect.stringMatching(/api-sse\.cisco\.com/),
    });
  });

  it('time out even when the fetch ignores its signal', async () => {
    const result = await run(() => new Promise<Response>(() => {}), 'json', 30);
    expect(result).toMatchObject({ status: 'error', error: { code: 'timeout', timeoutMs: 30 } });
    expect(result.ms).toBeGreaterThanOrEqual(25);
  });

  it('abort the fetch at the deadline', async () => {
    let seen: AbortSignal | undefined;
    await run(
      (_url, init) => {
        seen = init.signal ?? undefined;
        return new Promise<Response>(() => {});
      },
      'json',
      10,
    );
    expect(seen?.aborted).toBe(true);
  });

  it('reject, not report, when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = resolveDoh('a.example', 'A', {
      url: URL_JSON,
      format: 'json',
      signal: controller.signal,
      fetch: fakeFetch(() => new Promise<Response>(() => {})),
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('lookupHost over DoH', () => {
  it('shows the captured chain like nslookup', async () => {
    const resolver = createDohResolver(
      { url: URL_JSON, format: 'wire' },
      {
        fetch: fakeFetch((url) => {
          const question = decodeQuestion(fromBase64Url(url.searchParams.get('dns') ?? ''));
          // The captured bytes answer A; AAAA gets the same chain with no address.
          const bytes = Uint8Array.from(REAL_WORLD_RESPONSE);
          if (question.type === 28) {
            bytes[32] = 28;
            bytes[7] = 2;
          }
          return new Response(bytes, { headers: { 'content-type': 'application/dns-message' } });
        }),
      },
    );
    const result = await lookupHost('api-sse.cisco.com', resolver);
    expect(result.cnameChain).toEqual([
      'api-sse.cisco.com',
      'api-sse.cisco.com.akadns.net',
      'prod.sse.akadns.net',
    ]);
    expect(result.addresses).toEqual(['192.0.2.110', '198.51.100.16']);
    expect(result.resolver).toEqual({ kind: 'doh-wire', label: URL_JSON });
    expect(formatNslookup(result, { time: false })).toBe(
      [
        `Server:    ${URL_JSON}`,
        '',
        'Non-authoritative answer:',
        'api-sse.cisco.com canonical name = api-sse.cisco.com.akadns.net.',
        'api-sse.cisco.com.akadns.net canonical name = prod.sse.akadns.net.',
        'Name: prod.sse.akadns.net',
        'Address: 192.0.2.110',
        'Name: prod.sse.akadns.net',
        'Address: 198.51.100.16',
      ].join('\n'),
    );
  });
});

import { describe, expect, it, vi } from 'vitest';
import { FmcError } from '../../lib/fmc/errors';
import {
  FmcHttp,
  fmcErrorMessages,
  type HttpRequest,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
  UnreachableError,
} from '../../lib/fmc/http';
import { RateLimiter } from '../../lib/fmc/limiter';

type Answer = { status: number; body?: string; headers?: Record<string, string> } | Error | 'hang';

/** A fetch that plays answers in order and records every call. */
function scripted(answers: Answer[]) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    const answer = answers.shift() ?? { status: 200, body: '{}' };
    if (answer instanceof Error) throw answer;
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        const abort = () => reject(new DOMException('aborted', 'AbortError'));
        if (init?.signal?.aborted) abort();
        init?.signal?.addEventListener('abort', abort);
      });
    }
    return new Response(answer.status === 204 ? null : (answer.body ?? ''), {
      status: answer.status,
      headers: answer.headers,
    });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function http(answers: Answer[], extra: Partial<ConstructorParameters<typeof FmcHttp>[0]> = {}) {
  const { fetch, calls } = scripted(answers);
  const sleeps: number[] = [];
  const limiter = new RateLimiter({ perMinute: 1_000, windowMs: 60_000, maxInFlight: 10 });
  const client = new FmcHttp({
    limiter,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { client, calls, sleeps, limiter };
}

const GET: HttpRequest = {
  method: 'GET',
  url: 'https://fmc.example/api/fmc_config/v1/domain/d/devices/devicerecords',
  endpoint: 'devices/devicerecords',
  kind: 'read',
};

const fmcError = (description: string) =>
  JSON.stringify({ error: { category: 'FRAMEWORK', messages: [{ description }], severity: 'ERROR' } });

async function failure(promise: Promise<unknown>): Promise<FmcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FmcError);
  return error as FmcError;
}

describe('FmcHttp: transient failures of a read are retried, within one budget', () => {
  const retried = (answers: Answer[], extra: Partial<ConstructorParameters<typeof FmcHttp>[0]> = {}) => {
    const setup = http(answers, extra);
    const events: string[] = [];
    setup.client.onRetry((event) => events.push(event.cause));
    return { ...setup, events };
  };

  it.each([
    ['a cut JSON body', { status: 200, body: '{"items":[{"id":' }, 'not-json'],
    [
      'an HTML page with status 200',
      { status: 200, body: '<!doctype html><title>Login</title>' },
      'not-json',
    ],
    ['an empty 200', { status: 200, body: '' }, 'not-json'],
    ['a reset connection', new TypeError('fetch failed'), 'network'],
    ['a 502', { status: 502, body: '' }, 'server-error'],
  ] as const)('retries %s once and returns the good answer', async (_name, bad, cause) => {
    const { client, calls, events } = retried([bad, { status: 200, body: '{"items":[]}' }]);
    await expect(client.send(GET)).resolves.toMatchObject({ status: 200, body: { items: [] } });
    expect(calls).toHaveLength(2);
    expect(events).toEqual([cause]);
  });

  it('retries a timeout', async () => {
    const { client, calls, events } = retried(['hang', { status: 200, body: '{}' }], { timeoutMs: 30 });
    await expect(client.send(GET)).resolves.toMatchObject({ status: 200 });
    expect(calls).toHaveLength(2);
    expect(events).toEqual(['timeout']);
  });

  it('retries a body the caller’s parser rejects as the wrong shape', async () => {
    const { client, calls } = retried([
      { status: 200, body: '{"unexpected":true}' },
      { status: 200, body: '{"items":[]}' },
    ]);
    const parse = (body: unknown) => {
      if (!(body && typeof body === 'object' && 'items' in body))
        throw new FmcError({ code: 'schema-mismatch', params: { endpoint: 'x', field: '(body)' } });
      return body;
    };
    await expect(client.send({ ...GET, parse })).resolves.toMatchObject({ body: { items: [] } });
    expect(calls).toHaveLength(2);
  });

  it('gives up after the budget, mixed causes counting together, with the last error', async () => {
    const { client, calls, events } = retried([
      { status: 503, body: '' },
      { status: 200, body: '<html>' },
      new TypeError('fetch failed'),
    ]);
    expect((await failure(client.send(GET))).code).toBe('tls-or-network');
    expect(calls).toHaveLength(3);
    expect(events).toEqual(['server-error', 'not-json']);
  });

  it('does not retry a sign-in whose connection failed, nor a write after a 5xx', async () => {
    const login = retried([new TypeError('fetch failed')]);
    await failure(
      login.client.send({ ...GET, method: 'POST', kind: 'login', endpoint: 'auth/generatetoken' }),
    );
    expect(login.calls).toHaveLength(1);
    const write = retried([{ status: 500, body: '' }]);
    await failure(write.client.send({ ...GET, method: 'PUT', kind: 'write' }));
    expect(write.calls).toHaveLength(1);
  });
});

describe('FmcHttp: redirects are never followed', () => {
  it.each([
    ['an opaque redirect (browsers)', 'opaque'],
    ['a 302 (Node)', 302],
  ] as const)('turns %s into a clear error, without retrying', async (_name, kind) => {
    const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      expect(init?.redirect).toBe('manual');
      if (kind === 'opaque') {
        const response = new Response(null, { status: 200 });
        Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(response, 'status', { value: 0 });
        return response;
      }
      return new Response(null, { status: kind, headers: { Location: 'https://elsewhere.example/' } });
    });
    const client = new FmcHttp({
      limiter: new RateLimiter({ perMinute: 1_000 }),
      fetch: fetch as unknown as typeof globalThis.fetch,
      sleep: async () => undefined,
    });
    const error = await failure(client.send(GET));
    expect(error.code).toBe('redirected');
    expect(error.message).toContain('never follows');
    expect(error.localized('fr')).toContain('ne suit jamais');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('FmcHttp: failures a firewall admin can act on', () => {
  it('turns a fetch TypeError (unreachable, untrusted certificate) into the certificate advice', async () => {
    const { client } = http([new TypeError('fetch failed')], { retry: { transientRetries: 0 } });
    const error = await failure(client.send(GET));
    expect(error.code).toBe('tls-or-network');
    expect(error.message).toBe(
      'The browser cannot reach the FMC or does not trust its certificate — open the FMC in a tab and accept it.',
    );
    expect(error.localized('fr')).toContain('ouvrez le FMC dans un onglet');
  });

  it.each([
    [401, 'login', 'bad-credentials', 'REST API Preferences'],
    [403, 'login', 'login-forbidden', 'REST API Preferences'],
    [401, 'read', 'token-rejected', '401 on devices/devicerecords'],
    [403, 'read', 'forbidden', 'not allowed to read devices/devicerecords (403)'],
    [404, 'read', 'not-available', 'does not offer devices/devicerecords (404)'],
    [405, 'read', 'method-not-allowed', '(405)'],
    [422, 'read', 'invalid-request', '(422)'],
    [400, 'read', 'invalid-request', '(400)'],
    [418, 'read', 'unexpected-status', 'HTTP status 418'],
  ] as const)('maps %i on a %s request to %s', async (status, kind, code, text) => {
    const { client, calls } = http([{ status, body: fmcError('Details from the FMC.') }]);
    const error = await failure(client.send({ ...GET, kind }));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toContain(text);
    expect(error.message).toContain('The FMC says: Details from the FMC.');
    expect(calls).toHaveLength(1);
  });

  it('retries a GET after 5xx with growing backoff, then names the endpoint', async () => {
    const { client, calls, sleeps } = http([{ status: 503 }, { status: 502 }, { status: 500 }]);
    const error = await failure(client.send(GET));
    expect(error.code).toBe('server-error');
    expect(error.message).toBe(
      'The FMC answered devices/devicerecords with a server error (500) several times. Try again later.',
    );
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([1_250, 2_500]);
  });

  it('recovers from a 5xx burst on a GET and on a token request', async () => {
    for (const kind of ['read', 'token', 'login'] as const) {
      const { client, calls } = http([{ status: 500 }, { status: 200, body: '{"items":[]}' }]);
      await expect(client.send({ ...GET, kind })).resolves.toMatchObject({
        status: 200,
        body: { items: [] },
      });
      expect(calls).toHaveLength(2);
    }
  });

  it('never repeats a write after a 5xx', async () => {
    const { client, calls } = http([{ status: 500 }, { status: 200, body: '{}' }]);
    const error = await failure(client.send({ ...GET, method: 'PUT', kind: 'write' }));
    expect(error.code).toBe('server-error');
    expect(calls).toHaveLength(1);
  });

  it('waits as long as Retry-After says after a 429, and pauses the whole limiter', async () => {
    const { client, sleeps, limiter } = http([
      { status: 429, headers: { 'Retry-After': '7' } },
      { status: 200, body: '{}' },
    ]);
    // The pause itself is the limiter's business (tested there); here it must not hold the test for 7 s.
    const pause = vi.spyOn(limiter, 'pause').mockImplementation(() => undefined);
    await client.send(GET);
    expect(sleeps).toEqual([7_000]);
    expect(pause).toHaveBeenCalledWith(7_000);
  });

  it('backs off with jitter from 10 s after a 429 without Retry-After, then gives up with advice', async () => {
    const { client, sleeps, calls, limiter } = http(
      [{ status: 429 }, { status: 429 }, { status: 429 }, { status: 429 }],
      {
        random: () => 0.999,
      },
    );
    vi.spyOn(limiter, 'pause').mockImplementation(() => undefined);
    const error = await failure(client.send(GET));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('too many REST API requests (429)');
    expect(calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps[0]).toBeGreaterThanOrEqual(10_000);
    expect(sleeps[0]).toBeLessThanOrEqual(15_000);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0] ?? 0);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(60_000);
  });

  it('reports a body that is not JSON', async () => {
    const { client } = http([{ status: 200, body: '<html><title>Login</title>' }], {
      retry: { transientRetries: 0 },
    });
    const error = await failure(client.send(GET));
    expect(error.code).toBe('not-json');
    expect(error.message).toContain("The FMC's answer to devices/devicerecords is not JSON");
  });

  it('reports an empty body on a GET as not JSON but accepts the 204 of a token request', async () => {
    const { client } = http([{ status: 200, body: '' }, { status: 204 }], { retry: { transientRetries: 0 } });
    expect((await failure(client.send(GET))).code).toBe('not-json');
    await expect(
      client.send({ ...GET, method: 'POST', kind: 'token', endpoint: 'auth/refreshtoken' }),
    ).resolves.toMatchObject({ status: 204, body: undefined });
  });

  it('times out a request that hangs', async () => {
    const { client } = http(['hang'], { timeoutMs: 30, retry: { transientRetries: 0 } });
    const error = await failure(client.send(GET));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The FMC did not answer devices/devicerecords within 0.03 s.');
  });

  it('reports a cancelled request as aborted, not as a network failure', async () => {
    const { client } = http(['hang']);
    const controller = new AbortController();
    const pending = client.send({ ...GET, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).toBe('aborted');
  });

  it('sends the token headers given, never cookies, and frees the limiter slot', async () => {
    const { client, calls, limiter } = http([{ status: 200, body: '{}' }]);
    await client.send({ ...GET, headers: { 'X-auth-access-token': 'tok' } });
    expect(calls[0]?.init).toMatchObject({ credentials: 'omit', headers: { 'X-auth-access-token': 'tok' } });
    expect(limiter.inFlight).toBe(0);
  });
});

describe('error body and Retry-After', () => {
  it('reads messages with or without the error wrapper, and nothing from non-JSON', () => {
    expect(fmcErrorMessages(fmcError('Invalid filter'))).toEqual(['Invalid filter']);
    expect(fmcErrorMessages('{"messages":[{"description":"A"},{"description":" B "},{}]}')).toEqual([
      'A',
      'B',
    ]);
    expect(fmcErrorMessages('<html>')).toEqual([]);
    expect(fmcErrorMessages(fmcError('x'.repeat(600)))[0]).toHaveLength(501);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '3' }))).toBe(3_000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'Retry-After': 'Wed, 01 Jan 2025 00:00:05 GMT' }), now)).toBe(5_000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});

describe('Retry-After above the cap (issue 17)', () => {
  it('ends the request at once with "the FMC asks to wait N s", without waiting or pausing the limiter', async () => {
    const { client, sleeps, calls, limiter } = http([
      { status: 429, headers: { 'Retry-After': '3600' } },
      { status: 200, body: '{}' },
    ]);
    const pause = vi.spyOn(limiter, 'pause');
    const error = await failure(client.send(GET));
    expect(error.code).toBe('retry-after-too-long');
    expect(error.status).toBe(429);
    expect(error.localized('en')).toContain('The FMC asks to wait 3600 s');
    expect(error.localized('fr')).toContain('Le FMC demande d’attendre 3600 s');
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(pause).not.toHaveBeenCalled();
    expect(limiter.inFlight).toBe(0);
  });

  it('still waits for a Retry-After at the cap (120 s), and the cap applies to an HTTP date too', async () => {
    const { client, sleeps, limiter } = http([
      { status: 429, headers: { 'Retry-After': '120' } },
      { status: 200, body: '{}' },
    ]);
    const pause = vi.spyOn(limiter, 'pause').mockImplementation(() => undefined);
    await client.send(GET);
    expect(sleeps).toEqual([MAX_RETRY_AFTER_MS]);
    expect(pause).toHaveBeenCalledWith(MAX_RETRY_AFTER_MS);

    const later = new Date(Date.now() + 3 * 3_600_000).toUTCString();
    const dated = http([{ status: 429, headers: { 'Retry-After': later } }]);
    const error = await failure(dated.client.send(GET));
    expect(error.code).toBe('retry-after-too-long');
    expect(dated.sleeps).toEqual([]);
  });

  it('reads a value too long for a double as a long wait, never Infinity', async () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '9'.repeat(400) }))).toBe(Number.MAX_SAFE_INTEGER);
    const { client, sleeps } = http([{ status: 429, headers: { 'Retry-After': '9'.repeat(400) } }]);
    const error = await failure(client.send(GET));
    expect(error.code).toBe('retry-after-too-long');
    expect(Number.isFinite(Number(error.params.seconds))).toBe(true);
    expect(sleeps).toEqual([]);
  });
});

describe('a transport that cannot reach the FMC at all (issue 17)', () => {
  it('words an UnreachableError as fmc-unreachable, retries a read twice, and says what the admin does', async () => {
    const unreachable = new UnreachableError('relay: unreachable');
    const { client, calls, sleeps } = http([unreachable, unreachable, unreachable]);
    const error = await failure(client.send(GET));
    expect(error.code).toBe('fmc-unreachable');
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(error.localized('en')).toContain("open the FMC once in a tab, pass the browser's warning");
    expect(error.localized('fr')).toContain('passez l’avertissement du navigateur');
  });

  it('keeps tls-or-network for a plain fetch TypeError', async () => {
    const refused = new TypeError('Failed to fetch');
    const { client } = http([refused, refused, refused]);
    expect((await failure(client.send(GET))).code).toBe('tls-or-network');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { FmcHttp, type FmcTransport, UnreachableError } from '../../lib/fmc/http';
import { RateLimiter } from '../../lib/fmc/limiter';
import {
  answerRelay,
  type DocumentServeDeps,
  documentRelay,
  fallbackTransport,
  OFFSCREEN_IDLE_MS,
  RELAY_STICKY_MS,
} from '../../lib/platform/offscreen';
import { OFFSCREEN_FETCH, type OffscreenFetchRequest } from '../../lib/protocol/messages';

// Issue 17: the service worker's FMC requests, relayed through the offscreen document on Chromium.

const URL_ = 'https://fmc.example/api/fmc_platform/v1/info/serverversion';
const ok = (body = '{}') => ({ type: 'basic', status: 200, headers: new Headers(), text: async () => body });

afterEach(() => {
  vi.useRealTimers();
});

describe('fallbackTransport (the worker: its own fetch, else the document)', () => {
  it('relays a request whose direct fetch fails with a TypeError, and that FMC next ones straight away', async () => {
    let now = 1_000;
    const direct = vi.fn<FmcTransport>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const relay = vi.fn<FmcTransport>(async () => ok('{"relayed":true}'));
    const transport = fallbackTransport({ direct, relay, now: () => now });

    const first = await transport(URL_, { method: 'GET' });
    expect(await first.text()).toBe('{"relayed":true}');
    expect(direct).toHaveBeenCalledTimes(1);
    expect(relay).toHaveBeenCalledTimes(1);

    await transport(URL_, { method: 'GET' });
    expect(direct).toHaveBeenCalledTimes(1);
    expect(relay).toHaveBeenCalledTimes(2);

    // Another FMC still tries its own fetch first; the first FMC does again once the memory expires.
    await transport('https://other.example/api/x', { method: 'GET' });
    expect(direct).toHaveBeenCalledTimes(2);
    now += RELAY_STICKY_MS + 1;
    await transport(URL_, { method: 'GET' });
    expect(direct).toHaveBeenCalledTimes(3);
  });

  it('never relays a request that succeeded, was aborted, or failed otherwise than at the network', async () => {
    const relay = vi.fn<FmcTransport>(async () => ok());
    const answered = fallbackTransport({ direct: async () => ok('direct'), relay });
    expect(await (await answered(URL_, {})).text()).toBe('direct');

    const controller = new AbortController();
    controller.abort();
    const aborted = fallbackTransport({
      direct: async () => {
        throw new TypeError('aborted as a TypeError');
      },
      relay,
    });
    await expect(aborted(URL_, { signal: controller.signal })).rejects.toThrow('aborted as a TypeError');

    const other = fallbackTransport({
      direct: async () => {
        throw new DOMException('timed out', 'AbortError');
      },
      relay,
    });
    await expect(other(URL_, {})).rejects.toThrow('timed out');
    expect(relay).not.toHaveBeenCalled();
  });

  it('through FmcHttp: same limiter slot, one relayed request, and fmc-unreachable when the document fails too', async () => {
    const limiter = new RateLimiter({ perMinute: 100, maxInFlight: 10 });
    const relay = vi.fn<FmcTransport>(async () => {
      throw new UnreachableError('document: unreachable');
    });
    const http = new FmcHttp({
      limiter,
      fetch: fallbackTransport({
        direct: async () => {
          throw new TypeError('Failed to fetch');
        },
        relay,
      }),
      sleep: async () => undefined,
    });
    const error = await http
      .send({ method: 'GET', url: URL_, endpoint: 'serverversion', kind: 'read' })
      .catch((e) => e);
    expect(error.code).toBe('fmc-unreachable');
    expect(relay).toHaveBeenCalledTimes(3);
    expect(limiter.inFlight).toBe(0);
  });
});

describe('documentRelay (the worker side of the relay)', () => {
  function relayWith(answer: unknown, enabled = true) {
    const sent: OffscreenFetchRequest[] = [];
    const deps = {
      isEnabled: vi.fn(async () => enabled),
      ensureDocument: vi.fn(async () => undefined),
      closeDocument: vi.fn(async () => undefined),
      send: vi.fn(async (message: OffscreenFetchRequest) => {
        sent.push(message);
        return answer;
      }),
    };
    return { transport: documentRelay(deps), deps, sent };
  }

  it('carries method, URL, headers and body, and gives status, headers and body back', async () => {
    const { transport, sent, deps } = relayWith({
      ok: true,
      status: 204,
      redirected: false,
      headers: [['x-auth-access-token', 'tok']],
      body: '',
    });
    const response = await transport('https://fmc.example/api/fmc_platform/v1/auth/generatetoken', {
      method: 'POST',
      headers: { Authorization: 'Basic abc' },
      body: 'x',
    });
    expect(deps.isEnabled).toHaveBeenCalledWith('https://fmc.example/*');
    expect(sent[0]).toMatchObject({
      type: OFFSCREEN_FETCH,
      method: 'POST',
      url: 'https://fmc.example/api/fmc_platform/v1/auth/generatetoken',
      headers: [['authorization', 'Basic abc']],
      body: 'x',
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('X-auth-access-token')).toBe('tok');
  });

  it('sends nothing for an FMC the user did not enable', async () => {
    const { transport, deps } = relayWith(
      { ok: true, status: 200, redirected: false, headers: [], body: '{}' },
      false,
    );
    await expect(transport(URL_, { method: 'GET' })).rejects.toBeInstanceOf(UnreachableError);
    expect(deps.ensureDocument).not.toHaveBeenCalled();
    expect(deps.send).not.toHaveBeenCalled();
  });

  it('turns a refusal, a failure, no answer or a malformed one into UnreachableError; a redirect stays one', async () => {
    for (const answer of [{ ok: false, reason: 'unreachable' }, undefined, { ok: true, status: 'x' }]) {
      await expect(relayWith(answer).transport(URL_, {})).rejects.toBeInstanceOf(UnreachableError);
    }
    const redirect = await relayWith({
      ok: true,
      status: 0,
      redirected: true,
      headers: [],
      body: '',
    }).transport(URL_, {});
    expect(redirect.type).toBe('opaqueredirect');
  });

  it('closes the document once idle, not while requests go on', async () => {
    vi.useFakeTimers();
    const { transport, deps } = relayWith({
      ok: true,
      status: 200,
      redirected: false,
      headers: [],
      body: '{}',
    });
    await transport(URL_, {});
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 1_000);
    await transport(URL_, {});
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 1_000);
    expect(deps.ensureDocument).toHaveBeenCalledTimes(2);
    expect(deps.closeDocument).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(deps.closeDocument).toHaveBeenCalledTimes(1);
  });
});

describe('answerRelay (the offscreen document)', () => {
  const deps = (fetch: typeof globalThis.fetch): DocumentServeDeps => ({
    extensionId: 'ours',
    workerUrl: 'chrome-extension://ours/background.js',
    fetch,
  });
  const worker = { id: 'ours', url: 'chrome-extension://ours/background.js' };
  const request: OffscreenFetchRequest = {
    type: OFFSCREEN_FETCH,
    method: 'GET',
    url: URL_,
    headers: [['x-auth-access-token', 'tok']],
    timeoutMs: 5_000,
  };
  const answering = () =>
    vi.fn(async () => new Response('{"v":1}', { status: 200, headers: { 'X-Test': 'yes' } }));

  it('answers our service worker with the FMC response, never with cookies nor following a redirect', async () => {
    const fetch = answering();
    const answer = await answerRelay(request, worker, deps(fetch as unknown as typeof globalThis.fetch));
    expect(answer).toMatchObject({ ok: true, status: 200, redirected: false, body: '{"v":1}' });
    expect(answer?.ok ? answer.headers : []).toContainEqual(['x-test', 'yes']);
    expect(fetch).toHaveBeenCalledWith(
      URL_,
      expect.objectContaining({ credentials: 'omit', redirect: 'manual', cache: 'no-store', method: 'GET' }),
    );
  });

  it('leaves other messages to the background (no answer at all)', () => {
    const fetch = answering();
    expect(
      answerRelay({ type: 'diagnose', origin: 'https://fmc.example' }, worker, deps(fetch as never)),
    ).toBe(undefined);
    expect(answerRelay('hello', worker, deps(fetch as never))).toBe(undefined);
  });

  it('refuses a foreign sender, a content script, one of our pages, a malformed message and a non-API URL', async () => {
    const fetch = answering();
    const d = deps(fetch as unknown as typeof globalThis.fetch);
    const refusals = [
      answerRelay(request, { id: 'another-extension', url: worker.url }, d),
      answerRelay(request, { id: 'ours', url: 'https://fmc.example/ddd/', tab: { id: 1 } as never }, d),
      answerRelay(request, { id: 'ours', url: 'chrome-extension://ours/popup.html' }, d),
      answerRelay({ ...request, url: 'file:///etc/passwd' }, worker, d),
      answerRelay({ ...request, url: 'https://user:pw@fmc.example/api/x' }, worker, d),
      answerRelay({ ...request, url: 'https://fmc.example/ui/login' }, worker, d),
      answerRelay({ ...request, extra: 1 }, worker, d),
      answerRelay({ ...request, timeoutMs: 10_000_000 }, worker, d),
    ];
    for (const refusal of refusals) expect(await refusal).toEqual({ ok: false, reason: 'refused' });
    expect(fetch).not.toHaveBeenCalled();
    // Positive control: the same deps answer a well-formed request of our worker.
    expect(await answerRelay(request, worker, d)).toMatchObject({ ok: true });
  });

  it("relays a cdFMC gateway door's path (its prefix before /api/), and refuses a prefix before anything else", async () => {
    const fetch = answering();
    const d = deps(fetch as unknown as typeof globalThis.fetch);
    const gateway = new URL('/firewall/v1/cdfmc/api/fmc_platform/v1/info/domain', URL_).href;
    expect(await answerRelay({ ...request, url: gateway }, worker, d)).toMatchObject({ ok: true });
    const notApi = new URL('/firewall/v1/cdfmc/ui/login', URL_).href;
    expect(await answerRelay({ ...request, url: notApi }, worker, d)).toEqual({
      ok: false,
      reason: 'refused',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('says unreachable when its own fetch fails', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await answerRelay(request, worker, deps(failing as never))).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });
});

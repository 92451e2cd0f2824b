import { type Browser, browser } from 'wxt/browser';
import { stripCdfmcPrefix } from '../fmc/doors';
import { type FmcTransport, type TransportResponse, UnreachableError } from '../fmc/http';
import { patternForUrl } from '../origins';
import { OFFSCREEN_FETCH, OffscreenFetchAnswer, OffscreenFetchRequest } from '../protocol/messages';
import { askOffscreen } from './messaging';
import { hasOrigin } from './permissions';

/**
 * Chromium: the service worker's FMC requests, relayed through an offscreen document when the worker cannot
 * make them itself.
 *
 * Why: most FMCs serve their API with a self-signed certificate, which the admin accepts once in a tab.
 * Chromium honours that decision on every new connection of a document (a tab, the popup, the report, an
 * offscreen document), but not on the service worker's: measured in Chromium 156 (issue 17), the worker's
 * `fetch` fails with a TypeError before any byte reaches the FMC, and succeeds only over a connection one of
 * the extension's pages left open. The document's `fetch` succeeds every time, after a browser restart too.
 * Firefox has no offscreen API and needs none: its background page honours the certificate exception.
 *
 * The relay moves only the raw request: limiter, retries, timeout, tokens (storage.session) and the FMC's
 * lock stay with the worker's FMC client (lib/features/fmc-client.ts).
 */

/** The document, bundled from entrypoints/offscreen/index.html. */
export const OFFSCREEN_PATH = '/offscreen.html';

/**
 * The document is closed this long after its last request ended. Below the 30 s after which Chromium stops an
 * idle service worker (developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle), so
 * the worker that set the timer is still there to close it: a document left open would hold memory only.
 */
export const OFFSCREEN_IDLE_MS = 20_000;

/** Once the worker failed to reach an FMC, its requests go straight through the document this long. */
export const RELAY_STICKY_MS = 10 * 60_000;

/**
 * `reasons` must name one of Chrome's fixed list (extensions/common/api/offscreen.webidl: TESTING,
 * AUDIO_PLAYBACK, IFRAME_SCRIPTING, DOM_SCRAPING, BLOBS, DOM_PARSER, USER_MEDIA, DISPLAY_MEDIA, WEB_RTC,
 * CLIPBOARD, LOCAL_STORAGE, WORKERS, BATTERY_STATUS, MATCH_MEDIA, GEOLOCATION); none names network requests.
 * `WORKERS` is the least wrong: the document is a helper context doing work for the service worker, renders
 * nothing and embeds nothing, so DOM_SCRAPING or IFRAME_SCRIPTING would claim what it does not do. The
 * justification says plainly what it does (Chrome may show it to the user); SECURITY.md repeats it.
 */
const REASONS = ['WORKERS'] as const;
const JUSTIFICATION =
  "Sends the extension's read-only REST API requests to the Cisco FMC servers the user enabled, when the " +
  "service worker cannot: Chromium applies a certificate the user accepted in a tab (most FMCs' are " +
  'self-signed) to documents, not to the service worker. It fetches nothing else and renders nothing.';

export interface RelayDeps {
  /** The worker's own fetch. */
  direct: FmcTransport;
  /** Sends one request through the document. */
  relay: FmcTransport;
  now?: () => number;
}

/**
 * The worker's transport on Chromium: its own `fetch` first; on a network or TLS failure (a TypeError, not an
 * abort or a timeout) the same request through the offscreen document, and that FMC's next requests straight
 * through the document for `RELAY_STICKY_MS` (a worker refused once is refused again: each direct try would
 * cost the FMC a failed TLS handshake). Figures behind this choice: /BENCHMARKS.md, "Offscreen relay".
 */
export function fallbackTransport(deps: RelayDeps): FmcTransport {
  const now = deps.now ?? Date.now;
  const viaDocument = new Map<string, number>();
  return async (url, init) => {
    const origin = new URL(url).origin;
    if ((viaDocument.get(origin) ?? 0) > now()) return deps.relay(url, init);
    try {
      return await deps.direct(url, init);
    } catch (error) {
      if (!(error instanceof TypeError) || init.signal?.aborted) throw error;
      viaDocument.set(origin, now() + RELAY_STICKY_MS);
      return deps.relay(url, init);
    }
  };
}

export interface DocumentRelayDeps {
  /** Whether the user enabled this FMC (its host permission is held). */
  isEnabled(origin: string): Promise<boolean>;
  /** Creates the document unless it exists. */
  ensureDocument(): Promise<void>;
  closeDocument(): Promise<void>;
  send(message: OffscreenFetchRequest): Promise<unknown>;
  idleMs?: number;
}

/**
 * Sends requests through the offscreen document: created on the first, closed `idleMs` after the last ended.
 * Only to an FMC the user enabled; the answer is validated (`OffscreenFetchAnswer`) before it is used.
 */
export function documentRelay(deps: DocumentRelayDeps): FmcTransport {
  const idleMs = deps.idleMs ?? OFFSCREEN_IDLE_MS;
  let inFlight = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const settled = () => {
    inFlight--;
    if (inFlight > 0) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (inFlight === 0) deps.closeDocument().catch(() => undefined);
    }, idleMs);
  };
  return async (url, init) => {
    const pattern = patternForUrl(url);
    if (!pattern || !(await deps.isEnabled(pattern))) {
      throw new UnreachableError(`The offscreen relay serves enabled FMCs only, not ${new URL(url).origin}`);
    }
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    inFlight++;
    clearTimeout(idleTimer);
    try {
      await deps.ensureDocument();
      const message: OffscreenFetchRequest = {
        type: OFFSCREEN_FETCH,
        method: (init.method ?? 'GET') as OffscreenFetchRequest['method'],
        url,
        headers: [...new Headers(init.headers).entries()],
        ...(typeof init.body === 'string' ? { body: init.body } : {}),
        timeoutMs: RELAY_TIMEOUT_MS,
      };
      const sent = deps.send(message).catch((cause: unknown) => {
        // No receiver (the document closed under us, or failed to load).
        throw new UnreachableError('The offscreen document did not answer', { cause });
      });
      const raw = await untilAborted(sent, signal);
      return toResponse(raw);
    } finally {
      settled();
    }
  };
}

/**
 * The document's own bound on one request; the worker's timeout (FmcHttp, 30 s by default) is shorter and
 * wins, this only ends a request the worker stopped waiting for.
 */
const RELAY_TIMEOUT_MS = 120_000;

function toResponse(raw: unknown): TransportResponse {
  const parsed = OffscreenFetchAnswer.safeParse(raw);
  if (!parsed.success) {
    // No answer at all (the document closed under us) or one we do not understand.
    throw new UnreachableError('The offscreen document gave no usable answer');
  }
  const answer = parsed.data;
  if (!answer.ok)
    throw new UnreachableError(`The offscreen document could not reach the FMC (${answer.reason})`);
  let headers: Headers;
  try {
    headers = new Headers(answer.headers);
  } catch (cause) {
    throw new UnreachableError('The offscreen document answered unreadable headers', { cause });
  }
  const { status, body, redirected } = answer;
  return { type: redirected ? 'opaqueredirect' : 'basic', status, headers, text: async () => body };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

type OffscreenApi = {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
};

function offscreenApi(): OffscreenApi | undefined {
  const api = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  return typeof api?.createDocument === 'function' ? api : undefined;
}

/** Whether this context is the extension's service worker (Chromium MV3; Firefox's background is a page). */
function inServiceWorker(): boolean {
  const scope = (globalThis as { ServiceWorkerGlobalScope?: new () => unknown }).ServiceWorkerGlobalScope;
  return typeof scope === 'function' && globalThis instanceof scope;
}

let creating: Promise<void> | undefined;

/** One document at a time (Chrome allows one per extension); two requests at once create it once. */
function ensureDocument(api: OffscreenApi): Promise<void> {
  creating ??= (async () => {
    if (await documentOpen(api)) return;
    await api
      .createDocument({ url: OFFSCREEN_PATH, reasons: [...REASONS], justification: JUSTIFICATION })
      .catch(async (error: unknown) => {
        // Another creation won the race: the document is there all the same.
        if (!(await documentOpen(api))) throw error;
      });
  })().finally(() => {
    creating = undefined;
  });
  return creating;
}

async function documentOpen(api: OffscreenApi): Promise<boolean> {
  const runtime = browser.runtime as unknown as {
    getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
  };
  // runtime.getContexts: Chrome 116+; offscreen.hasDocument before that (the manifest allows 112).
  if (typeof runtime.getContexts === 'function') {
    return (await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0;
  }
  return (await api.hasDocument?.()) ?? false;
}

/**
 * The transport of the worker's FMC clients: the relaying one in Chromium's service worker, none elsewhere
 * (our pages and Firefox's background page use plain `fetch`, which honours the certificate exception).
 */
export function workerFmcTransport(): FmcTransport | undefined {
  const api = offscreenApi();
  if (!api || !inServiceWorker()) return undefined;
  return fallbackTransport({
    direct: (url, init) => fetch(url, init),
    relay: documentRelay({
      isEnabled: hasOrigin,
      ensureDocument: () => ensureDocument(api),
      closeDocument: () => api.closeDocument(),
      send: askOffscreen,
    }),
  });
}

// The document's side. Measured in Chromium 156: an offscreen document has `chrome.runtime` and nothing else
// (no `permissions`, no `storage`), as Chrome documents. So the check that an FMC is enabled is the worker's
// (`documentRelay`, before anything is sent), and the document adds what it can check itself.

export interface DocumentServeDeps {
  /** This extension's id and its service worker's URL: the only sender served. */
  extensionId: string;
  workerUrl: string;
  fetch?: typeof fetch;
}

/**
 * What the offscreen document does with one runtime message: `undefined` (no answer) for anything that is not
 * a relay request, so the background still answers the messages our pages send it. A relay request is refused
 * unless it comes from our service worker (the browser sets `sender`: a content script or a page cannot pass
 * for it), has the shape `OffscreenFetchRequest` allows, and targets the REST API (`/api/...`) of an http(s)
 * origin. The browser holds the rest: without the user's host permission for that FMC, an extension document's
 * cross-origin fetch is a CORS request, and the token or password headers make it preflighted, which an FMC's
 * API (no CORS headers) refuses before the request itself leaves (developer.chrome.com/docs/extensions/
 * develop/concepts/network-requests). The document always omits cookies, never follows a redirect (the tokens
 * must not travel elsewhere) and bypasses the HTTP cache, as FmcHttp asks of `fetch`.
 */
export function answerRelay(
  raw: unknown,
  sender: Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'tab'>,
  deps: DocumentServeDeps,
): Promise<OffscreenFetchAnswer> | undefined {
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== OFFSCREEN_FETCH) {
    return undefined;
  }
  const refused = Promise.resolve<OffscreenFetchAnswer>({ ok: false, reason: 'refused' });
  if (sender.id !== deps.extensionId || sender.tab !== undefined || sender.url !== deps.workerUrl)
    return refused;
  const parsed = OffscreenFetchRequest.safeParse(raw);
  if (!parsed.success) return refused;
  const request = parsed.data;
  // A cdFMC's gateway door puts its prefix (`/firewall/v1/cdfmc`) before the FMC's `/api/` path (issue 20).
  if (!patternForUrl(request.url) || !stripCdfmcPrefix(new URL(request.url).pathname).startsWith('/api/'))
    return refused;
  return relayFetch(request, deps.fetch ?? ((input, init) => fetch(input, init)));
}

async function relayFetch(
  request: OffscreenFetchRequest,
  doFetch: typeof fetch,
): Promise<OffscreenFetchAnswer> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      signal,
    });
    if (response.type === 'opaqueredirect') {
      return { ok: true, status: 0, redirected: true, headers: [], body: '' };
    }
    return {
      ok: true,
      status: response.status,
      redirected: false,
      headers: [...response.headers.entries()],
      body: await response.text(),
    };
  } catch {
    return { ok: false, reason: signal.aborted ? 'timeout' : 'unreachable' };
  }
}

/**
 * The offscreen document's wiring (entrypoints/offscreen): answers the service worker's relay requests. Its
 * `chrome.runtime` is a reduced one (no `getManifest`, measured in Chromium 156), so the extension's id and
 * the worker's address come from the document's own address; WXT writes the MV3 worker as `background.js`
 * (test/e2e/self-signed.spec.ts fails if that changes: nothing would be answered).
 */
export function serveRelayInDocument(): void {
  const deps: DocumentServeDeps = {
    extensionId: location.host,
    workerUrl: new URL('/background.js', location.origin).href,
  };
  browser.runtime.onMessage.addListener((message, sender) => answerRelay(message, sender, deps));
}

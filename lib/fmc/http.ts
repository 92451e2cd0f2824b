import type { FmcMessageCode } from './error-text';
import { type ErrorEnvelope, FmcError, isFmcError } from './errors';
import type { RateLimiter } from './limiter';

/**
 * What a request does to the FMC decides what we may repeat: logins and token refreshes change nothing on the
 * FMC, reads neither; writes are never retried after a server error.
 */
export type RequestKind = 'login' | 'token' | 'read' | 'write';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * Checks and shapes a 2xx body (the client's zod schema). A read whose body it rejects with `not-json` or
   * `schema-mismatch` is retried like a 5xx: a proxy's page or an answer cut on the way is usually transient.
   */
  parse?: (body: unknown) => unknown;
  /** Absolute URL on the FMC origin. */
  url: string;
  /** Short name of the endpoint for messages, e.g. `devices/devicerecords`. */
  endpoint: string;
  kind: RequestKind;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (through `parse` when given), or undefined for an empty body (the 204 of the token endpoints). */
  body: unknown;
}

export interface RetryPolicy {
  /**
   * Retries of a request after a transient failure: a 5xx, and for reads (idempotent GETs) also a 2xx whose
   * body is not the JSON expected (cut, HTML, empty), a timeout and a refused or reset connection.
   */
  transientRetries: number;
  transientBackoffMs: number;
  rateLimitRetries: number;
  /** First wait after a 429 without `Retry-After`; known FMC clients wait 10-60 s. */
  rateLimitBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  transientRetries: 2,
  transientBackoffMs: 1_000,
  rateLimitRetries: 3,
  rateLimitBackoffMs: 10_000,
  maxBackoffMs: 60_000,
};

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Why a request is sent again; the progress counts each retry as one more request. */
export type RetryCause =
  | 'server-error'
  | 'not-json'
  | 'schema-mismatch'
  | 'timeout'
  | 'network'
  | 'rate-limited';

export interface RetryEvent {
  endpoint: string;
  cause: RetryCause;
  waitMs: number;
}

/** Body problems worth a second try on a read: the same GET answered properly the next time. */
const RETRYABLE_BODY: ReadonlySet<FmcMessageCode> = new Set(['not-json', 'schema-mismatch']);

/**
 * What FmcHttp needs of a response: `fetch`'s Response has it, and so has what the extension's offscreen relay
 * returns (lib/platform/offscreen.ts).
 */
export interface TransportResponse {
  readonly type?: string;
  readonly status: number;
  readonly headers: Headers;
  text(): Promise<string>;
}

/**
 * The raw request, `fetch` by default. The extension's service worker on Chromium passes one that relays a
 * request its own `fetch` could not make through an offscreen document (lib/features/fmc-client.ts); limiter,
 * retries, timeout and session stay here, whatever carries the bytes.
 */
export type FmcTransport = (url: string, init: RequestInit) => Promise<TransportResponse>;

/**
 * Thrown by a transport when every way it has of reaching the FMC failed at the network or TLS level (the
 * worker's `fetch` and the offscreen document's): FmcHttp words it `fmc-unreachable`, with what the admin does.
 */
export class UnreachableError extends TypeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnreachableError';
  }
}

/**
 * The longest `Retry-After` a request waits for. The FMC counts its budget (120 or 300 requests) over a
 * rolling minute (Cisco's REST API Quick Start Guide, "Rate Limiting"), so a refusal caused by our own or
 * another client's requests is over within 60 s; twice that leaves room for a busy FMC. A longer wait is not
 * about the budget (maintenance, an appliance protecting itself): holding the run, the FMC's lock and a
 * kept-alive worker for it would block every re-check and watch of that FMC with no way to cancel, so the
 * request ends with "the FMC asks to wait N s" instead. Also keeps every wait far below setTimeout's 2^31 ms.
 */
export const MAX_RETRY_AFTER_MS = 120_000;

export interface HttpOptions {
  limiter: RateLimiter;
  fetch?: FmcTransport;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** The one place requests leave for the FMC: limiter, timeout, retries, and a typed error for every failure. */
export class FmcHttp {
  readonly limiter: RateLimiter;
  readonly #fetch: FmcTransport;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #retryListeners = new Set<(event: RetryEvent) => void>();

  constructor(options: HttpOptions) {
    this.limiter = options.limiter;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#sleep = options.sleep ?? sleep;
    this.#random = options.random ?? Math.random;
  }

  /** Calls `listener` before every retry; returns the function that stops it. */
  onRetry(listener: (event: RetryEvent) => void): () => void {
    this.#retryListeners.add(listener);
    return () => this.#retryListeners.delete(listener);
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    let transient = 0;
    let rateLimited = 0;
    const read = request.kind === 'read';
    // One budget for every transient failure of this request, whatever mix of them it meets.
    const retryTransient = async (cause: RetryCause, error: FmcError): Promise<void> => {
      if (transient >= this.#retry.transientRetries) throw error;
      const wait = this.#backoff(this.#retry.transientBackoffMs, transient);
      transient++;
      this.#emit({ endpoint: request.endpoint, cause, waitMs: wait });
      await this.#wait(wait, request);
    };
    for (;;) {
      let answer: RawAnswer;
      try {
        answer = await this.#attempt(request);
      } catch (error) {
        // A timeout or a reset connection on a GET: nothing happened on the FMC, so ask again.
        if (read && isFmcError(error, 'timeout')) await retryTransient('timeout', error);
        else if (read && (isFmcError(error, 'tls-or-network') || isFmcError(error, 'fmc-unreachable')))
          await retryTransient('network', error);
        else throw error;
        continue;
      }
      const { status } = answer;
      if (status >= 200 && status < 300) {
        try {
          const body = parseBody(request, answer);
          return { status, headers: answer.headers, body: request.parse ? request.parse(body) : body };
        } catch (error) {
          if (read && error instanceof FmcError && RETRYABLE_BODY.has(error.code)) {
            await retryTransient(error.code as RetryCause, error);
            continue;
          }
          throw error;
        }
      }
      if (status === 429) {
        const asked = retryAfterMs(answer.headers);
        if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
          // Neither waited for nor passed to the limiter: every other request would sit silently behind it.
          throw new FmcError({
            code: 'retry-after-too-long',
            status,
            params: { endpoint: request.endpoint, seconds: Math.ceil(asked / 1000) },
            fmcMessages: fmcErrorMessages(answer.text),
            ...(errorEnvelope(answer.text) ? { envelope: errorEnvelope(answer.text) } : {}),
          });
        }
        // The FMC did nothing with a refused request, so even a write may be sent again.
        const wait = asked ?? this.#backoff(this.#retry.rateLimitBackoffMs, rateLimited);
        this.limiter.pause(wait);
        if (rateLimited >= this.#retry.rateLimitRetries) throw statusError(request, answer, 'rate-limited');
        rateLimited++;
        this.#emit({ endpoint: request.endpoint, cause: 'rate-limited', waitMs: wait });
        await this.#wait(wait, request);
        continue;
      }
      const error = statusError(request, answer, codeForStatus(request.kind, status));
      if (status >= 500 && request.kind !== 'write') {
        await retryTransient('server-error', error);
        continue;
      }
      throw error;
    }
  }

  #emit(event: RetryEvent): void {
    for (const listener of this.#retryListeners) listener(event);
  }

  async #attempt(request: HttpRequest): Promise<RawAnswer> {
    const release = await this.limiter.acquire(request.signal).catch(() => {
      throw aborted(request);
    });
    const timeoutMs = request.timeoutMs ?? this.#timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) onAbort();
    try {
      const response = await this.#fetch(request.url, {
        method: request.method,
        headers: { Accept: 'application/json', ...request.headers },
        signal: controller.signal,
        // The FMC's web UI cookies have no business in API calls.
        credentials: 'omit',
        cache: 'no-store',
        // A redirect would carry the token headers to wherever it points (fetch keeps custom headers across
        // origins): never follow one. Browsers then answer an opaque redirect (status 0), Node the 3xx itself.
        redirect: 'manual',
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw new FmcError({
          code: 'redirected',
          params: { endpoint: request.endpoint },
          ...(response.status ? { status: response.status } : {}),
        });
      }
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (error instanceof FmcError) throw error;
      if (request.signal?.aborted) throw aborted(request);
      if (controller.signal.aborted) {
        throw new FmcError({
          code: 'timeout',
          params: { endpoint: request.endpoint, seconds: Number((timeoutMs / 1000).toPrecision(2)) },
          cause: error,
        });
      }
      if (error instanceof UnreachableError) {
        throw new FmcError({ code: 'fmc-unreachable', params: { endpoint: request.endpoint }, cause: error });
      }
      // fetch throws TypeError for refused connections, DNS failures and certificates the browser distrusts.
      throw new FmcError({ code: 'tls-or-network', params: { endpoint: request.endpoint }, cause: error });
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      release();
    }
  }

  #backoff(base: number, attempt: number): number {
    const jitter = 1 + this.#random() * 0.5;
    return Math.min(this.#retry.maxBackoffMs, base * 2 ** attempt * jitter);
  }

  async #wait(ms: number, request: HttpRequest): Promise<void> {
    try {
      await this.#sleep(ms, request.signal);
    } catch {
      throw aborted(request);
    }
  }
}

function codeForStatus(kind: RequestKind, status: number): FmcMessageCode {
  const signIn = kind === 'login';
  if (status === 401) return signIn ? 'bad-credentials' : 'token-rejected';
  if (status === 403) return signIn ? 'login-forbidden' : 'forbidden';
  if (status === 404) return 'not-available';
  if (status === 405) return 'method-not-allowed';
  if (status === 400 || status === 422) return 'invalid-request';
  if (status >= 500) return 'server-error';
  return 'unexpected-status';
}

function statusError(request: HttpRequest, answer: RawAnswer, code: FmcMessageCode): FmcError {
  const envelope = errorEnvelope(answer.text);
  return new FmcError({
    code,
    status: answer.status,
    params: { endpoint: request.endpoint, status: answer.status },
    fmcMessages: fmcErrorMessages(answer.text),
    ...(envelope ? { envelope } : {}),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * SCC's API gateway answers its own refusals as `{timestamp, path, status, error, requestId}` (one lab, in
 * ../shared/docs/cdfmc.md "Key"), where the FMC writes `{error: {category, messages, severity}}`.
 */
function isGatewayEnvelope(body: unknown): body is Record<string, unknown> {
  return (
    isRecord(body) &&
    typeof body.error === 'string' &&
    ('requestId' in body || ('path' in body && 'timestamp' in body))
  );
}

/** Whose error body this is, when it is one of the two known envelopes. */
export function errorEnvelope(text: string): ErrorEnvelope | undefined {
  const body = parseJson(text);
  if (isGatewayEnvelope(body)) return 'gateway';
  const container = isRecord(body) && isRecord(body.error) ? body.error : body;
  return isRecord(container) && Array.isArray(container.messages) ? 'fmc' : undefined;
}

function aborted(request: HttpRequest): FmcError {
  return new FmcError({ code: 'aborted', params: { endpoint: request.endpoint } });
}

function parseBody(request: HttpRequest, answer: RawAnswer): unknown {
  if (answer.text.trim() === '') {
    if (request.method === 'GET') throw notJson(request, answer);
    return undefined;
  }
  try {
    return JSON.parse(answer.text);
  } catch (cause) {
    throw notJson(request, answer, cause);
  }
}

function notJson(request: HttpRequest, answer: RawAnswer, cause?: unknown): FmcError {
  return new FmcError({
    code: 'not-json',
    status: answer.status,
    params: { endpoint: request.endpoint, status: answer.status },
    cause,
  });
}

const MAX_DETAIL = 500;

/**
 * `error.messages[].description` of the FMC's error body (some versions drop the `error` wrapper); of the SCC
 * gateway's, its `error` (and `message` when given) with its `requestId`, which Cisco's support asks for.
 */
export function fmcErrorMessages(text: string): string[] {
  const body = parseJson(text);
  if (body === undefined) return [];
  if (isGatewayEnvelope(body)) {
    const parts = [body.error, body.message]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map((part) => part.trim());
    const id =
      typeof body.requestId === 'string' && body.requestId.trim()
        ? ` (requestId ${body.requestId.trim()})`
        : '';
    const line = `${parts.join(': ')}${id}`;
    return line ? [line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL)}…` : line] : [];
  }
  const container = isRecord(body) && isRecord(body.error) ? body.error : body;
  if (!isRecord(container) || !Array.isArray(container.messages)) return [];
  return container.messages
    .map((m) => (isRecord(m) && typeof m.description === 'string' ? m.description.trim() : ''))
    .filter((d) => d !== '')
    .map((d) => (d.length > MAX_DETAIL ? `${d.slice(0, MAX_DETAIL)}…` : d));
}

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  // A number too long for a double still means "a very long time", never Infinity.
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(Number.parseFloat(value) * 1000, Number.MAX_SAFE_INTEGER);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** setTimeout's largest delay (a signed 32-bit count of ms); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    // setTimeout takes at most 2^31 - 1 ms and fires at once beyond: never a wait that long here, but a bug
    // must not become a retry storm.
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

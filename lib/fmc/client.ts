import type { z } from 'zod';
import type { CdfmcDoor } from './doors';
import { FmcError, isFmcError } from './errors';
import { FmcHttp, type FmcTransport, type RetryPolicy } from './http';
import {
  BASE_RATE_PER_MINUTE,
  CDFMC_RATE_PER_MINUTE,
  createFmcLimiter,
  type FmcLimiter,
  type FmcLimits,
} from './limiter';
import { fieldPath } from './schemas';
import {
  bearerError,
  FmcSession,
  MemoryTokenStore,
  type SignInOptions,
  type StoredSession,
  type TokenStore,
} from './session';
import { fmcOrigin, type Query, resolveFmcUrl, withQuery } from './urls';
import { rateForVersion } from './version';

export interface FmcClientOptions {
  /** The FMC's address as the user typed it; only its origin is used. */
  url: string;
  /** Where tokens live; the extension passes its `storage.session` store. */
  store?: TokenStore;
  /** Share one between all clients of the same FMC (`sharedFmcLimiter`); built from `limits` when absent. */
  limiter?: FmcLimiter;
  limits?: FmcLimits;
  /** The raw request (`fetch` by default); see `FmcTransport`. */
  fetch?: FmcTransport;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  tokenLifetimeMs?: number;
  refreshAheadMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Most pages one list may take (a paging loop is cut there and said so). */
  maxPages?: number;
  /** See `SessionOptions.serialise`. */
  serialise?: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface GetOptions {
  /** Short name for messages, e.g. `devices/devicerecords`. */
  endpoint: string;
  query?: Query;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

/** Retries of one request after 401s, whoever renewed the token. */
const MAX_TOKEN_RETRIES = 6;
/** 200 pages of 1,000 items: far beyond any FMC's fleet, short of an endless `paging.next`. */
const DEFAULT_MAX_PAGES = 200;

/** Authenticated reads from one FMC: token on every request, one renewal after a 401, answers checked. */
export class FmcClient {
  readonly origin: string;
  readonly limiter: FmcLimiter;
  readonly http: FmcHttp;
  readonly session: FmcSession;
  readonly maxPages: number;

  constructor(options: FmcClientOptions) {
    this.origin = fmcOrigin(options.url);
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    this.limiter = options.limiter ?? createFmcLimiter(options.limits);
    this.http = new FmcHttp({
      limiter: this.limiter.requests,
      ...pick(options, ['fetch', 'timeoutMs', 'retry', 'sleep', 'random']),
    });
    this.session = new FmcSession({
      origin: this.origin,
      http: this.http,
      store: options.store ?? new MemoryTokenStore(),
      ...pick(options, ['tokenLifetimeMs', 'refreshAheadMs', 'now', 'serialise']),
    });
  }

  #versionRate: number | undefined;
  #override: number | null = null;
  /** Whether the last session seen is a cdFMC's bearer token: it sets the default rate (`CDFMC_RATE_PER_MINUTE`). */
  #bearer = false;

  /** The FMC version sets the request rate, unless the user fixed one (a cdFMC keeps its own default). */
  setServerVersion(version: string): void {
    this.#versionRate = rateForVersion(version);
    this.#applyRate();
  }

  /**
   * The user's rate setting, applied to the next request; null gives the rate back to the default: the FMC
   * version's (120 until the version is known), or a cdFMC's polite default.
   */
  setRateOverride(perMinute: number | null): void {
    this.#override = perMinute;
    this.limiter.rateFixedByUser = perMinute !== null;
    this.#applyRate();
  }

  /** The rate the limiter applies: the user's, else a cdFMC's default, else the FMC version's. */
  #applyRate(): void {
    if (this.limiter.rateFixedByUser && this.#override === null) return;
    const rate =
      this.#override ?? (this.#bearer ? CDFMC_RATE_PER_MINUTE : (this.#versionRate ?? BASE_RATE_PER_MINUTE));
    this.limiter.requests.setRate(rate);
  }

  #noteAuth(bearer: boolean): void {
    if (bearer === this.#bearer) return;
    this.#bearer = bearer;
    this.#applyRate();
  }

  signIn(username: string, password: string, options?: SignInOptions): Promise<StoredSession> {
    return this.session.signIn(username, password, options).then((session) => {
      this.#noteAuth(false);
      return session;
    });
  }

  /**
   * Signs in to a cdFMC with an SCC API token through `door` (issue 20): one request, the domain discovery
   * (`FmcSession.signInWithToken`); every later request sends `Authorization: Bearer` under the door's prefix.
   */
  async signInWithToken(token: string, door: CdfmcDoor): Promise<StoredSession> {
    const session = await this.session.signInWithToken(token, door);
    this.#noteAuth(true);
    return session;
  }

  /** How the current session signs its requests (restored from the store when needed); undefined: none. */
  async authKind(): Promise<'password' | 'bearer' | undefined> {
    const session = this.session.current ?? (await this.session.restore());
    if (!session) return undefined;
    const bearer = session.auth === 'bearer';
    this.#noteAuth(bearer);
    return bearer ? 'bearer' : 'password';
  }

  signOut(): Promise<void> {
    return this.session.signOut();
  }

  /** `/api/fmc_config/v1/domain/{chosen domain}/{path}`. */
  configPath(path: string): string {
    const domain = this.session.domainUuid;
    if (!domain) throw new FmcError({ code: 'sign-in-required' });
    return `/api/fmc_config/v1/domain/${domain}/${path}`;
  }

  async get<S extends z.ZodType>(pathOrLink: string, schema: S, options: GetOptions): Promise<z.output<S>> {
    return this.read(pathOrLink, (body) => parseAnswer(schema, body, options.endpoint), options);
  }

  /** A GET whose body `parse` checks; a body it rejects is retried like a server error (see `FmcHttp`). */
  async read<T>(pathOrLink: string, parse: (body: unknown) => T, options: GetOptions): Promise<T> {
    let renewals = 0;
    for (let attempt = 0; ; attempt++) {
      const { token, bearer, prefix, headers } = await this.session.credentials();
      this.#noteAuth(bearer);
      // A cdFMC's links are re-rooted on the door this session uses (its prefix added, any other stripped).
      const url = withQuery(resolveFmcUrl(pathOrLink, this.origin, prefix), options.query);
      try {
        const response = await this.http.send({
          method: 'GET',
          url,
          endpoint: options.endpoint,
          kind: 'read',
          headers,
          signal: options.signal,
          timeoutMs: options.timeoutMs,
          parse,
        });
        return response.body as T;
      } catch (error) {
        if (bearer) {
          // A cdFMC token is never renewed: a refusal says so, with what to do (paste a new one). Unless another
          // page of the extension stored a new token (pasted after this one was refused) or signed out since.
          const worded = bearerError(error);
          if (isTokenRefusal(worded) && attempt < MAX_TOKEN_RETRIES) {
            const stored = await this.session.restore();
            if (!stored) throw new FmcError({ code: 'sign-in-required' });
            if (stored.accessToken !== token) continue;
          }
          throw worded;
        }
        // Two renewals of our own cover a token that expired in flight; more means a real refusal. A token
        // another request already replaced costs no renewal, only a retry (bounded all the same).
        if (isFmcError(error, 'token-rejected') && renewals < 2 && attempt < MAX_TOKEN_RETRIES) {
          if (await this.session.recover(token)) renewals++;
          continue;
        }
        throw error;
      }
    }
  }
}

/** The refusals of a cdFMC's token (`bearerError`). */
function isTokenRefusal(error: unknown): boolean {
  return (
    isFmcError(error, 'token-invalid') ||
    isFmcError(error, 'token-wrong-kind') ||
    isFmcError(error, 'token-wrong-region')
  );
}

export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, endpoint: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new FmcError({
    code: 'schema-mismatch',
    params: { endpoint, field: fieldPath(issue?.path ?? []) },
    cause: result.error,
  });
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

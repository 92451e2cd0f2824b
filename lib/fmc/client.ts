import type { z } from 'zod';
import { FmcError, isFmcError } from './errors';
import { FmcHttp, type FmcTransport, type RetryPolicy } from './http';
import { BASE_RATE_PER_MINUTE, createFmcLimiter, type FmcLimiter, type FmcLimits } from './limiter';
import { fieldPath } from './schemas';
import {
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

  /** The FMC version sets the request rate, unless the user fixed one. */
  setServerVersion(version: string): void {
    this.#versionRate = rateForVersion(version);
    if (!this.limiter.rateFixedByUser) this.limiter.requests.setRate(this.#versionRate);
  }

  /**
   * The user's rate setting, applied to the next request; null gives the rate back to the FMC version (120
   * until the version is known).
   */
  setRateOverride(perMinute: number | null): void {
    this.limiter.rateFixedByUser = perMinute !== null;
    this.limiter.requests.setRate(perMinute ?? this.#versionRate ?? BASE_RATE_PER_MINUTE);
  }

  signIn(username: string, password: string, options?: SignInOptions): Promise<StoredSession> {
    return this.session.signIn(username, password, options);
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
    const url = withQuery(resolveFmcUrl(pathOrLink, this.origin), options.query);
    let renewals = 0;
    for (let attempt = 0; ; attempt++) {
      const token = await this.session.accessToken();
      try {
        const response = await this.http.send({
          method: 'GET',
          url,
          endpoint: options.endpoint,
          kind: 'read',
          headers: { 'X-auth-access-token': token },
          signal: options.signal,
          timeoutMs: options.timeoutMs,
          parse,
        });
        return response.body as T;
      } catch (error) {
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

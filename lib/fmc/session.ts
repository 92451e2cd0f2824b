import { type CdfmcDoor, isSafeDoorPrefix } from './doors';
import { FmcError, isFmcError } from './errors';
import type { FmcHttp } from './http';
import { type DomainRef, DomainSchema, DomainsHeaderSchema, readList } from './schemas';
import { withQuery } from './urls';

/**
 * What survives a closed popup: tokens and the domain choice. Never the password. Kept in storage.session only
 * (memory: `BrowserSessionTokenStore`), never on disk, which matters most for a cdFMC's bearer token: an SCC
 * API-only user's token is long-lived (../shared/docs/cdfmc.md, "Key").
 */
export interface StoredSession {
  /**
   * `password` (or absent, as password sign-ins store it, unchanged since before issue 20): an on-prem FMC's
   * `generatetoken` tokens.
   * `bearer`: a cdFMC's SCC API token, sent as `Authorization: Bearer`, never refreshed nor revoked.
   */
  auth?: 'password' | 'bearer';
  /** A bearer session's door: the path prefix every request carries (`lib/fmc/doors.ts`). */
  door?: CdfmcDoor;
  /** The API user's name; '' for a bearer session (the token names no user we read). */
  username: string;
  /** The access token, or a bearer session's SCC API token. */
  accessToken: string;
  /** '' for a bearer session. */
  refreshToken: string;
  /** When the current access token was issued, in ms since the epoch. */
  issuedAt: number;
  /** Refreshes spent on the current login; the FMC allows three. */
  refreshCount: number;
  loginDomainUuid: string;
  domains: DomainRef[];
  /** The domain the user works in: the login domain unless they chose another. */
  domainUuid: string;
}

/** The extension backs this with storage.session (`BrowserSessionTokenStore` in `lib/platform/storage.ts`). */
export interface TokenStore {
  load(origin: string): Promise<StoredSession | undefined>;
  save(origin: string, session: StoredSession): Promise<void>;
  clear(origin: string): Promise<void>;
}

export class MemoryTokenStore implements TokenStore {
  readonly #sessions = new Map<string, StoredSession>();

  async load(origin: string): Promise<StoredSession | undefined> {
    const session = this.#sessions.get(origin);
    return session && structuredClone(session);
  }

  async save(origin: string, session: StoredSession): Promise<void> {
    this.#sessions.set(origin, structuredClone(session));
  }

  async clear(origin: string): Promise<void> {
    this.#sessions.delete(origin);
  }
}

/** The door-relative path a bearer sign-in reads the domains from (cdfmc.md, "Domain"). */
export const DOMAIN_INFO_PATH = '/api/fmc_platform/v1/info/domain';

export const AUTH_PATHS = {
  generate: '/api/fmc_platform/v1/auth/generatetoken',
  refresh: '/api/fmc_platform/v1/auth/refreshtoken',
  revoke: '/api/fmc_platform/v1/auth/revokeaccess',
} as const;

export const TOKEN_LIFETIME_MS = 30 * 60_000;
export const MAX_REFRESHES = 3;

export interface SessionOptions {
  origin: string;
  http: FmcHttp;
  store: TokenStore;
  /** How long the FMC keeps an access token (30 min). */
  tokenLifetimeMs?: number;
  /** Refresh this long before the token expires rather than wait for a 401. */
  refreshAheadMs?: number;
  maxRefreshes?: number;
  now?: () => number;
  /**
   * Runs a token renewal so that no other renewal of this FMC runs at the same time anywhere in the extension
   * (the platform passes a Web Lock shared by its pages and worker). Without it, renewals are serialised
   * within this session only.
   */
  serialise?: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface SignInOptions {
  /**
   * Keep the password in this object's memory (never in storage) to sign in again silently once the
   * refreshes are spent. Without it the user is asked.
   */
  keepPassword?: boolean;
}

/** Tokens of one FMC: sign-in, refresh before expiry or after a 401, sign-in again, sign-out, domain choice. */
export class FmcSession {
  readonly origin: string;
  readonly #http: FmcHttp;
  readonly #store: TokenStore;
  readonly #lifetimeMs: number;
  readonly #refreshAheadMs: number;
  readonly #maxRefreshes: number;
  readonly #now: () => number;
  readonly #serialise: <T>(task: () => Promise<T>) => Promise<T>;
  #current: StoredSession | undefined;
  #password: string | undefined;
  #renewing: Promise<StoredSession> | undefined;

  constructor(options: SessionOptions) {
    this.origin = options.origin;
    this.#http = options.http;
    this.#store = options.store;
    this.#lifetimeMs = options.tokenLifetimeMs ?? TOKEN_LIFETIME_MS;
    this.#refreshAheadMs = options.refreshAheadMs ?? Math.min(60_000, this.#lifetimeMs / 10);
    this.#maxRefreshes = options.maxRefreshes ?? MAX_REFRESHES;
    this.#now = options.now ?? Date.now;
    this.#serialise = options.serialise ?? ((task) => task());
  }

  get current(): StoredSession | undefined {
    return this.#current;
  }

  get domains(): readonly DomainRef[] {
    return this.#current?.domains ?? [];
  }

  get domainUuid(): string | undefined {
    return this.#current?.domainUuid;
  }

  get hasPassword(): boolean {
    return this.#password !== undefined;
  }

  /** Whether the current session is a cdFMC's bearer token (after `restore`, or a sign-in in this object). */
  get isBearer(): boolean {
    return this.#current?.auth === 'bearer';
  }

  /**
   * Signs in to a cdFMC with an SCC API token (issue 20): no `generatetoken` (the cdFMC has none), only the
   * domain discovery, `GET {origin}{door.prefix}/api/fmc_platform/v1/info/domain` with `Authorization: Bearer`,
   * which also proves the token. The Global domain is chosen (the one every public sample shows; never
   * hard-coded), else the first; a domain the user chose before is kept when it is still listed. A refused token
   * rejects with the bearer codes (`token-invalid`, `token-wrong-kind`, `token-wrong-region`), and nothing is
   * stored.
   */
  async signInWithToken(token: string, door: CdfmcDoor): Promise<StoredSession> {
    if (!isSafeDoorPrefix(door.prefix))
      throw new TypeError(`Not a door prefix: ${JSON.stringify(door.prefix)}`);
    const bearer = token.trim();
    if (bearer === '') throw new FmcError({ code: 'token-invalid', params: { endpoint: 'info/domain' } });
    const endpoint = 'info/domain';
    const url = withQuery(this.origin + door.prefix + DOMAIN_INFO_PATH, { expanded: true, limit: 1000 });
    let body: unknown;
    try {
      const response = await this.#http.send({
        method: 'GET',
        url,
        endpoint,
        kind: 'read',
        headers: bearerHeaders(bearer),
        parse: (raw) => readList(DomainSchema, raw, endpoint),
      });
      body = response.body;
    } catch (error) {
      // No cdFMC behind this door: a mistyped host, or a gateway path that does not exist.
      if (isFmcError(error, 'not-available'))
        throw new FmcError({ code: 'cdfmc-not-found', status: 404, params: { endpoint }, cause: error });
      throw bearerError(error);
    }
    const domains = (body as ReturnType<typeof readList<typeof DomainSchema>>).items
      .filter((d) => d.uuid !== '')
      .map(({ uuid, name }) => ({ uuid, name }));
    const global = domains.find((d) => d.name.trim().toLowerCase() === 'global') ?? domains[0];
    if (!global)
      throw new FmcError({ code: 'schema-mismatch', params: { endpoint, field: 'items[0].uuid' } });
    const previous = this.#current?.domainUuid;
    const domainUuid = previous && domains.some((d) => d.uuid === previous) ? previous : global.uuid;
    this.#password = undefined;
    return this.#keep({
      auth: 'bearer',
      door: { kind: door.kind, prefix: door.prefix },
      username: '',
      accessToken: bearer,
      refreshToken: '',
      issuedAt: this.#now(),
      refreshCount: 0,
      loginDomainUuid: global.uuid,
      domains,
      domainUuid,
    });
  }

  /**
   * The headers and the path prefix of the next request: a bearer session's token as is (it never expires on
   * our side and is never refreshed), a password session's access token refreshed first when due.
   */
  async credentials(): Promise<{
    token: string;
    bearer: boolean;
    prefix: string;
    headers: Record<string, string>;
  }> {
    const cached = this.#current ?? (await this.restore());
    if (cached?.auth === 'bearer') {
      // A prefix that is not plain path segments (tampered storage) could send the token elsewhere: never used.
      if (!isSafeDoorPrefix(cached.door?.prefix ?? '')) throw signInRequired();
      return {
        token: cached.accessToken,
        bearer: true,
        prefix: cached.door?.prefix ?? '',
        headers: bearerHeaders(cached.accessToken),
      };
    }
    const token = await this.accessToken();
    return { token, bearer: false, prefix: '', headers: { 'X-auth-access-token': token } };
  }

  async signIn(username: string, password: string, options: SignInOptions = {}): Promise<StoredSession> {
    const session = await this.#login(username, password, this.#current?.domainUuid);
    this.#password = options.keepPassword === false ? undefined : password;
    return session;
  }

  /** Picks up the tokens another page of the extension stored. */
  async restore(): Promise<StoredSession | undefined> {
    this.#current = await this.#store.load(this.origin);
    return this.#current;
  }

  forgetPassword(): void {
    this.#password = undefined;
  }

  /** A valid access token, refreshed first when it is about to expire (a bearer token: as is, never refreshed). */
  async accessToken(): Promise<string> {
    const cached = this.#current ?? (await this.restore());
    if (!cached) throw signInRequired();
    if (cached.auth === 'bearer' || this.#fresh(cached)) return cached.accessToken;
    // Another page of the extension may have refreshed already; its refresh voided our refresh token.
    const stored = await this.restore();
    if (!stored) throw signInRequired();
    return this.#fresh(stored) ? stored.accessToken : (await this.#renew(stored)).accessToken;
  }

  /** After the FMC rejected `rejectedToken`: renews it, unless another request already did. True if renewed. */
  async recover(rejectedToken: string): Promise<boolean> {
    const session = await this.restore();
    if (!session) throw signInRequired();
    // A cdFMC token is never renewed: the client words its 401 as `token-invalid` instead of asking here.
    if (session.auth === 'bearer') return false;
    if (session.accessToken !== rejectedToken) return false;
    await this.#renew(session);
    return true;
  }

  #fresh(session: StoredSession): boolean {
    return this.#now() - session.issuedAt < this.#lifetimeMs - this.#refreshAheadMs;
  }

  async selectDomain(uuidOrName: string): Promise<DomainRef> {
    const session = this.#current ?? (await this.restore());
    if (!session) throw signInRequired();
    const wanted = uuidOrName.trim().toLowerCase();
    const domain = session.domains.find(
      (d) => d.uuid.toLowerCase() === wanted || d.name.toLowerCase() === wanted,
    );
    if (!domain) throw new FmcError({ code: 'unknown-domain', params: { domain: uuidOrName } });
    await this.#keep({ ...session, domainUuid: domain.uuid });
    return domain;
  }

  /**
   * Revokes the tokens on the FMC (best effort: sign-out must succeed offline) and forgets everything. A cdFMC's
   * bearer token is only forgotten here: the cdFMC has no revoke (cdfmc.md); the admin revokes it in SCC.
   */
  async signOut(): Promise<void> {
    const session = this.#current ?? (await this.restore());
    this.#password = undefined;
    this.#current = undefined;
    await this.#store.clear(this.origin);
    if (!session || session.auth === 'bearer') return;
    try {
      await this.#http.send({
        method: 'POST',
        url: this.origin + AUTH_PATHS.revoke,
        endpoint: 'auth/revokeaccess',
        kind: 'token',
        headers: tokenHeaders(session),
      });
    } catch {
      // The tokens expire on their own within 30 minutes.
    }
  }

  /**
   * One renewal at a time: parallel 401s of this session share it, and other pages and the worker wait for it
   * (`serialise`). Once its turn comes the stored tokens are read again: another context may have renewed them
   * meanwhile, and refreshing with the refresh token it has already spent would fail and sign the user out.
   */
  #renew(session: StoredSession): Promise<StoredSession> {
    this.#renewing ??= this.#serialise(async () => {
      const stored = await this.#store.load(this.origin);
      if (!stored) {
        this.#current = undefined;
        throw signInRequired();
      }
      if (stored.accessToken !== session.accessToken) {
        this.#current = stored;
        return stored;
      }
      return this.#doRenew(stored);
    }).finally(() => {
      this.#renewing = undefined;
    });
    return this.#renewing;
  }

  async #doRenew(session: StoredSession): Promise<StoredSession> {
    if (session.refreshCount < this.#maxRefreshes) {
      try {
        return await this.#refresh(session);
      } catch (error) {
        if (!isFmcError(error, 'token-rejected')) throw error;
      }
    }
    if (this.#password !== undefined)
      return this.#login(session.username, this.#password, session.domainUuid);
    this.#current = undefined;
    await this.#store.clear(this.origin);
    throw signInRequired();
  }

  async #refresh(session: StoredSession): Promise<StoredSession> {
    const response = await this.#http.send({
      method: 'POST',
      url: this.origin + AUTH_PATHS.refresh,
      endpoint: 'auth/refreshtoken',
      kind: 'token',
      headers: tokenHeaders(session),
    });
    const tokens = readTokens(response.headers, 'auth/refreshtoken');
    const domains = readDomains(response.headers, session.loginDomainUuid, session.domains);
    return this.#keep({
      ...session,
      ...tokens,
      domains,
      issuedAt: this.#now(),
      refreshCount: session.refreshCount + 1,
    });
  }

  async #login(username: string, password: string, preferredDomain?: string): Promise<StoredSession> {
    const response = await this.#http.send({
      method: 'POST',
      url: this.origin + AUTH_PATHS.generate,
      endpoint: 'auth/generatetoken',
      kind: 'login',
      headers: { Authorization: basicAuth(username, password) },
    });
    const tokens = readTokens(response.headers, 'auth/generatetoken');
    const loginDomainUuid = response.headers.get('domain_uuid') ?? '';
    const domains = readDomains(response.headers, loginDomainUuid, []);
    const domainUuid =
      preferredDomain && domains.some((d) => d.uuid === preferredDomain) ? preferredDomain : loginDomainUuid;
    return this.#keep({
      username,
      ...tokens,
      issuedAt: this.#now(),
      refreshCount: 0,
      loginDomainUuid,
      domains,
      domainUuid,
    });
  }

  async #keep(session: StoredSession): Promise<StoredSession> {
    this.#current = session;
    await this.#store.save(this.origin, session);
    return session;
  }
}

/** Never `X-auth-access-token` on a cdFMC (cdfmc.md, "Key"). */
export function bearerHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/**
 * A bearer request's refusal in the words that say what to do (`lib/fmc/error-text.ts`): 401 the token refused
 * (revoked, mistyped, or of another tenant); the SCC gateway's own envelope at 400 a token of the wrong kind (one
 * lab: a token of SCC's "API keys" page, cdfmc.md) and at 403 one the region's gateway refuses (our reading:
 * whether tokens are region-scoped is unknown); 429s in the cdFMC's words. Anything else passes unchanged.
 */
export function bearerError(error: unknown): unknown {
  if (!(error instanceof FmcError)) return error;
  const endpoint = String(error.params.endpoint ?? '');
  const base = {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.envelope === undefined ? {} : { envelope: error.envelope }),
    fmcMessages: error.fmcMessages,
    cause: error,
  };
  const gateway = error.envelope === 'gateway';
  if (error.code === 'token-rejected' || error.code === 'bad-credentials')
    return new FmcError({ ...base, code: 'token-invalid', params: { endpoint } });
  if (error.code === 'invalid-request' && error.status === 400 && gateway)
    return new FmcError({ ...base, code: 'token-wrong-kind', params: { endpoint } });
  if ((error.code === 'forbidden' || error.code === 'login-forbidden') && gateway)
    return new FmcError({ ...base, code: 'token-wrong-region', params: { endpoint } });
  if (error.code === 'rate-limited')
    return new FmcError({ ...base, code: 'cdfmc-rate-limited', params: error.params });
  if (error.code === 'retry-after-too-long')
    return new FmcError({ ...base, code: 'cdfmc-retry-after-too-long', params: error.params });
  return error;
}

function signInRequired(): FmcError {
  return new FmcError({ code: 'sign-in-required' });
}

function tokenHeaders(session: StoredSession): Record<string, string> {
  return { 'X-auth-access-token': session.accessToken, 'X-auth-refresh-token': session.refreshToken };
}

function readTokens(headers: Headers, endpoint: string): { accessToken: string; refreshToken: string } {
  const accessToken = headers.get('x-auth-access-token');
  const refreshToken = headers.get('x-auth-refresh-token');
  // Without host permission for the FMC origin, the browser hides these response headers.
  if (!accessToken || !refreshToken) throw new FmcError({ code: 'no-token-headers', params: { endpoint } });
  return { accessToken, refreshToken };
}

/** The `DOMAINS` header; falls back to what we knew (or the bare login domain) when absent or unreadable. */
function readDomains(headers: Headers, loginDomainUuid: string, known: DomainRef[]): DomainRef[] {
  const raw = headers.get('domains');
  if (raw) {
    try {
      const parsed = DomainsHeaderSchema.safeParse(JSON.parse(raw));
      if (parsed.success && parsed.data.length > 0)
        return parsed.data.map(({ uuid, name }) => ({ uuid, name }));
    } catch {
      // Falls through to what we already know.
    }
  }
  if (known.length > 0) return known;
  return loginDomainUuid ? [{ uuid: loginDomainUuid, name: loginDomainUuid }] : [];
}

/** Basic credentials in UTF-8: `btoa` alone throws on non-Latin-1 passwords. */
export function basicAuth(username: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${username}:${password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

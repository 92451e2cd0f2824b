import { describe, expect, it } from 'vitest';
import { FmcError } from '../../lib/fmc/errors';
import { FmcHttp } from '../../lib/fmc/http';
import { RateLimiter } from '../../lib/fmc/limiter';
import { AUTH_PATHS, basicAuth, FmcSession, MemoryTokenStore } from '../../lib/fmc/session';

const ORIGIN = 'https://fmc.example';
const GLOBAL = 'e276abec-e0f2-11e3-8169-6d9ed49b625f';
const BRANCH = '7d4a9f2c-0b1e-4c55-9a3e-2f8a6c1d0e11';
const DOMAINS = JSON.stringify([
  { uuid: GLOBAL, name: 'Global' },
  { uuid: BRANCH, name: 'Global/Branch' },
]);

/** The token endpoints of an FMC, in memory: counts calls, issues numbered tokens. */
function fakeAuth(loginHeaders: Record<string, string> = { DOMAIN_UUID: GLOBAL, DOMAINS }) {
  const calls: string[] = [];
  let issued = 0;
  const tokens = () => {
    issued++;
    return { 'X-auth-access-token': `access-${issued}`, 'X-auth-refresh-token': `refresh-${issued}` };
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    calls.push(path);
    const headers = new Headers(init?.headers);
    if (path === AUTH_PATHS.generate) {
      if (headers.get('authorization') !== basicAuth('admin-api', 'Pässwörd'))
        return new Response('', { status: 401 });
      return new Response(null, { status: 204, headers: { ...tokens(), ...loginHeaders } });
    }
    if (path === AUTH_PATHS.refresh) return new Response(null, { status: 204, headers: tokens() });
    if (path === AUTH_PATHS.revoke) return new Response(null, { status: 204 });
    return new Response('{}', { status: 404 });
  };
  const http = new FmcHttp({
    limiter: new RateLimiter({ perMinute: 1_000, windowMs: 60_000, maxInFlight: 10 }),
    fetch: fetch as typeof globalThis.fetch,
  });
  return { http, calls };
}

describe('FmcSession', () => {
  it('signs in with UTF-8 Basic credentials and keeps tokens and domains, never the password, in the store', async () => {
    const { http } = fakeAuth();
    const store = new MemoryTokenStore();
    const session = new FmcSession({ origin: ORIGIN, http, store });
    await session.signIn('admin-api', 'Pässwörd');
    const stored = await store.load(ORIGIN);
    expect(stored).toMatchObject({
      username: 'admin-api',
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      refreshCount: 0,
      loginDomainUuid: GLOBAL,
      domainUuid: GLOBAL,
      domains: [
        { uuid: GLOBAL, name: 'Global' },
        { uuid: BRANCH, name: 'Global/Branch' },
      ],
    });
    expect(JSON.stringify(stored)).not.toContain('Pässwörd');
    expect(session.hasPassword).toBe(true);
  });

  it('lists subdomains by name and remembers the choice across a new page', async () => {
    const { http } = fakeAuth();
    const store = new MemoryTokenStore();
    await new FmcSession({ origin: ORIGIN, http, store }).signIn('admin-api', 'Pässwörd');
    const reopened = new FmcSession({ origin: ORIGIN, http, store });
    await reopened.restore();
    expect(reopened.domains.map((d) => d.name)).toEqual(['Global', 'Global/Branch']);
    await reopened.selectDomain('global/branch');
    expect((await store.load(ORIGIN))?.domainUuid).toBe(BRANCH);
    await expect(reopened.selectDomain('Global/Nowhere')).rejects.toMatchObject({ code: 'unknown-domain' });
  });

  it('falls back to the login domain when the DOMAINS header is unreadable', async () => {
    const { http } = fakeAuth({ DOMAIN_UUID: GLOBAL, DOMAINS: 'not json' });
    const session = new FmcSession({ origin: ORIGIN, http, store: new MemoryTokenStore() });
    await session.signIn('admin-api', 'Pässwörd');
    expect(session.domains).toEqual([{ uuid: GLOBAL, name: GLOBAL }]);
  });

  it('asks for the site permission when the token headers cannot be read', async () => {
    // A 204 whose headers the browser hides from an extension page lacking host permission.
    const fetchWithoutTokens = new FmcHttp({
      limiter: new RateLimiter({ perMinute: 10, maxInFlight: 1 }),
      fetch: (async () => new Response(null, { status: 204 })) as typeof fetch,
    });
    const session = new FmcSession({
      origin: ORIGIN,
      http: fetchWithoutTokens,
      store: new MemoryTokenStore(),
    });
    const error = await session.signIn('admin-api', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FmcError);
    expect((error as FmcError).code).toBe('no-token-headers');
  });

  it('refreshes once for many parallel 401s on the same token', async () => {
    const { http, calls } = fakeAuth();
    const session = new FmcSession({ origin: ORIGIN, http, store: new MemoryTokenStore() });
    await session.signIn('admin-api', 'Pässwörd');
    await Promise.all(Array.from({ length: 8 }, () => session.recover('access-1')));
    expect(calls.filter((p) => p === AUTH_PATHS.refresh)).toHaveLength(1);
    expect(await session.accessToken()).toBe('access-2');
    // A 401 on a token already replaced needs no new refresh.
    await session.recover('access-1');
    expect(calls.filter((p) => p === AUTH_PATHS.refresh)).toHaveLength(1);
  });

  it('uses the tokens another page refreshed instead of refreshing with a voided refresh token', async () => {
    const { http, calls } = fakeAuth();
    const store = new MemoryTokenStore();
    let now = 0;
    const options = {
      origin: ORIGIN,
      http,
      store,
      tokenLifetimeMs: 1_000,
      refreshAheadMs: 100,
      now: () => now,
    };
    const popup = new FmcSession(options);
    const report = new FmcSession(options);
    await popup.signIn('admin-api', 'Pässwörd');
    expect(await report.accessToken()).toBe('access-1');
    now = 950;
    expect(await popup.accessToken()).toBe('access-2');
    expect(await report.accessToken()).toBe('access-2');
    await report.recover('access-1');
    expect(calls.filter((p) => p === AUTH_PATHS.refresh)).toHaveLength(1);
  });

  it('refreshes ahead of expiry, three times at most, then signs in again with the password in memory', async () => {
    const { http, calls } = fakeAuth();
    let now = 0;
    const session = new FmcSession({
      origin: ORIGIN,
      http,
      store: new MemoryTokenStore(),
      tokenLifetimeMs: 1_000,
      refreshAheadMs: 100,
      now: () => now,
    });
    await session.signIn('admin-api', 'Pässwörd');
    now = 850;
    expect(await session.accessToken()).toBe('access-1');
    for (const expected of ['access-2', 'access-3', 'access-4', 'access-5']) {
      now += 950;
      expect(await session.accessToken()).toBe(expected);
    }
    expect(calls.filter((p) => p === AUTH_PATHS.refresh)).toHaveLength(3);
    expect(calls.filter((p) => p === AUTH_PATHS.generate)).toHaveLength(2);
  });

  it('asks the user to sign in again when the refreshes are spent and the password was not kept', async () => {
    const { http } = fakeAuth();
    const store = new MemoryTokenStore();
    const session = new FmcSession({ origin: ORIGIN, http, store, maxRefreshes: 0 });
    await session.signIn('admin-api', 'Pässwörd', { keepPassword: false });
    await expect(session.recover('access-1')).rejects.toMatchObject({
      code: 'sign-in-required',
      message: 'The FMC session has ended. Sign in again.',
    });
    expect(await store.load(ORIGIN)).toBeUndefined();
  });

  it('revokes the tokens on sign-out and forgets them even when the FMC cannot be reached', async () => {
    const { http, calls } = fakeAuth();
    const store = new MemoryTokenStore();
    const session = new FmcSession({ origin: ORIGIN, http, store });
    await session.signIn('admin-api', 'Pässwörd');
    await session.signOut();
    expect(calls.at(-1)).toBe(AUTH_PATHS.revoke);
    expect(await store.load(ORIGIN)).toBeUndefined();
    expect(session.hasPassword).toBe(false);

    const offline = new FmcHttp({
      limiter: new RateLimiter({ perMinute: 10 }),
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    await store.save(ORIGIN, {
      username: 'u',
      accessToken: 'a',
      refreshToken: 'r',
      issuedAt: 0,
      refreshCount: 0,
      loginDomainUuid: GLOBAL,
      domains: [],
      domainUuid: GLOBAL,
    });
    await new FmcSession({ origin: ORIGIN, http: offline, store }).signOut();
    expect(await store.load(ORIGIN)).toBeUndefined();
  });
});

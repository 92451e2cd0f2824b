import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { diagnose } from '../../lib/diagnose';
import {
  forgetDisabledFmcs,
  forgetFmcsOf,
  keepContentScriptRegistered,
} from '../../lib/features/content-script-registration';
import { setWatch } from '../../lib/features/watch';
import { STORAGE, writeDiagnosisState } from '../../lib/platform/storage';
import { failing, fleet, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

// Issue 17: disabling an FMC (its host permission removed) stops its watches, revokes its tokens on the FMC
// (best effort) and forgets them; another FMC keeps its own.

const DISABLED = 'https://fmc-a.example:8443';
const KEPT = 'https://fmc-b.example';
const DEVICE = 'dev-1';

async function watchedAndSignedIn(origin: string) {
  await writeDiagnosisState(origin, {
    status: 'done',
    startedAt: 1,
    finishedAt: 2,
    diagnosis: diagnose(fleet([failing(DEVICE, shown({ dns: [] }))])),
  });
  await setWatch(origin, [DEVICE], true, 'en');
  await STORAGE.tokens(origin).write({
    username: 'api-user',
    accessToken: `access-${origin}`,
    refreshToken: 'refresh',
    issuedAt: Date.now(),
    refreshCount: 0,
    loginDomainUuid: 'g',
    domainUuid: 'g',
    domains: [{ uuid: 'g', name: 'Global' }],
  });
}

let granted: string[] = [];
let revoked: Array<{ url: string; token: string | null }> = [];

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('en');
  granted = [];
  revoked = [];
  fakeBrowser.permissions.getAll = vi.fn(async () => ({ origins: granted, permissions: [] }));
  fakeBrowser.permissions.contains = vi.fn(async () => false) as typeof fakeBrowser.permissions.contains;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    revoked.push({ url: String(input), token: headers.get('X-auth-access-token') });
    return new Response(null, { status: 204 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('disabling an FMC', () => {
  it('forgets its watches and tokens after any removal, revoking them on the FMC; other FMCs keep theirs', async () => {
    await watchedAndSignedIn(DISABLED);
    await watchedAndSignedIn(KEPT);
    granted = ['https://fmc-b.example/*'];
    expect(await forgetDisabledFmcs()).toEqual([DISABLED]);

    expect(await STORAGE.watches(DISABLED).read()).toEqual({});
    expect(await STORAGE.tokens(DISABLED).read()).toBeUndefined();
    expect(await fakeBrowser.alarms.get(`fmc-watch:${DISABLED}`)).toBeUndefined();
    expect(revoked).toEqual([
      { url: `${DISABLED}/api/fmc_platform/v1/auth/revokeaccess`, token: `access-${DISABLED}` },
    ]);
    // The other FMC is untouched.
    expect(Object.keys(await STORAGE.watches(KEPT).read())).toEqual([DEVICE]);
    expect(await STORAGE.tokens(KEPT).read()).toBeDefined();
    expect(await fakeBrowser.alarms.get(`fmc-watch:${KEPT}`)).toBeDefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('the options page forgets the FMCs a pattern covers (any port) before it removes the permission', async () => {
    await watchedAndSignedIn(DISABLED);
    await watchedAndSignedIn(KEPT);
    expect(await forgetFmcsOf('https://fmc-a.example/*')).toEqual([DISABLED]);
    expect(await STORAGE.tokens(DISABLED).read()).toBeUndefined();
    expect(await STORAGE.watches(DISABLED).read()).toEqual({});
    expect(await STORAGE.tokens(KEPT).read()).toBeDefined();
    expect(revoked).toHaveLength(1);
  });

  it('forgets the tokens even when the FMC cannot be reached for the revoke', async () => {
    await watchedAndSignedIn(DISABLED);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await forgetDisabledFmcs()).toEqual([DISABLED]);
    expect(await STORAGE.tokens(DISABLED).read()).toBeUndefined();
    expect(await STORAGE.watches(DISABLED).read()).toEqual({});
  });

  it('the background forgets on the permission removal event', async () => {
    await watchedAndSignedIn(DISABLED);
    // The fake browser has no permission events: keep the listeners to call them as the browser would.
    const removedListeners: Array<() => void> = [];
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation((listener) => {
      removedListeners.push(listener as () => void);
    });
    fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => []);
    keepContentScriptRegistered();
    expect(removedListeners).toHaveLength(1);
    for (const listener of removedListeners) listener();
    await vi.waitFor(async () => expect(await STORAGE.tokens(DISABLED).read()).toBeUndefined());
    await vi.waitFor(async () => expect(await STORAGE.watches(DISABLED).read()).toEqual({}));
  });
});

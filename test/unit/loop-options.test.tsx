// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Options } from '../../components/options/Options';
import { STORAGE } from '../../lib/platform/storage';
import { stubI18n } from './support/i18n-stub';

// Issue 17 on the options page: Remove forgets the FMC first (its watches stop, its tokens are revoked while the
// permission still lets the revoke out, and deleted), then removes the permission, and says so.

const ORIGIN = 'https://fmc-a.example:8443';
const PATTERN = 'https://fmc-a.example/*';

let container: HTMLElement;
let granted: string[];
const order: string[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  stubI18n('en');
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  order.length = 0;
  granted = [PATTERN];
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
  }
  fakeBrowser.permissions.getAll = vi.fn(async () => ({ origins: granted, permissions: [] }));
  fakeBrowser.permissions.remove = vi.fn(async () => {
    order.push('permission removed');
    granted = [];
    return true;
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    order.push(`revoke ${new URL(String(input)).pathname}`);
    return new Response(null, { status: 204 });
  });
  const now = Date.now();
  await STORAGE.watches(ORIGIN).write({
    'dev-1': { startedAt: now, until: now + 60_000, everyMs: 60_000, lang: 'en' },
  });
  await STORAGE.tokens(ORIGIN).write({
    username: 'api-user',
    accessToken: 'access',
    refreshToken: 'refresh',
    issuedAt: now,
    refreshCount: 0,
    loginDomainUuid: 'g',
    domainUuid: 'g',
    domains: [{ uuid: 'g', name: 'Global' }],
  });
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Remove on the options page', () => {
  it('stops the watches, revokes and forgets the tokens, then removes the permission, and says so', async () => {
    await act(() => render(<Options />, container));
    await vi.waitFor(() =>
      expect(container.querySelector('[data-testid="enabled-origins"] button')).not.toBeNull(),
    );
    (container.querySelector('[data-testid="enabled-origins"] button') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(container.querySelector('[data-testid="fmc-forgotten"]')?.textContent).toBe(
        'Watches stopped and sign-in forgotten for https://fmc-a.example.',
      ),
    );
    expect(order).toEqual(['revoke /api/fmc_platform/v1/auth/revokeaccess', 'permission removed']);
    expect(await STORAGE.tokens(ORIGIN).read()).toBeUndefined();
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
  });
});

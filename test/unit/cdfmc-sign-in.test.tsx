// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type DiagnosisError, ErrorNotice } from '../../components/diagnosis/ErrorNotice';
import { doorChoices, SignInForm, type SignInFormProps } from '../../components/diagnosis/SignInForm';
import { Options } from '../../components/options/Options';
import { SccSignIn } from '../../components/popup/SccSignIn';
import { FmcError } from '../../lib/fmc/errors';
import type { StoredSession } from '../../lib/fmc/session';
import { STORAGE } from '../../lib/platform/storage';
import { stubI18n } from './support/i18n-stub';

// The cdFMC's sign-in surface (issue 20): the choice of FMC, the "API token" field, the doors, the words.

const signInWithToken =
  vi.fn<(token: string, door: { kind: string; prefix: string }) => Promise<StoredSession>>();
const fmcClientFor = vi.fn(async (_origin: string) => ({ signInWithToken }));
vi.mock('../../lib/features/fmc-client', () => ({ fmcClientFor: (origin: string) => fmcClientFor(origin) }));

const HOST = 'https://acme--x1y2z3.app.us.cdo.cisco.com';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.sig';
const SESSION: StoredSession = {
  auth: 'bearer',
  door: { kind: 'host', prefix: '' },
  username: '',
  accessToken: TOKEN,
  refreshToken: '',
  issuedAt: 0,
  refreshCount: 0,
  loginDomainUuid: 'g',
  domains: [{ uuid: 'g', name: 'Global' }],
  domainUuid: 'g',
};

let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  stubI18n('en');
  signInWithToken.mockReset();
  fmcClientFor.mockClear();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function mount(props: Partial<SignInFormProps> = {}) {
  const onSignedIn = vi.fn();
  await act(() =>
    render(<SignInForm origin={HOST} loggedInUiUser={null} onSignedIn={onSignedIn} {...props} />, container),
  );
  await settle();
  return { onSignedIn };
}

/** The control a label names, as a screen reader finds it (a wrapping label or `for`). */
function control(name: string | RegExp): HTMLInputElement | HTMLSelectElement | null {
  const label = [...container.querySelectorAll('label')].find((l) =>
    typeof name === 'string' ? l.textContent?.trim() === name : name.test(l.textContent ?? ''),
  );
  if (!label) return null;
  return (
    label.htmlFor ? container.querySelector(`[id="${label.htmlFor}"]`) : label.querySelector('input, select')
  ) as HTMLInputElement | HTMLSelectElement | null;
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

async function type(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the cdFMC sign-in', () => {
  it('offers the on-premises FMC first on an on-prem address, and the API token after choosing cloud-delivered', async () => {
    await mount({ origin: 'https://fmc.example.com' });
    expect((control('An on-premises FMC') as HTMLInputElement).checked).toBe(true);
    expect(control('API token')).toBeNull();
    const cloud = control(/cloud-delivered/) as HTMLInputElement;
    expect(cloud.type).toBe('radio');
    expect(cloud.checked).toBe(false);
    await act(() => cloud.click());
    const token = control('API token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.autocomplete).toBe('off');
    expect(control('Username')).toBeNull();
    // The default door of an address that is no SCC door: this very host, with no prefix.
    expect((control('Reach it through') as HTMLSelectElement).value).toBe('https://fmc.example.com');
  });

  it('preselects the cloud-delivered FMC on a cdFMC host, and says where the token comes from and where it lives', async () => {
    await mount();
    expect((control(/cloud-delivered/) as HTMLInputElement).checked).toBe(true);
    expect(control('API token')).not.toBeNull();
    const text = container.textContent ?? '';
    expect(text).toContain('Administration > User Management');
    expect(text).toContain('Generate API Token');
    expect(text).toContain("this browser session's memory only (storage.session)");
    expect(text).toContain('paste it again after the browser restarts');
    expect(text).toContain('To revoke it');
    const door = control('Reach it through') as HTMLSelectElement;
    expect(door.value).toBe(HOST);
    expect(door.selectedOptions[0]?.textContent).toBe('This host (acme--x1y2z3.app.us.cdo.cisco.com)');
  });

  it('signs in through this host with the token, then forgets it; nothing reaches storage.local', async () => {
    signInWithToken.mockResolvedValue(SESSION);
    const { onSignedIn } = await mount();
    await type(control('API token') as HTMLInputElement, TOKEN);
    await act(() => button('Sign in').click());
    await settle();
    expect(fmcClientFor).toHaveBeenCalledWith(HOST);
    expect(signInWithToken).toHaveBeenCalledWith(TOKEN, { kind: 'host', prefix: '' });
    expect(onSignedIn).toHaveBeenCalledWith(SESSION);
    expect((control('API token') as HTMLInputElement).value).toBe('');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('c2VjcmV0LXRva2Vu');
  });

  it('on an SCC gateway, signs in through that gateway with its prefix', async () => {
    signInWithToken.mockResolvedValue({
      ...SESSION,
      door: { kind: 'gateway', prefix: '/firewall/v1/cdfmc' },
    });
    await mount({ origin: 'https://api.eu.security.cisco.com' });
    const door = control('Reach it through') as HTMLSelectElement;
    expect(door.selectedOptions[0]?.textContent).toBe('This SCC API gateway (api.eu.security.cisco.com)');
    await type(control('API token') as HTMLInputElement, TOKEN);
    await act(() => button('Sign in').click());
    await settle();
    expect(fmcClientFor).toHaveBeenCalledWith('https://api.eu.security.cisco.com');
    expect(signInWithToken).toHaveBeenCalledWith(TOKEN, { kind: 'gateway', prefix: '/firewall/v1/cdfmc' });
  });

  it('offers every region’s gateway and older addresses; another door goes on in its own report page', async () => {
    const gateways = doorChoices(HOST).filter((choice) => choice.kind === 'gateway');
    expect(gateways.map((choice) => new URL(choice.origin).host)).toEqual(
      ['us', 'eu', 'apj', 'au', 'in', 'uae'].map((region) => `api.${region}.security.cisco.com`),
    );
    expect(doorChoices(HOST).some((choice) => choice.origin === 'https://edge.eu.cdo.cisco.com')).toBe(true);

    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await mount();
    await choose(control('Reach it through') as HTMLSelectElement, 'https://api.au.security.cisco.com');
    // No token is taken here for another address: the report of that address asks for it, and for access to it.
    expect(control('API token')).toBeNull();
    expect(container.querySelector('[data-testid="door-elsewhere"]')?.textContent).toContain(
      'access to https://api.au.security.cisco.com only',
    );
    await act(() => button('Open the report for api.au.security.cisco.com').click());
    await settle();
    expect(signInWithToken).not.toHaveBeenCalled();
    expect(opened).toHaveBeenCalledWith({
      url: expect.stringContaining(
        `/report.html?fmc=${encodeURIComponent('https://api.au.security.cisco.com')}`,
      ),
    });
  });

  it('shows a refused token in an alert, in the client’s words, and clears the field', async () => {
    signInWithToken.mockRejectedValue(
      new FmcError({ code: 'token-invalid', status: 401, params: { endpoint: 'info/domain' } }),
    );
    const { onSignedIn } = await mount();
    await type(control('API token') as HTMLInputElement, TOKEN);
    await act(() => button('Sign in').click());
    await settle();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.getAttribute('data-error-code')).toBe('token-invalid');
    expect(alert?.textContent).toContain('The sign-in failed.');
    expect(alert?.textContent).toContain('The SCC API token was refused (401 on info/domain)');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect((control('API token') as HTMLInputElement).value).toBe('');
  });
});

describe('ErrorNotice', () => {
  const error = (code: string): DiagnosisError => ({
    code,
    message: { en: `${code} text`, fr: `${code} texte` },
  });

  it('tells a run stopped by a refused cdFMC token to sign in again with a valid one', async () => {
    await act(() => render(<ErrorNotice error={error('token-invalid')} lang="en" />, container));
    expect(container.textContent).toContain('The diagnosis stopped.');
    expect(container.textContent).toContain('sign in again with a valid API token');
  });

  it('sends a cdFMC 429 to the rate advice', async () => {
    await act(() => render(<ErrorNotice error={error('cdfmc-rate-limited')} lang="en" />, container));
    expect(container.textContent).toContain('lower the request rate in the options');
  });
});

describe('the popup on an SCC tab', () => {
  it('offers the region’s cdFMC through its gateway, and nothing elsewhere', async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await act(() => render(<SccSignIn url="https://www.defenseorchestrator.eu/devices" />, container));
    expect(container.textContent).toContain('Security Cloud Control (EU)');
    await act(() => button('Sign in to the cloud-delivered FMC').click());
    expect(opened).toHaveBeenCalledWith({
      url: expect.stringContaining(
        `report.html?fmc=${encodeURIComponent('https://api.eu.security.cisco.com')}`,
      ),
    });
    await act(() => render(<SccSignIn url="https://fmc.example.com/ddd/" />, container));
    expect(container.querySelector('[data-testid="scc-sign-in"]')).toBeNull();
  });
});

describe('the stored session', () => {
  it('keeps a bearer session whose door is one we know, and drops one whose prefix was edited', async () => {
    await fakeBrowser.storage.session.set({ [`fmc-session:${HOST}`]: SESSION });
    expect(await STORAGE.tokens(HOST).read()).toEqual(SESSION);
    await fakeBrowser.storage.session.set({
      [`fmc-session:${HOST}`]: { ...SESSION, door: { kind: 'host', prefix: '@evil.example' } },
    });
    expect(await STORAGE.tokens(HOST).read()).toBeUndefined();
  });
});

describe('the options page', () => {
  it('says which enabled addresses are a cloud-delivered FMC or its SCC doors', async () => {
    const granted = [
      'https://fmc.example.com/*',
      'https://acme--x1y2z3.app.us.cdo.cisco.com/*',
      'https://api.eu.security.cisco.com/*',
      'https://edge.us.cdo.cisco.com/*',
    ];
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
      vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
      vi.spyOn(event, 'removeListener').mockImplementation(() => undefined);
    }
    fakeBrowser.permissions.getAll = vi.fn(async () => ({ origins: granted, permissions: [] }));
    await act(() => render(<Options />, container));
    await settle();
    const rows = [...container.querySelectorAll('[data-testid="enabled-origins"] li')].map((li) =>
      (li.textContent ?? '')
        .replace(/\s+/g, ' ')
        .replace(/Remove$/, '')
        .trim(),
    );
    expect(rows.sort()).toEqual([
      'https://acme--x1y2z3.app.us.cdo.cisco.com (a cloud-delivered FMC)',
      'https://api.eu.security.cisco.com (SCC API gateway, for a cloud-delivered FMC)',
      'https://edge.us.cdo.cisco.com (older SCC address, for a cloud-delivered FMC)',
      'https://fmc.example.com',
    ]);
    expect(container.textContent).toContain('at most 60 requests per minute there');
  });
});

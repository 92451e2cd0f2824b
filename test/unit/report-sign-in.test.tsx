// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SignInForm, type SignInFormProps } from '../../components/diagnosis/SignInForm';
import { FmcError } from '../../lib/fmc/errors';
import type { StoredSession } from '../../lib/fmc/session';
import { readRememberedUsername, writeRememberedUsername } from '../../lib/platform/storage';
import { stubI18n } from './support/i18n-stub';

const signIn = vi.fn<(user: string, password: string, options?: object) => Promise<StoredSession>>();
vi.mock('../../lib/features/fmc-client', () => ({
  fmcClientFor: vi.fn(async () => ({ signIn })),
}));

const ORIGIN = 'https://fmc.example.com';
const SESSION: StoredSession = {
  username: 'api-user',
  accessToken: 'a',
  refreshToken: 'r',
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
  signIn.mockReset();
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
    render(
      <SignInForm origin={ORIGIN} loggedInUiUser={null} onSignedIn={onSignedIn} {...props} />,
      container,
    ),
  );
  await settle();
  return { onSignedIn };
}

/** The input a label names, as a screen reader finds it. */
function field(name: string): HTMLInputElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === name);
  const input = label && (container.querySelector(`[id="${label.htmlFor}"]`) as HTMLInputElement | null);
  if (!input) throw new Error(`no field labelled ${name}`);
  return input;
}

async function type(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

async function submit(user = 'api-user', password = 'secret') {
  await type(field('Username'), user);
  await type(field('Password'), password);
  await act(() => button('Sign in').click());
  await settle();
}

describe('SignInForm', () => {
  it('names its fields Username and Password and its button Sign in, and explains the dedicated API user', async () => {
    await mount();
    expect(field('Username').type).toBe('text');
    expect(field('Password').type).toBe('password');
    expect(button('Sign in').type).toBe('submit');
    const text = container.textContent ?? '';
    expect(text).toContain('cannot be used for both interfaces simultaneously');
    expect(text).toContain('read access to devices, health and integration');
    const quote = container.querySelector('blockquote');
    expect(quote?.getAttribute('cite')).toContain('Firepower_Management_Center_REST_API_Quick_Start_Guide');
    expect(container.querySelector('a[href*="Quick_Start_Guide"]')?.getAttribute('target')).toBe('_blank');
  });

  it('signs in, remembers the user name for this FMC and clears the password', async () => {
    signIn.mockResolvedValue(SESSION);
    const { onSignedIn } = await mount();
    await submit(' api-user ', 'secret');
    expect(signIn).toHaveBeenCalledWith('api-user', 'secret', { keepPassword: false });
    expect(onSignedIn).toHaveBeenCalledWith(SESSION);
    expect(field('Password').value).toBe('');
    expect(await readRememberedUsername(ORIGIN)).toBe('api-user');
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain('secret');
  });

  it('pre-fills the remembered user name, never a password', async () => {
    await writeRememberedUsername(ORIGIN, 'reader');
    await mount();
    expect(field('Username').value).toBe('reader');
    expect(field('Password').value).toBe('');
  });

  it('shows a refused sign-in in an alert, in the user’s words, and clears the password', async () => {
    signIn.mockRejectedValue(new FmcError({ code: 'bad-credentials', status: 401 }));
    const { onSignedIn } = await mount();
    await submit();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The FMC refused the sign-in (401)');
    expect(field('Password').value).toBe('');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(container.querySelector('a[href="https://fmc.example.com/"]')).toBeNull();
  });

  it('adds a link to open the FMC when the browser cannot reach it or distrusts its certificate', async () => {
    signIn.mockRejectedValue(new FmcError({ code: 'tls-or-network', params: { endpoint: 'auth' } }));
    await mount();
    await submit();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('accept it');
    expect(container.querySelector('a[href="https://fmc.example.com/"]')?.textContent).toBe(
      'Open the FMC in a new tab',
    );
  });

  it('asks before signing in as the user logged in to the FMC page (any case), and Cancel stops it', async () => {
    signIn.mockResolvedValue(SESSION);
    await mount({ loggedInUiUser: 'Admin' });
    await submit('admin', 'secret');
    const dialog = container.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('Admin');
    expect(signIn).not.toHaveBeenCalled();
    // The safe answer is the primary button and has the focus; the risky Continue is not (issue 19, item 8).
    expect(document.activeElement).toBe(button('Cancel'));
    expect(button('Cancel').classList.contains('primary')).toBe(true);
    expect(button('Continue').classList.contains('primary')).toBe(false);
    await act(() => button('Cancel').click());
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(signIn).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field('Username'));
  });

  it('signs in after Continue in the confirmation', async () => {
    signIn.mockResolvedValue(SESSION);
    const { onSignedIn } = await mount({ loggedInUiUser: 'admin' });
    await submit('ADMIN', 'secret');
    await act(() => button('Continue').click());
    await settle();
    expect(signIn).toHaveBeenCalledWith('ADMIN', 'secret', { keepPassword: false });
    expect(onSignedIn).toHaveBeenCalled();
  });

  it('asks nothing for another user, or when the page user is unknown', async () => {
    signIn.mockResolvedValue(SESSION);
    await mount({ loggedInUiUser: 'admin' });
    await submit('api-user');
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(signIn).toHaveBeenCalledTimes(1);
    render(null, container);
    await mount({ loggedInUiUser: undefined });
    await submit('admin');
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(signIn).toHaveBeenCalledTimes(2);
  });

  it('asks for explicit consent before a password goes to a plain-HTTP FMC on another machine', async () => {
    signIn.mockResolvedValue(SESSION);
    await mount({ origin: 'http://fmc.example.com' });
    expect(container.querySelector('[data-testid="plain-http"]')?.textContent).toContain(
      'http://fmc.example.com uses plain HTTP. Your password and the API tokens would cross the network unencrypted',
    );
    await submit();
    expect(button('Sign in').disabled).toBe(true);
    expect(signIn).not.toHaveBeenCalled();
    const consent = container.querySelector(
      '[data-testid="plain-http"] input[type="checkbox"]',
    ) as HTMLInputElement;
    await act(() => consent.click());
    await act(() => button('Sign in').click());
    await settle();
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('asks nothing for HTTPS or a loopback address', async () => {
    for (const origin of [
      'https://fmc.example.com',
      'http://127.0.0.1:8080',
      'http://localhost:9000',
      'http://[::1]',
    ]) {
      await mount({ origin });
      expect(container.querySelector('[data-testid="plain-http"]'), origin).toBeNull();
      render(null, container);
    }
  });

  it('speaks French in a French browser', async () => {
    stubI18n('fr');
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    signIn.mockRejectedValue(new FmcError({ code: 'bad-credentials', status: 401 }));
    await mount();
    expect(field('Nom d’utilisateur')).toBeDefined();
    expect(field('Mot de passe')).toBeDefined();
    await type(field('Nom d’utilisateur'), 'x');
    await type(field('Mot de passe'), 'y');
    await act(() => button('Se connecter').click());
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Le FMC a refusé la connexion');
  });
});

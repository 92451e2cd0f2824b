// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Report } from '../../components/report/Report';
import { diagnose } from '../../lib/diagnose';
import { cancelDiagnosis, startDiagnosis } from '../../lib/features/diagnosis-run';
import type { StoredSession } from '../../lib/fmc/session';
import { writeDiagnosisState } from '../../lib/platform/storage';
import type { DiagnosisState } from '../../lib/protocol/diagnosis-state';
import { branchFleet } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

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

const client = {
  session: { restore: vi.fn(), selectDomain: vi.fn() },
  signIn: vi.fn(),
  signOut: vi.fn(async () => undefined),
};
vi.mock('../../lib/features/fmc-client', () => ({ fmcClientFor: vi.fn(async () => client) }));

let running = false;
let finishRun: () => void = () => undefined;
vi.mock('../../lib/features/diagnosis-run', () => ({
  startDiagnosis: vi.fn(() => {
    running = true;
    return new Promise<void>((resolve) => {
      finishRun = () => {
        running = false;
        resolve();
      };
    });
  }),
  cancelDiagnosis: vi.fn(),
  isDiagnosing: vi.fn(() => running),
  markIfInterrupted: vi.fn(async () => undefined),
}));

let container: HTMLElement;
let granted = true;

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('en');
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  const event = { addListener: vi.fn(), removeListener: vi.fn() };
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async () => granted),
    request: vi.fn(async () => false),
    onAdded: event,
    onRemoved: event,
  });
  granted = true;
  running = false;
  client.session.restore.mockResolvedValue(SESSION);
  client.signIn.mockResolvedValue(SESSION);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.clearAllMocks();
});

const settle = async () => {
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};

async function mount() {
  await act(() => render(<Report origin={ORIGIN} />, container));
  await settle();
}

async function setState(state: DiagnosisState) {
  await act(() => writeDiagnosisState(ORIGIN, state));
  await settle();
}

function button(name: string): HTMLButtonElement | undefined {
  return [...container.querySelectorAll('button')].find((b) => b.textContent === name);
}

async function click(name: string) {
  const target = button(name);
  if (!target) throw new Error(`no button ${name}`);
  await act(() => target.click());
  await settle();
}

const DONE: DiagnosisState = {
  status: 'done',
  startedAt: 1,
  finishedAt: 2,
  diagnosis: diagnose(branchFleet()),
};

describe('Report', () => {
  it('asks to sign in without a session, then diagnoses in the page', async () => {
    client.session.restore.mockResolvedValue(undefined);
    await mount();
    expect(container.querySelector('form[data-testid="sign-in-form"]')).not.toBeNull();
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(startDiagnosis).not.toHaveBeenCalled();

    const inputs = container.querySelectorAll('input');
    for (const [input, value] of [...inputs].map((i, n) => [i, n === 0 ? 'api-user' : 'pw'] as const)) {
      await act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    await click('Sign in');
    expect(startDiagnosis).toHaveBeenCalledWith(ORIGIN, { runner: 'page' });
    expect(container.querySelector('form[data-testid="sign-in-form"]')).toBeNull();
  });

  it('starts a run at once when signed in with nothing diagnosed, with progress and Cancel', async () => {
    await mount();
    expect(startDiagnosis).toHaveBeenCalledTimes(1);
    await setState({ status: 'running', startedAt: 1, progress: { done: 3, expected: 12, etaMs: 1_800 } });
    expect(container.textContent).toContain('3 of 12 requests');
    expect(button('Export JSON')?.disabled).toBe(true);
    expect(button('Export Markdown')?.disabled).toBe(true);
    expect(button('Run again')?.disabled).toBe(true);
    await click('Cancel');
    expect(cancelDiagnosis).toHaveBeenCalledWith(ORIGIN);

    await act(() => finishRun());
    await setState({
      status: 'error',
      startedAt: 1,
      finishedAt: 2,
      error: { code: 'aborted', message: { en: 'cancelled', fr: 'annulé' } },
    });
    expect(button('Cancel')).toBeUndefined();
    expect(button('Run again')?.disabled).toBe(false);
    expect(document.activeElement).toBe(button('Run again'));
    expect(container.querySelector('[role="status"][data-error-code="aborted"]')).not.toBeNull();
  });

  it('shows a finished diagnosis: summary, counts, table, details, and enabled exports', async () => {
    await writeDiagnosisState(ORIGIN, DONE);
    await mount();
    expect(startDiagnosis).not.toHaveBeenCalled();
    expect(button('Export JSON')?.disabled).toBe(false);
    expect(button('Export Markdown')?.disabled).toBe(false);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(7);
    expect(container.querySelector('.fmc-integration')?.textContent).toContain('Scenario 2');

    const unknown = container.querySelector<HTMLButtonElement>(
      '.verdict-counts [data-verdict="unknown"] button',
    );
    await act(() => unknown?.click());
    expect(unknown?.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelectorAll('tbody tr')).toHaveLength(1);

    await act(() => container.querySelector<HTMLElement>('tbody tr')?.click());
    expect(container.querySelector('.details h3')?.textContent).toBe('branch-old');

    await click('Run again');
    expect(startDiagnosis).toHaveBeenCalledWith(ORIGIN, { runner: 'page' });
    // Before the new run's first write the store still says done: its result must not be exported as new.
    expect(button('Export JSON')?.disabled).toBe(true);
    expect(button('Cancel')).toBeDefined();
    expect(container.textContent).toContain('the result of the previous run');
  });

  it('keeps the previous diagnosis on view but not exportable while a new run goes', async () => {
    await writeDiagnosisState(ORIGIN, {
      ...DONE,
      status: 'running',
      progress: { done: 1, expected: 9, etaMs: 0 },
    });
    await mount();
    expect(container.querySelectorAll('tbody tr')).toHaveLength(7);
    expect(container.textContent).toContain('the result of the previous run');
    expect(button('Export JSON')?.disabled).toBe(true);
  });

  it('shows an error that stopped the run with what to do', async () => {
    await writeDiagnosisState(ORIGIN, {
      status: 'error',
      startedAt: 1,
      finishedAt: 2,
      error: { code: 'tls-or-network', message: { en: 'The browser cannot reach the FMC.', fr: 'x' } },
    });
    await mount();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The browser cannot reach the FMC.');
    expect(alert?.textContent).toContain('accept it');
    expect(button('Run again')?.disabled).toBe(false);
  });

  it('brings the sign-in form back when the session ended during a run', async () => {
    await mount();
    client.session.restore.mockResolvedValue(undefined);
    await act(() => finishRun());
    await setState({ status: 'signed-out', startedAt: 1, finishedAt: 2 });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The FMC session has ended');
    expect(container.querySelector('form[data-testid="sign-in-form"]')).not.toBeNull();
  });

  it('signs out through the client (revoking the token) and shows the form', async () => {
    await writeDiagnosisState(ORIGIN, DONE);
    await mount();
    await click('Sign out');
    expect(client.signOut).toHaveBeenCalledTimes(1);
    expect(container.querySelector('form[data-testid="sign-in-form"]')).not.toBeNull();
  });

  it('asks for access first when the FMC is not enabled', async () => {
    granted = false;
    await mount();
    expect(container.textContent).toContain('The extension may not reach https://fmc.example.com yet.');
    expect(container.querySelector('form')).toBeNull();
    await click('Allow access to this FMC');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://fmc.example.com/*'] });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('did not grant access');
    expect(startDiagnosis).not.toHaveBeenCalled();
  });
});

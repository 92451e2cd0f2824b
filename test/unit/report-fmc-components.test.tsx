// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DeviceDetails } from '../../components/diagnosis/DeviceDetails';
import { DomainPicker } from '../../components/diagnosis/DomainPicker';
import { formatDuration } from '../../components/diagnosis/duration';
import { ErrorNotice } from '../../components/diagnosis/ErrorNotice';
import { IncompleteNotice } from '../../components/diagnosis/IncompleteNotice';
import { IntegrationSummary } from '../../components/diagnosis/IntegrationSummary';
import { ProgressBar } from '../../components/diagnosis/ProgressBar';
import { VerdictBadge } from '../../components/diagnosis/VerdictBadge';
import { type DeviceDiagnosis, diagnose, VERDICTS } from '../../lib/diagnose';
import { FmcError } from '../../lib/fmc/errors';
import { branchFleet, failing, fleet, INTEGRATION_OFF, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

const session = { restore: vi.fn(), selectDomain: vi.fn() };
vi.mock('../../lib/features/fmc-client', () => ({ fmcClientFor: vi.fn(async () => ({ session })) }));

let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  stubI18n('en');
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.clearAllMocks();
});

const mount = (node: preact.ComponentChild) => act(() => render(node, container));
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const text = () => container.textContent ?? '';
const device = (name: string): DeviceDiagnosis => {
  const found = diagnose(branchFleet()).devices.find((d) => d.name === name);
  if (!found) throw new Error(`no device ${name}`);
  return found;
};

describe('VerdictBadge', () => {
  it('says every verdict in words, with its own class for the colour', async () => {
    for (const verdict of VERDICTS) {
      await mount(<VerdictBadge verdict={verdict} />);
      const badge = container.querySelector('.verdict');
      expect(badge?.classList.contains(`verdict-${verdict}`)).toBe(true);
      // Text beyond the decorative symbol: colour is never the only cue.
      expect(badge?.textContent?.replace(/^[✓!?–]/, '').trim().length).toBeGreaterThan(3);
    }
    await mount(<VerdictBadge verdict="dns-missing" />);
    expect(text()).toContain('No management DNS');
    expect(container.querySelector('.verdict-icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('speaks French in a French browser', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'fr';
    await mount(<VerdictBadge verdict="healthy" />);
    expect(text()).toContain('Sain');
  });
});

describe('ProgressBar', () => {
  it('counts requests and the time left at the FMC rate', async () => {
    await mount(<ProgressBar progress={{ done: 12, expected: 40, etaMs: 7_200 }} />);
    const bar = container.querySelector('progress');
    // A share of 1000 (issue 19: the bar holds its place when `expected` grows); the words keep the counts.
    expect(bar?.getAttribute('max')).toBe('1000');
    expect(bar?.getAttribute('value')).toBe('300');
    expect(bar?.getAttribute('aria-label')).toBe('Diagnosis progress');
    expect(text()).toContain('12 of 40 requests');
    expect(text()).toContain("about 8 seconds left at the FMC's rate limit");
  });

  it('never moves backwards within a run when the expected count grows, and starts again with the next run', async () => {
    const bar = () => Number(container.querySelector('progress')?.getAttribute('value'));
    await mount(<ProgressBar progress={{ done: 6, expected: 7, etaMs: 0 }} runKey={1} />);
    expect(bar()).toBe(857);
    // The failing devices are known: 13 more requests. 7 of 20 is less than 6 of 7: the bar holds.
    await mount(<ProgressBar progress={{ done: 7, expected: 20, etaMs: 0 }} runKey={1} />);
    expect(bar()).toBe(857);
    expect(text()).toContain('7 of 20 requests');
    await mount(<ProgressBar progress={{ done: 19, expected: 20, etaMs: 0 }} runKey={1} />);
    expect(bar()).toBe(950);
    // Control: another run starts from its own share.
    await mount(<ProgressBar progress={{ done: 1, expected: 20, etaMs: 0 }} runKey={2} />);
    expect(bar()).toBe(50);
  });

  it('says its phase (issue 19), and nothing for a state written before phases', async () => {
    await mount(
      <ProgressBar
        progress={{ done: 9, expected: 14, etaMs: 0, phase: 'show-network', commands: { done: 2, total: 7 } }}
      />,
    );
    expect(container.querySelector('.phase')?.textContent).toBe('Reading show network: 2/7');
    await mount(<ProgressBar progress={{ done: 14, expected: 14, etaMs: 0, phase: 'dns' }} />);
    expect(container.querySelector('.phase')?.textContent).toBe(
      'Looking up the region’s cloud host from this browser',
    );
    await mount(<ProgressBar progress={{ done: 1, expected: 7, etaMs: 0 }} />);
    expect(container.querySelector('.phase')).toBeNull();
  });

  it('is indeterminate until the number of requests is known', async () => {
    await mount(<ProgressBar progress={{ done: 0, expected: 0, etaMs: 0 }} />);
    expect(container.querySelector('progress')?.hasAttribute('value')).toBe(false);
    expect(text()).toContain('Starting');
  });

  it('rounds durations up, in seconds then minutes, in the user’s language', () => {
    expect(formatDuration(200, 'en')).toBe('1 second');
    expect(formatDuration(59_001, 'en')).toBe('1 minute');
    expect(formatDuration(150_000, 'fr')).toBe('3 minutes');
    expect(formatDuration(12_000, 'fr')).toMatch(/^12\s+secondes$/u);
  });
});

describe('ErrorNotice', () => {
  const error = (code: string) => ({ code, message: { en: `en ${code}`, fr: `fr ${code}` } });

  it('shows the message in the user’s language and what to do, as an alert', async () => {
    await mount(<ErrorNotice error={error('tls-or-network')} lang="fr" />);
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('fr tls-or-network');
    expect(alert?.textContent).toContain('accept it');
  });

  it.each([
    ['rate-limited', 'request budget'],
    ['sign-in-required', 'Sign in again'],
    ['forbidden', 'read access to devices'],
    ['schema-mismatch', 'may not be supported yet'],
    ['something-new', 'reload this page'],
  ])('tells what to do after %s', async (code, advice) => {
    await mount(<ErrorNotice error={error(code)} lang="en" />);
    expect(text()).toContain(advice);
  });

  it('treats a cancellation as a status, not an alarm', async () => {
    await mount(<ErrorNotice error={error('aborted')} lang="en" />);
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toContain('was cancelled');
  });
});

describe('IntegrationSummary', () => {
  it('shows scenario 1 with the inference note and the health policy link', async () => {
    const diagnosis = diagnose(fleet([failing('d1', shown({ dns: [] }))], INTEGRATION_OFF));
    const url = 'https://fmc.example.net/ddd/#HealthPolicy';
    await mount(<IntegrationSummary diagnosis={diagnosis} lang="en" healthPolicyUrl={url} />);
    expect(text()).toContain('Scenario 1');
    expect(text()).toContain(diagnosis.integration.scenarioInference.note.en);
    expect(container.querySelector('[data-field="version"]')?.textContent).toBe('7.2.5');
    expect(container.querySelector('[data-field="domain"]')?.textContent).toBe('Global');
    expect(container.querySelector('[data-field="cloud-events"]')?.textContent).toBe('none sent');
    expect(container.querySelector('[data-field="securex"]')?.textContent).toBe('disabled');
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe(url);
    expect(link?.textContent).toBe('Open the health policy');
  });

  it('shows scenario 2 without the link, the events sent, the region and its SSE host', async () => {
    const diagnosis = diagnose(branchFleet());
    await mount(<IntegrationSummary diagnosis={diagnosis} lang="en" healthPolicyUrl="https://x.invalid/" />);
    expect(text()).toContain('Scenario 2');
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('[data-field="cloud-events"]')?.textContent).toContain('intrusion/file');
    expect(container.querySelector('[data-field="region"]')?.textContent).toBe('US — api-sse.cisco.com');
  });

  it('says SecureX is not on FMC versions before 7.0', async () => {
    const diagnosis = diagnose(fleet([], { securex: null }, {}));
    await mount(<IntegrationSummary diagnosis={diagnosis} lang="en" />);
    expect(container.querySelector('[data-field="securex"]')?.textContent).toContain('before 7.0');
  });
});

describe('DeviceDetails', () => {
  it('lists the evidence, the runbook with copy buttons and expected outputs, and the flags', async () => {
    const proxy = device('branch-proxy');
    await mount(<DeviceDetails device={proxy} lang="en" />);
    expect(container.querySelector('h3')?.textContent).toBe('branch-proxy');
    expect(container.querySelectorAll('.evidence li')).toHaveLength(proxy.evidence.length);
    // Every step, spread over the card's sections (fix, verify, why: test/unit/device-sections.test.tsx).
    expect(container.querySelectorAll('.runbook li[data-step]')).toHaveLength(proxy.runbook.length);
    const commands = proxy.runbook.flatMap((step) => step.commands);
    expect(container.querySelectorAll('.fmc-command code')).toHaveLength(commands.length);
    expect(container.querySelectorAll('button.copy')).toHaveLength(commands.length);
    // The proxy's fix is on the proxy (no command): the first command is the verification's.
    expect(container.querySelector('button.copy')?.getAttribute('aria-label')).toBe(
      'Copy the command expert',
    );
    expect(container.querySelectorAll('.expect')).toHaveLength(commands.filter((c) => c.expect).length);
  });

  it('shows the alert’s other results split at <br>, one a line, and hostile names as text', async () => {
    const name = '<img src=x onerror="globalThis.pwned=1">';
    const [hostile] = diagnose(
      fleet([
        failing('d1', shown({ dns: [] }), {
          name,
          alert: {
            status: 'RED',
            details:
              'SI URL Lists and Feeds - Success<br>Threat Data Updates - Cisco Cloud Configuration - Failure<br><b>x</b>',
          },
        }),
      ]),
    ).devices;
    if (!hostile) throw new Error('no device');
    await mount(<DeviceDetails device={hostile} lang="fr" />);
    expect(container.querySelector('h3')?.textContent).toBe(name);
    expect(container.querySelector('img, b')).toBeNull();
    const results = [...container.querySelectorAll('[data-testid="alert-results"] li')].map(
      (li) => li.textContent,
    );
    // The Cloud Configuration result is the evidence's; the folded list holds the others.
    expect(results).toEqual(['SI URL Lists and Feeds - Success', '<b>x</b>']);
    expect(container.querySelector('.evidence')?.textContent).toContain(
      'Threat Data Updates - Cisco Cloud Configuration - Failure',
    );
    expect(text()).toContain('Vérifiez que l’équipement n’a aucun serveur DNS de gestion');
  });

  it('copies a command with the shared copy logic', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await mount(<DeviceDetails device={device('branch-nodns')} lang="en" />);
    const copy = container.querySelector('button.copy') as HTMLButtonElement;
    await act(async () => copy.click());
    await settle();
    expect(writeText).toHaveBeenCalledWith(container.querySelector('.fmc-command code')?.textContent);
    expect(container.querySelector('.fmc-command [role="status"]')?.textContent).toBe('Copied');
  });
});

describe('IncompleteNotice', () => {
  const reason = {
    en: 'The FMC answered devices/devicerecords with a server error (500).',
    fr: 'Erreur 500.',
  };

  it('names each missing piece and why, in the page language', async () => {
    const diagnosis = diagnose({
      ...fleet([]),
      incomplete: [
        { part: 'devices', reason },
        { part: 'cloudRegions', reason: { en: 'Regions: 403.', fr: 'Régions : 403.' } },
      ],
    });
    await mount(<IncompleteNotice diagnosis={diagnosis} lang="fr" />);
    const notice = container.querySelector('[data-testid="incomplete-notice"]');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(notice?.querySelector('.notice-title')?.textContent).toBe('Incomplet');
    expect([...(notice?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Liste des équipements — Erreur 500.',
      'Région cloud — Régions : 403.',
    ]);
  });

  it('draws nothing for a complete diagnosis', async () => {
    await mount(<IncompleteNotice diagnosis={diagnose(fleet([]))} lang="en" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('DomainPicker', () => {
  const domains = [
    { uuid: 'g', name: 'Global' },
    { uuid: 'b', name: 'Global/Branch' },
  ];

  it('lists the session’s domains by name and selects one through the session', async () => {
    session.restore.mockResolvedValue({ domains, domainUuid: 'g' });
    session.selectDomain.mockResolvedValue(domains[1]);
    const onChange = vi.fn();
    await mount(<DomainPicker origin="https://fmc.example.com" onChange={onChange} />);
    await settle();
    const select = container.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Global', 'Global/Branch']);
    expect(select.value).toBe('g');
    expect(container.querySelector('label')?.textContent).toBe('Domain');
    await act(() => {
      select.value = 'b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(session.selectDomain).toHaveBeenCalledWith('b');
    expect(onChange).toHaveBeenCalledWith(domains[1]);
  });

  it('shows a failed choice as an alert and renders nothing without a session', async () => {
    session.restore.mockResolvedValue({ domains, domainUuid: 'g' });
    session.selectDomain.mockRejectedValue(new FmcError({ code: 'sign-in-required' }));
    await mount(<DomainPicker origin="https://fmc.example.com" onChange={vi.fn()} />);
    await settle();
    const select = container.querySelector('select') as HTMLSelectElement;
    await act(() => {
      select.value = 'b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Sign in again');

    render(null, container);
    session.restore.mockResolvedValue(undefined);
    await mount(<DomainPicker origin="https://fmc.example.com" onChange={vi.fn()} />);
    await settle();
    expect(container.innerHTML).toBe('');
  });
});

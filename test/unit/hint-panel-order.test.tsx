// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { HintProps } from '../../components/hint/Hint';
import { mountHint } from '../../components/hint/mount';
import { diagnose } from '../../lib/diagnose';
import { hintDeviceView, hintVerdicts } from '../../lib/features/hint-views';
import { entryById } from '../../lib/knowledge';
import { resolveLang } from '../../lib/knowledge/resolve';
import type { MountedHint } from '../../lib/page/hint-controller';
import { writeDiagnosisState } from '../../lib/platform/storage';
import type { HintDevice } from '../../lib/protocol/hint';
import { FAILURE, failing, fleet, healthy, INTEGRATION_OFF, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

// Issue 19: the open hint says, in this order, the verdict and its cause, the fix with Copy, how to verify it
// (Expected), Re-check / Watch, then, folded, why this verdict and the alert's other results; before a diagnosis,
// the three-line triage first and the rest folded. The panel is fed what the background really sends: the view
// of a stored diagnosis (lib/features/hint-views.ts) and the resolved knowledge entry.

const ORIGIN = 'https://fmc.example';
const POLICY = 'https://fmc.example/ddd/#HealthPolicy';

/** The alert as a 7.x FMC sends it: the failing line, then the module's other data types. */
const ALERT = {
  ...FAILURE,
  details: [
    'SI URL Lists and Feeds - Success',
    'Cisco Cloud Configuration - Failure',
    'SI DNS Lists and Feeds - Success',
    'AMP Dynamic Analysis - Success',
  ].join('<br>'),
};

let mounted: MountedHint[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('en');
  document.body.innerHTML =
    '<table><tbody><tr><td id="cell">Cisco Cloud Configuration</td></tr></tbody></table>';
});

afterEach(() => {
  for (const hint of mounted) hint.unmount();
  mounted = [];
});

async function store(integrationOff: boolean): Promise<void> {
  const diagnosis = diagnose(
    fleet(
      [
        healthy('peer', shown({ dns: ['10.0.0.53'] }), { name: 'hq-ftd', hostName: '10.1.0.5' }),
        failing('ftd', shown({ dns: [] }), { name: 'branch-ftd', hostName: '10.2.0.7', alert: ALERT }),
      ],
      integrationOff ? INTEGRATION_OFF : {},
    ),
  );
  await writeDiagnosisState(ORIGIN, { status: 'done', startedAt: 1_000, finishedAt: 2_000, diagnosis });
}

/** Opens a hint on the row, tied to the stored device `id` (or to none), and waits for what it loads. */
async function openPanel(id: string | null): Promise<HTMLElement> {
  const verdicts = await hintVerdicts(ORIGIN);
  const device: HintDevice | null = verdicts?.devices.find((candidate) => candidate.id === id) ?? null;
  const source = entryById('cloud-configuration');
  if (!source) throw new Error('cloud-configuration missing');
  const props: HintProps = {
    entryId: 'cloud-configuration',
    loadEntry: vi.fn(async () => resolveLang(source, 'en')),
    healthPolicy: () => ({ url: POLICY, guessed: false }),
    lang: 'en',
    device: {
      get: () => device,
      diagnosed: () => id !== null,
      finishedAt: () => verdicts?.finishedAt,
      subscribe: () => () => undefined,
    },
    loop: {
      loadDevice: vi.fn((deviceId: string) => hintDeviceView(ORIGIN, deviceId, 'en')),
      recheck: vi.fn(),
      watch: vi.fn(),
      openReport: vi.fn(),
    },
  };
  const cell = document.getElementById('cell') as HTMLElement;
  await act(() => {
    mounted.push(mountHint(cell, props));
  });
  const root = mounted[0]?.host.shadowRoot;
  if (!root) throw new Error('no shadow root');
  await act(async () => {
    (root.querySelector('button.badge') as HTMLElement).click();
  });
  // The entry and the device view resolve through promises: let them settle, then check they did.
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  const panel = root.querySelector('section.panel') as HTMLElement | null;
  if (!panel) throw new Error('the panel did not open');
  return panel;
}

/** The panel's parts that carry a `data-section`, in document order, outermost first. */
function order(within: Element): string[] {
  return [...within.querySelectorAll('[data-section]')].map((el) => el.getAttribute('data-section') ?? '');
}

/** Whether `a` comes before `b` in the document. */
function precedes(a: Element | null, b: Element | null): boolean {
  if (!a || !b) throw new Error('missing element');
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** Whether an element is inside a closed `<details>` (folded). */
const folded = (el: Element | null) => el?.closest('details:not([open])') != null;

describe('the open hint’s order (issue 19)', () => {
  it('a scenario-2 device: verdict and cause, the DNS fix with Copy, Expected, actions, then folded why and other results', async () => {
    await store(false);
    const panel = await openPanel('ftd');
    const device = panel.querySelector('section[data-section="device"]') as HTMLElement;
    expect(order(device)).toEqual(['cause', 'fix', 'verify', 'actions', 'why', 'other-results']);

    // Verdict and one-line cause, with "name · address".
    const cause = device.querySelector('[data-section="cause"]') as HTMLElement;
    expect(cause.querySelector('h3')?.textContent).toContain('branch-ftd · 10.2.0.7');
    expect(cause.querySelector('.verdict-dns-missing')).not.toBeNull();
    expect(cause.querySelector('.cause')?.textContent).toMatch(/no management DNS server/);

    // The fix first: the ssh line, then the DNS command (from the healthy peer) with Copy, the first step standing out.
    const fix = device.querySelector('[data-section="fix"]') as HTMLElement;
    const codes = [...fix.querySelectorAll('.command code')].map((code) => code.textContent);
    expect(codes).toEqual(['ssh admin@10.2.0.7', 'configure network dns servers 10.0.0.53']);
    expect(fix.querySelectorAll('button.copy')).toHaveLength(2);
    expect(fix.querySelector('.runbook > li.first')?.textContent).toContain('configure network dns servers');

    // How to verify it, with its expected output named "Expected".
    const verify = device.querySelector('[data-section="verify"]') as HTMLElement;
    expect(verify.querySelector('.command code')?.textContent).toBe('show network');
    expect(verify.querySelector('.expect')?.textContent).toMatch(/^Expected: A "DNS Servers" line/);
    expect(device.textContent).not.toMatch(/Look for|A good output/);

    // Watch, then folded: why this verdict (the evidence) and "3 other data types: Success".
    expect(device.querySelector('[data-section="actions"] button.watch')).not.toBeNull();
    const why = device.querySelector('details[data-section="why"]') as HTMLElement;
    expect(why.querySelector('summary')?.textContent).toBe('Why this verdict');
    expect(why.textContent).toContain('DNS Servers line absent');
    expect(folded(why.querySelector('li'))).toBe(true);
    const others = device.querySelector('details[data-section="other-results"]') as HTMLElement;
    expect(others.querySelector('summary')?.textContent).toBe('3 other data types: Success');
    expect(folded(others.querySelector('li'))).toBe(true);
    expect(precedes(fix.querySelector('code'), why)).toBe(true);

    // The explanation comes after the device, all of it folded, with no triage.
    const more = panel.querySelector('details[data-section="more"]') as HTMLElement;
    expect(precedes(device, more)).toBe(true);
    expect(panel.querySelector('[data-section="triage"]')).toBeNull();
    expect(folded(more.querySelector('[data-section="scenario-2"]'))).toBe(true);
  });

  it('a scenario-1 device: Open the health policy is the first action, and no Watch is offered', async () => {
    await store(true);
    const panel = await openPanel('ftd');
    const device = panel.querySelector('section[data-section="device"]') as HTMLElement;
    expect(device.querySelector('.verdict-expected-integration-off')).not.toBeNull();
    expect(order(device)).toEqual(['cause', 'fix', 'verify', 'actions', 'why', 'other-results']);

    const first = device.querySelector('a, button');
    expect(first?.getAttribute('data-action')).toBe('open-health-policy');
    expect(first?.getAttribute('href')).toBe(POLICY);
    expect(first?.classList.contains('action')).toBe(true);
    expect(first?.closest('[data-section]')?.getAttribute('data-section')).toBe('fix');
    // Nothing to type on the device: no ssh line; the failure is expected and never clears: no Watch.
    expect(device.textContent).not.toContain('ssh admin@');
    expect(device.querySelector('button.watch')).toBeNull();
    // Positive control: the actions are there (the report button), only Watch is not.
    expect(device.querySelector('[data-section="actions"] button.secondary')).not.toBeNull();
  });

  it('before a diagnosis: the three-line triage first, then the way to a diagnosis, the rest folded', async () => {
    const panel = await openPanel(null);
    const triage = panel.querySelector('ol[data-section="triage"]') as HTMLElement;
    expect(order(panel).slice(0, 3)).toEqual(['triage', 'diagnose', 'more']);
    const lines = [...triage.children];
    expect(lines).toHaveLength(3);
    expect(lines[0]?.textContent).toMatch(/^Is cloud integration on/);
    expect(lines[1]?.textContent).toMatch(/^No → scenario 1: the alert is expected/);
    expect(lines[1]?.querySelector('a[data-action="open-health-policy"]')?.getAttribute('href')).toBe(POLICY);
    expect(lines[2]?.textContent).toMatch(/^Yes → run show network on the device’s CLI/);
    expect(lines[2]?.querySelector('.command code')?.textContent).toBe('show network');
    // Every line keeps its source label.
    for (const line of lines) expect(line.querySelector('[data-sources]')).not.toBeNull();
    // One health policy link in the whole panel; the background, the scenarios and the bugs folded.
    expect(panel.querySelectorAll('a[data-action="open-health-policy"]')).toHaveLength(1);
    const more = panel.querySelector('details[data-section="more"]') as HTMLElement;
    for (const id of ['scenario-1', 'scenario-2', 'known-bugs'])
      expect(folded(more.querySelector(`[data-section="${id}"]`)), id).toBe(true);
    expect(folded(triage)).toBe(false);
  });
});

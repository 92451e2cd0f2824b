// @vitest-environment happy-dom
// One device's card in one order on every surface (issue 19): verdict and cause, the fix with Copy, how to verify
// it, Re-check / Watch, then folded why and the other results. The order is data (lib/diagnose/sections.ts);
// these tests hold the rendered card to it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DeviceDetails } from '../../components/diagnosis/DeviceDetails';
import { DeviceLoop } from '../../components/diagnosis/DeviceLoop';
import { type DeviceDiagnosis, diagnose } from '../../lib/diagnose';
import { causeText, deviceAddressLine, otherResultsText, sshCommand } from '../../lib/diagnose/device-text';
import { canWatch, VERDICT_ICONS } from '../../lib/diagnose/labels';
import { RUNBOOKS } from '../../lib/diagnose/runbook-steps';
import { deviceSections, sectionSteps, stepSection } from '../../lib/diagnose/sections';
import { VERDICTS } from '../../lib/diagnose/types';
import { failing, fleet, INTEGRATION_OFF, shown } from '../fixtures/diagnose/build';
import { readLocale, stubI18n } from './support/i18n-stub';

const en = readLocale('en');
const ALERT = {
  status: 'RED',
  details: [
    'Threat Data Updates - Cisco Cloud Configuration - Failure',
    'SI URL Lists and Feeds - Success',
    'Local Malware Analysis Signatures - Success',
    'SI DNS Lists and Feeds - Success',
  ].join('<br>'),
};

/** A scenario 2 device without DNS, and a scenario 1 one (cloud integration off), with their management address. */
function devices(): { noDns: DeviceDiagnosis; off: DeviceDiagnosis } {
  const on = diagnose(
    fleet([failing('ftd-nodns', shown({ dns: [] }), { hostName: '10.10.3.1', alert: ALERT })]),
  );
  const off = diagnose(
    fleet(
      [failing('ftd-off', shown({ dns: ['10.0.0.53'] }), { hostName: 'ftd-off.example.net' })],
      INTEGRATION_OFF,
    ),
  );
  const [noDns] = on.devices;
  const [offDevice] = off.devices;
  if (!noDns || !offDevice) throw new Error('no device');
  return { noDns, off: offDevice };
}

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
});

const mount = (node: preact.ComponentChild) => act(() => render(node, container));
/** The card's parts, in document order: what each surface draws, in the order it draws it. */
const renderedSections = () =>
  [...container.querySelectorAll('article.fmc-device > [data-section]')].map((el) => ({
    id: el.getAttribute('data-section'),
    folded: el.localName === 'details',
  }));

function loop(device: DeviceDiagnosis) {
  return <DeviceLoop origin="https://fmc.example.net" device={device} lang="en" watch={undefined} direct />;
}

describe('deviceSections (the order as data)', () => {
  it('puts cause, address, fix, verify and actions first, then why and the other results', () => {
    const { noDns, off } = devices();
    expect(deviceSections(noDns)).toEqual([
      'cause',
      'address',
      'fix',
      'verify',
      'actions',
      'why',
      'other-results',
    ]);
    // Scenario 1's fix is on the FMC: the device's address comes after it.
    expect(deviceSections(off)).toEqual([
      'cause',
      'fix',
      'verify',
      'actions',
      'address',
      'why',
      'other-results',
    ]);
  });

  it('leaves out what a device lacks: no address without hostName, checks instead of a fix when none is known', () => {
    const alert = { status: 'RED', details: 'Threat Data Updates - Cisco Cloud Configuration - Failure' };
    const [resolver] = diagnose(fleet([failing('r', shown({ dns: ['192.168.7.53'] }), { alert })])).devices;
    if (!resolver) throw new Error('no device');
    expect(resolver.verdict).toBe('connectivity');
    expect(deviceSections(resolver)).toEqual(['cause', 'check', 'actions', 'why']);
  });

  it('places every step of every runbook, the fixes of a verdict first in their listed order', () => {
    for (const verdict of VERDICTS)
      for (const step of RUNBOOKS[verdict]) {
        const section = stepSection(verdict, step.id);
        expect(['fix', 'verify', 'check', 'why']).toContain(section);
      }
    const [proxy] = diagnose(
      fleet([failing('p', shown({ dns: ['10.0.0.53'], proxy: { address: '10.9.9.9', port: 3128 } }))]),
    ).devices;
    if (!proxy) throw new Error('no device');
    // The proxy runbook lists the bug before the allow-list; the card starts with what the admin can do now.
    expect(sectionSteps(proxy, 'fix').map((step) => step.id)).toEqual(['allow-hosts', 'bug']);
    // Every step lands in exactly one section.
    const placed = (['fix', 'verify', 'check', 'why'] as const).flatMap((s) => sectionSteps(proxy, s));
    expect(placed).toHaveLength(proxy.runbook.length);
  });
});

describe('the rendered card (scenario 2: no management DNS)', () => {
  it('shows cause, address, fix, verify, actions, then folded why and other results', async () => {
    const { noDns } = devices();
    await mount(<DeviceDetails device={noDns} lang="en" actions={loop(noDns)} />);
    expect(renderedSections()).toEqual([
      { id: 'cause', folded: false },
      { id: 'address', folded: false },
      { id: 'fix', folded: false },
      { id: 'verify', folded: false },
      { id: 'actions', folded: false },
      { id: 'why', folded: true },
      { id: 'other-results', folded: true },
    ]);
    const part = (id: string) => container.querySelector(`[data-section="${id}"]`);
    expect(part('cause')?.textContent).toContain(causeText(noDns, 'en'));
    expect(part('cause')?.textContent).toContain('No management DNS');
    // The fix command, with Copy, marked as where to start (a neutral mark, not a verdict colour).
    const fix = part('fix');
    expect(fix?.querySelector('.fmc-command code')?.textContent).toMatch(/^configure network dns servers /);
    expect(fix?.querySelector('button.copy')).not.toBeNull();
    expect(fix?.querySelector('li.first .start-here')?.textContent).toBe(en.fmcStartHere?.message);
    // How to verify it, under the one label "Expected".
    const verify = part('verify');
    expect(verify?.querySelector('.fmc-command code')?.textContent).toBe('show network');
    expect(verify?.querySelector('.expect')?.textContent).toBe(
      `${en.fmcExpected?.message} A "DNS Servers" line listing the servers you added.`,
    );
    expect(container.textContent).not.toMatch(/A good output|Look for|What was read/);
    // The deeper checks are folded between the first verification and the last step (then Re-check), numbered
    // through: 1, 2-4 inside the fold, 5.
    const steps = noDns.runbook.filter((step) =>
      ['verify', 'expert', 'resolve', 'https', 'rerun'].includes(step.id),
    );
    expect(sectionSteps(noDns, 'verify').map((step) => step.id)).toEqual(steps.map((step) => step.id));
    const top = [...(verify?.querySelectorAll(':scope > ol > li') ?? [])];
    expect(top.map((li) => li.getAttribute('data-step') ?? li.className)).toEqual([
      'verify',
      'more-steps',
      'rerun',
    ]);
    expect(top[1]?.querySelector('summary')?.textContent).toBe('3 more checks');
    expect(top[1]?.querySelector('details')?.open).toBe(false);
    expect(top[1]?.querySelector('ol')?.getAttribute('start')).toBe('2');
    expect(top[2]?.getAttribute('value')).toBe('5');
    // Re-check and Watch right after, not at the bottom.
    const actions = part('actions');
    expect(actions?.querySelector('button.recheck')).not.toBeNull();
    expect(actions?.querySelector('button.watch')).not.toBeNull();
    // Folded: the evidence, under "Why this verdict", with the symptom check; then the other results.
    expect(part('why')?.querySelector('summary')?.textContent).toBe(en.hintDeviceEvidence?.message);
    expect(part('why')?.querySelectorAll('.evidence li').length).toBe(noDns.evidence.length);
    expect(part('why')?.querySelector('[data-step="confirm"]')).not.toBeNull();
    expect(part('other-results')?.querySelector('summary')?.textContent).toBe('3 other data types: Success');
    expect([...(part('other-results')?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'SI URL Lists and Feeds - Success',
      'Local Malware Analysis Signatures - Success',
      'SI DNS Lists and Feeds - Success',
    ]);
  });

  it('names the device by its management address, copyable, with a ready ssh line', async () => {
    const { noDns } = devices();
    await mount(<DeviceDetails device={noDns} lang="en" />);
    const address = container.querySelector('[data-section="address"]');
    expect(address?.querySelector('.address-line')?.getAttribute('data-address-line')).toBe(
      'ftd-nodns · 10.10.3.1',
    );
    expect(address?.querySelector('.address')?.textContent).toBe('10.10.3.1');
    expect(address?.querySelector('.address-line')?.textContent).toMatch(/^ftd-nodns · 10\.10\.3\.1 Copy/);
    expect(address?.querySelector('button.copy')?.getAttribute('aria-label')).toBe(
      'Copy the address 10.10.3.1',
    );
    expect(address?.querySelector('.fmc-command code')?.textContent).toBe('ssh admin@10.10.3.1');
    // Without a slot for them, the card draws no actions of its own.
    expect(container.querySelector('[data-section="actions"]')).toBeNull();
  });

  it('uses the symptom as the bad output, never as an expected one', () => {
    const { noDns } = devices();
    const confirm = noDns.runbook.find((step) => step.id === 'confirm');
    const expected = confirm?.commands[0]?.expect?.en ?? '';
    expect(expected).toMatch(/^Once fixed, a "DNS Servers" line with at least one address/);
    expect(expected).not.toMatch(/^No "DNS Servers" line/);
  });
});

describe('the rendered card (scenario 1: cloud integration off)', () => {
  it('makes "Open the health policy" the primary action and offers no Watch', async () => {
    const { off } = devices();
    await mount(
      <DeviceDetails
        device={off}
        lang="en"
        actions={loop(off)}
        healthPolicyUrl="https://fmc.example.net/health/policy"
      />,
    );
    expect(renderedSections().map((s) => s.id)).toEqual([
      'cause',
      'fix',
      'verify',
      'actions',
      'address',
      'why',
      'other-results',
    ]);
    // The alert's line that names no data type is counted, never given a result.
    expect(container.querySelector('[data-section="other-results"] summary')?.textContent).toBe(
      '1 other line of the alert',
    );
    // The first action of the card, styled as the primary button.
    const first = container.querySelector('a, button');
    expect(first?.textContent).toBe(en.fmcOpenHealthPolicy?.message);
    expect(first?.classList.contains('primary')).toBe(true);
    expect(first?.closest('[data-section]')?.getAttribute('data-section')).toBe('fix');
    // Re-check stays; Watch never shows for a failure that is expected and never clears.
    expect(container.querySelector('button.recheck')).not.toBeNull();
    expect(container.querySelector('button.watch')).toBeNull();
    expect(canWatch(off.verdict)).toBe(false);
  });
});

describe('words of the card', () => {
  it('verdict chips never use a cross', () => {
    for (const icon of Object.values(VERDICT_ICONS)) expect(icon).not.toMatch(/[×✕✗✘xX]/);
  });

  it('counts the other results with real plurals, in both languages', () => {
    const one = {
      alert: {
        status: 'RED',
        details: '',
        results: ['Cisco Cloud Configuration - Failure', 'Threat Configuration - Success'],
      },
    };
    expect(otherResultsText(one, 'en')).toBe('1 other data type: Success');
    expect(otherResultsText(one, 'fr')).toBe('1 autre type de données : Success');
    const mixed = {
      alert: {
        status: 'RED',
        details: '',
        results: [
          'Threat Data Updates - Cisco Cloud Configuration - Failure',
          'SI URL Lists and Feeds - Success',
          'Local Malware Analysis Signatures - Failure',
          'SI DNS Lists and Feeds - Success',
        ],
      },
    };
    expect(otherResultsText(mixed, 'en')).toBe('3 other data types: 2 Success, 1 Failure');
    expect(otherResultsText(mixed, 'fr')).toBe('3 autres types de données : 2 Success, 1 Failure');
    const withNote = {
      alert: { ...mixed.alert, results: [...mixed.alert.results, 'Last run: 5 minutes ago'] },
    };
    expect(otherResultsText(withNote, 'en')).toBe(
      '3 other data types: 2 Success, 1 Failure, and 1 other line',
    );
  });

  it('offers an ssh line only for a plain address or host name', () => {
    expect(sshCommand({ hostName: '2001:db8::1' })).toBe('ssh admin@2001:db8::1');
    expect(sshCommand({ hostName: 'ftd.example.net' })).toBe('ssh admin@ftd.example.net');
    expect(sshCommand({ hostName: '10.0.0.1; rm -rf /' })).toBeNull();
    expect(sshCommand({})).toBeNull();
    expect(deviceAddressLine({ id: 'i', name: 'ftd', hostName: '<b>x</b>' })).toBe('ftd · <b>x</b>');
    expect(deviceAddressLine({ id: 'i', name: '' })).toBe('i');
    expect(deviceAddressLine({ id: 'i', name: ' 10.0.0.5 ', hostName: '10.0.0.5' })).toBe('10.0.0.5');
  });
});

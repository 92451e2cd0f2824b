// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DeviceDetails } from '../../components/diagnosis/DeviceDetails';
import { SourceNote } from '../../components/hint/HintDetails';
import { type DeviceDiagnosis, diagnose } from '../../lib/diagnose';
import { DOCS, SEED_URL } from '../../lib/knowledge/sources';
import { failing, fleet, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

// Issue 18: the hint and the pages show where each step comes from, as text, linking only to Cisco's docs.

let container: HTMLElement;
let i18n: ReturnType<typeof stubI18n>;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  i18n = stubI18n('en');
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const mount = (node: preact.ComponentChild) => act(() => render(node, container));
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

describe('SourceNote', () => {
  it('names the seed, a Cisco document and an inference, linking the first two', async () => {
    await mount(<SourceNote sources={[{ kind: 'seed' }, DOCS.xdrDirect, { kind: 'inferred' }]} lang="fr" />);
    const note = container.querySelector('.source');
    expect(note?.textContent).toBe(
      ` ${i18n.text('adviceSourceLabel')} ${i18n.text('adviceSourceSeed')} · ${i18n.text('adviceSourceCisco', DOCS.xdrDirect.kind === 'cisco' ? DOCS.xdrDirect.title : '')} · ${i18n.text('adviceSourceInferred')}`,
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      SEED_URL.fr,
      DOCS.xdrDirect.kind === 'cisco' ? DOCS.xdrDirect.url : '',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(container.querySelector('[data-source="inferred"] a')).toBeNull();
  });

  it('says each source once', async () => {
    await mount(
      <SourceNote sources={[{ kind: 'seed' }, { kind: 'seed' }, DOCS.ports, DOCS.ports]} lang="en" />,
    );
    expect(container.querySelectorAll('[data-source]')).toHaveLength(2);
  });

  it('never links outside Cisco’s documentation and keeps a hostile title as text', async () => {
    await mount(
      <SourceNote
        sources={[
          { kind: 'cisco', title: HOSTILE, url: 'javascript:alert(1)' },
          { kind: 'cisco', title: 'Elsewhere', url: 'https://evil.example/' },
          { kind: 'bogus' },
          'seed',
        ]}
        lang="en"
      />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
    expect(container.querySelectorAll('[data-source]')).toHaveLength(2);
  });

  it('shows nothing for no source, or a value that is not a list (a stored diagnosis edited by hand)', async () => {
    await mount(<SourceNote sources={[]} lang="en" />);
    expect(container.innerHTML).toBe('');
    await mount(<SourceNote sources={'seed' as unknown as unknown[]} lang="en" />);
    expect(container.innerHTML).toBe('');
    await mount(<SourceNote sources={undefined} lang="en" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('DeviceDetails shows each step’s source', () => {
  const proxyDevice = (): DeviceDiagnosis => {
    const found = diagnose(
      fleet([failing('p', shown({ dns: ['10.0.0.53'], proxy: { address: '10.9.9.9', port: 3128 } }))]),
    ).devices[0];
    if (!found) throw new Error('no device');
    return found;
  };

  it('under every step and every expected output', async () => {
    const device = proxyDevice();
    await mount(<DeviceDetails device={device} lang="en" />);
    const steps = [...container.querySelectorAll('.runbook li[data-step]')];
    expect(steps).toHaveLength(device.runbook.length);
    for (const step of steps)
      expect(step.querySelector('p .source'), step.getAttribute('data-step') ?? '').not.toBeNull();
    const bug = container.querySelector('[data-step="bug"] p .source');
    expect(bug?.getAttribute('data-sources')).toBe('seed');
    expect(bug?.querySelector('a')?.getAttribute('href')).toBe(SEED_URL.en);
    const expects = device.runbook.flatMap((step) => step.commands).filter((command) => command.expect);
    expect(container.querySelectorAll('.runbook > li > div > .source')).toHaveLength(expects.length);
  });

  it('a runbook stored before sources existed still renders, without a source line', async () => {
    const device = proxyDevice();
    const old = {
      ...device,
      runbook: device.runbook.map(({ sources: _sources, ...step }) => ({
        ...step,
        commands: step.commands.map(({ sources: _s, ...command }) => command),
      })),
    } as unknown as DeviceDiagnosis;
    await mount(<DeviceDetails device={old} lang="en" />);
    expect(container.querySelectorAll('.runbook li[data-step]')).toHaveLength(device.runbook.length);
    expect(container.querySelector('.source')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FleetTable } from '../../components/report/FleetTable';
import {
  DEFAULT_QUERY,
  followSelection,
  verdictChoices,
  visibleDevices,
} from '../../components/report/table-model';
import { diagnose } from '../../lib/diagnose';
import { branchFleet } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

// Issue 19: the report's table filter ("All failing", no empty choices), the details pane that follows it,
// and "—" for the healthy devices that were not read.
const diagnosis = diagnose(branchFleet());
const devices = diagnosis.devices;
const names = (list: readonly { name: string }[]) => list.map((device) => device.name);

let container: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('en');
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the verdict filter', () => {
  it('"All failing" shows every device whose verdict is not healthy', () => {
    expect(names(visibleDevices(devices, { ...DEFAULT_QUERY, verdict: 'failing' }))).toEqual([
      'branch-nodns',
      'branch-proxy',
      'branch-resolver',
      'branch-old',
    ]);
  });

  it('offers no choice that would show no device, except the one in force', () => {
    const choices = verdictChoices(devices, 'all');
    expect(choices).toEqual([
      { value: 'all', count: 7 },
      { value: 'failing', count: 4 },
      { value: 'healthy', count: 3 },
      { value: 'dns-missing', count: 1 },
      { value: 'proxy', count: 1 },
      { value: 'connectivity', count: 1 },
      { value: 'unknown', count: 1 },
    ]);
    // Control: the fleet has no `expected-integration-off` device, so that choice is the one left out.
    expect(choices.some(({ value }) => value === 'expected-integration-off')).toBe(false);
    expect(verdictChoices(devices, 'expected-integration-off')).toContainEqual({
      value: 'expected-integration-off',
      count: 0,
    });
  });
});

describe('the details pane follows the filter', () => {
  it('keeps a selected device the filter shows, else takes the first one shown', () => {
    const failing = visibleDevices(devices, { ...DEFAULT_QUERY, verdict: 'failing' });
    const healthy = visibleDevices(devices, { ...DEFAULT_QUERY, verdict: 'healthy' });
    const proxyId = devices.find((device) => device.name === 'branch-proxy')?.id ?? '';
    expect(followSelection(proxyId, failing)).toBe(proxyId);
    expect(followSelection(proxyId, healthy)).toBe(healthy[0]?.id);
    expect(followSelection(proxyId, [])).toBeNull();
    expect(followSelection(null, failing)).toBeNull();
  });
});

describe('the table', () => {
  it('draws "—" for a healthy device not read, and says "not read" for a failing one', async () => {
    await act(() =>
      render(
        <FleetTable
          devices={devices}
          query={DEFAULT_QUERY}
          onQuery={() => undefined}
          selectedId={null}
          onSelect={() => undefined}
          lang="en"
        />,
        container,
      ),
    );
    const row = (name: string) =>
      [...container.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes(name));
    const notRead = row('hq-3');
    expect(notRead?.querySelectorAll('[data-not-read]')).toHaveLength(2);
    expect(notRead?.querySelector('[data-not-read] [aria-hidden="true"]')?.textContent).toBe('—');
    // A healthy peer that was read shows its servers; a failing device not read keeps the words.
    expect(row('hq-1')?.textContent).toContain('10.0.0.53');
    const old = row('branch-old');
    expect(old?.querySelectorAll('[data-not-read]')).toHaveLength(0);
    expect(old?.textContent).toContain('not read');
    const options = [...container.querySelectorAll('option')].map((option) => option.textContent);
    expect(options).toContain('All failing (4)');
    expect(options.some((text) => text?.startsWith('Expected'))).toBe(false);
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FleetTable } from '../../components/report/FleetTable';
import {
  DEFAULT_QUERY,
  dnsCell,
  proxyCell,
  ROW_LIMIT,
  type TableQuery,
  toggleSort,
  visibleDevices,
} from '../../components/report/table-model';
import { type DeviceDiagnosis, type Diagnosis, diagnose } from '../../lib/diagnose';
import { branchFleet, failing, fleet, healthy, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

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
  vi.restoreAllMocks();
});

const names = (devices: readonly DeviceDiagnosis[]) => devices.map((device) => device.name);

describe('table model', () => {
  const diagnosis = diagnose(branchFleet());

  it('puts the failing devices first by default, healthy ones last, ties in the FMC order', () => {
    expect(names(visibleDevices(diagnosis.devices, DEFAULT_QUERY))).toEqual([
      'branch-nodns',
      'branch-proxy',
      'branch-resolver',
      'branch-old',
      'hq-1',
      'hq-2',
      'hq-3',
    ]);
  });

  it('filters by verdict and by text in the name or the DNS servers, case-insensitively', () => {
    expect(names(visibleDevices(diagnosis.devices, { ...DEFAULT_QUERY, verdict: 'unknown' }))).toEqual([
      'branch-old',
    ]);
    expect(names(visibleDevices(diagnosis.devices, { ...DEFAULT_QUERY, text: 'HQ-' }))).toEqual([
      'hq-1',
      'hq-2',
      'hq-3',
    ]);
    expect(names(visibleDevices(diagnosis.devices, { ...DEFAULT_QUERY, text: ' 192.168.7 ' }))).toEqual([
      'branch-resolver',
    ]);
    expect(visibleDevices(diagnosis.devices, { ...DEFAULT_QUERY, verdict: 'proxy', text: 'hq' })).toEqual([]);
  });

  it('sorts names naturally and versions numerically, both ways', () => {
    const devices = diagnose(
      fleet([
        healthy('ftd-10', undefined, { version: '7.10.0' }),
        healthy('ftd-2', undefined, { version: '7.4.1' }),
        healthy('ftd-1', undefined, { version: 'unknown' }),
      ]),
    ).devices;
    const byName = { ...DEFAULT_QUERY, sort: 'name' } as const;
    expect(names(visibleDevices(devices, byName))).toEqual(['ftd-1', 'ftd-2', 'ftd-10']);
    expect(names(visibleDevices(devices, { ...byName, direction: 'descending' }))).toEqual([
      'ftd-10',
      'ftd-2',
      'ftd-1',
    ]);
    expect(names(visibleDevices(devices, { ...DEFAULT_QUERY, sort: 'version' }))).toEqual([
      'ftd-2',
      'ftd-10',
      'ftd-1',
    ]);
  });

  it('sorts devices without DNS first and the unread ones last; proxies on first', () => {
    const { devices } = diagnosis;
    expect(names(visibleDevices(devices, { ...DEFAULT_QUERY, sort: 'dns' })).at(0)).toBe('branch-nodns');
    expect(names(visibleDevices(devices, { ...DEFAULT_QUERY, sort: 'dns' })).slice(-2)).toEqual([
      'hq-3',
      'branch-old',
    ]);
    expect(names(visibleDevices(devices, { ...DEFAULT_QUERY, sort: 'proxy' })).at(0)).toBe('branch-proxy');
  });

  it('flips the direction on the sorted column and starts another column ascending', () => {
    const once = toggleSort(DEFAULT_QUERY, 'verdict');
    expect(once).toMatchObject({ sort: 'verdict', direction: 'descending' });
    expect(toggleSort(once, 'name')).toMatchObject({ sort: 'name', direction: 'ascending' });
  });

  it('words the DNS and proxy cells like the Markdown export', () => {
    const byName = Object.fromEntries(diagnosis.devices.map((device) => [device.name, device]));
    const cell = (name: string) => byName[name] as DeviceDiagnosis;
    expect(dnsCell(cell('hq-1'), 'en')).toBe('10.0.0.53, 10.0.0.54');
    expect(dnsCell(cell('branch-nodns'), 'en')).toBe('none');
    expect(dnsCell(cell('hq-3'), 'fr')).toBe('non lu');
    expect(proxyCell(cell('branch-proxy'), 'en')).toBe('enabled (10.99.0.8:3128)');
    expect(proxyCell(cell('hq-1'), 'fr')).toBe('désactivé');
  });
});

function Harness({ diagnosis, onSelect }: { diagnosis: Diagnosis; onSelect(id: string): void }) {
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <FleetTable
      devices={diagnosis.devices}
      query={query}
      onQuery={setQuery}
      selectedId={selected}
      onSelect={(id) => {
        setSelected(id);
        onSelect(id);
      }}
      lang="en"
    />
  );
}

async function mountTable(diagnosis: Diagnosis) {
  const onSelect = vi.fn();
  await act(() => render(<Harness diagnosis={diagnosis} onSelect={onSelect} />, container));
  return { onSelect };
}

const rowNames = () => [...container.querySelectorAll('tbody td.name')].map((cell) => cell.textContent);
const header = (column: string) => container.querySelector(`th[data-column="${column}"]`) as HTMLElement;

async function key(target: Element, name: string) {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
}

describe('FleetTable', () => {
  it('sorts by a header click and says so with aria-sort on that header only', async () => {
    await mountTable(diagnose(branchFleet()));
    expect(header('verdict').getAttribute('aria-sort')).toBe('ascending');
    await act(() => header('name').querySelector('button')?.click());
    expect(header('name').getAttribute('aria-sort')).toBe('ascending');
    expect(header('verdict').hasAttribute('aria-sort')).toBe(false);
    expect(rowNames()).toEqual([...rowNames()].sort());
    await act(() => header('name').querySelector('button')?.click());
    expect(header('name').getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()[0]).toBe('hq-3');
  });

  it('filters with the verdict select and the search box, and counts what it shows', async () => {
    await mountTable(diagnose(branchFleet()));
    const select = container.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toContain('Proxy (may be CSCvs05084) (1)');
    await act(() => {
      select.value = 'healthy';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(rowNames()).toEqual(['hq-1', 'hq-2', 'hq-3']);
    const search = container.querySelector('input[type="search"]') as HTMLInputElement;
    await act(() => {
      search.value = '10.0.0.54';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(rowNames()).toEqual(['hq-1', 'hq-2']);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('2 of 7 devices shown');
  });

  it('opens a row on click and on Enter, moves with the arrows, and keeps one row in the Tab order', async () => {
    const { onSelect } = await mountTable(diagnose(branchFleet()));
    const rows = () => [...container.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    expect(rows().filter((row) => row.tabIndex === 0)).toHaveLength(1);
    expect(rows()[0]?.tabIndex).toBe(0);

    await act(() => rows()[2]?.click());
    expect(onSelect).toHaveBeenLastCalledWith(rows()[2]?.dataset.deviceId);
    expect(rows()[2]?.getAttribute('aria-current')).toBe('true');
    expect(rows().filter((row) => row.tabIndex === 0)).toEqual([rows()[2]]);

    rows()[0]?.focus();
    await key(rows()[0] as Element, 'ArrowDown');
    expect(document.activeElement).toBe(rows()[1]);
    await key(rows()[1] as Element, 'Enter');
    expect(onSelect).toHaveBeenLastCalledWith(rows()[1]?.dataset.deviceId);
    await key(rows()[1] as Element, 'End');
    expect(document.activeElement).toBe(rows().at(-1));
  });

  it('draws the first rows of a large fleet, and all of them on "Show all"', async () => {
    const many = Array.from({ length: ROW_LIMIT + 30 }, (_, i) =>
      i < 3 ? failing(`f-${i}`, shown({ dns: [] })) : healthy(`h-${i}`),
    );
    await mountTable(diagnose(fleet(many)));
    expect(container.querySelectorAll('tbody tr')).toHaveLength(ROW_LIMIT);
    expect(rowNames().slice(0, 3)).toEqual(['f-0', 'f-1', 'f-2']);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      `${ROW_LIMIT} of ${ROW_LIMIT + 30} devices shown`,
    );
    const showAll = container.querySelector('button.show-all') as HTMLButtonElement;
    expect(showAll.textContent).toBe(`Show all ${ROW_LIMIT + 30} devices`);
    await act(() => showAll.click());
    expect(container.querySelectorAll('tbody tr')).toHaveLength(ROW_LIMIT + 30);
    expect(container.querySelector('button.show-all')).toBeNull();
  });

  it('shows a hostile device name as text', async () => {
    const name = '<img src=x onerror="globalThis.pwned=1">';
    await mountTable(diagnose(fleet([failing('d1', shown({ dns: [] }), { name })])));
    expect(rowNames()).toEqual([name]);
    expect(container.querySelector('tbody img')).toBeNull();
  });
});

import { type DeviceDiagnosis, VERDICTS, type Verdict } from '../../lib/diagnose';

export type SortKey = 'verdict' | 'name' | 'version' | 'dns' | 'proxy';
export type SortDirection = 'ascending' | 'descending';

/** One verdict, every device (`all`), or every device whose verdict is not healthy (`failing`, issue 19). */
export type VerdictFilter = Verdict | 'all' | 'failing';

export interface TableQuery {
  sort: SortKey;
  direction: SortDirection;
  verdict: VerdictFilter;
  /** Matched, case-insensitively, against the device name and its DNS servers. */
  text: string;
}

/**
 * Rows drawn before "Show all": a click that re-sorts 1,000 rows spends most of its time laying them out, and
 * the failing devices, sorted first, fit well within this many.
 */
export const ROW_LIMIT = 250;

/** Failing devices first, the ones that need work before those that only need reading. */
export const DEFAULT_QUERY: TableQuery = {
  sort: 'verdict',
  direction: 'ascending',
  verdict: 'all',
  text: '',
};

const VERDICT_RANK: Record<Verdict, number> = {
  'dns-missing': 0,
  proxy: 1,
  connectivity: 2,
  unknown: 3,
  'expected-integration-off': 4,
  healthy: 5,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Clicking the sorted column flips its direction; another column starts ascending. */
export function toggleSort(query: TableQuery, key: SortKey): TableQuery {
  if (query.sort === key)
    return { ...query, direction: query.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...query, sort: key, direction: 'ascending' };
}

/** The rows the table shows, filtered then sorted; ties keep the FMC's device order. */
export function visibleDevices(devices: readonly DeviceDiagnosis[], query: TableQuery): DeviceDiagnosis[] {
  const needle = query.text.trim().toLowerCase();
  const kept = devices
    .map((device, index) => ({ device, index }))
    .filter(({ device }) => matchesVerdict(device, query.verdict))
    .filter(({ device }) => !needle || searchText(device).includes(needle));
  const sign = query.direction === 'ascending' ? 1 : -1;
  const compare = COMPARE[query.sort];
  kept.sort((a, b) => sign * compare(a.device, b.device) || a.index - b.index);
  return kept.map(({ device }) => device);
}

export function matchesVerdict(device: Pick<DeviceDiagnosis, 'verdict'>, filter: VerdictFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'failing') return device.verdict !== 'healthy';
  return device.verdict === filter;
}

/**
 * The verdict filter's choices, each with its count (issue 19): every device, all failing ones, then each
 * verdict. A choice that would show no device is left out, unless it is the one in force (after a re-check
 * emptied it), so that the list never claims a choice it does not hold.
 */
export function verdictChoices(
  devices: readonly Pick<DeviceDiagnosis, 'verdict'>[],
  active: VerdictFilter,
): Array<{ value: VerdictFilter; count: number }> {
  const count = (filter: VerdictFilter) => devices.filter((device) => matchesVerdict(device, filter)).length;
  const all: VerdictFilter[] = ['all', 'failing', ...VERDICTS];
  return all
    .map((value) => ({ value, count: count(value) }))
    .filter(({ value, count }) => count > 0 || value === active || value === 'all');
}

/**
 * The selected device, kept while the filter shows it; else the first device shown (issue 19: the details pane
 * follows the filter), or none when nothing is shown. A device the filter hides never stays beside the table.
 */
export function followSelection(selectedId: string | null, shown: readonly DeviceDiagnosis[]): string | null {
  if (selectedId === null) return null;
  if (shown.some((device) => device.id === selectedId)) return selectedId;
  return shown[0]?.id ?? null;
}

function searchText(device: DeviceDiagnosis): string {
  return [device.name, device.id, ...(device.managementDns?.servers ?? [])].join('\n').toLowerCase();
}

const COMPARE: Record<SortKey, (a: DeviceDiagnosis, b: DeviceDiagnosis) => number> = {
  verdict: (a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict],
  name: (a, b) => collator.compare(a.name || a.id, b.name || b.id),
  version: (a, b) => compareVersions(a.version, b.version),
  // Devices with no DNS sort before those with one; devices not read come last.
  dns: (a, b) =>
    dnsRank(a) - dnsRank(b) ||
    collator.compare(a.managementDns?.servers.join(',') ?? '', b.managementDns?.servers.join(',') ?? ''),
  proxy: (a, b) => proxyRank(a) - proxyRank(b),
};

function dnsRank(device: DeviceDiagnosis): number {
  if (!device.managementDns) return 2;
  return device.managementDns.servers.length === 0 ? 0 : 1;
}

function proxyRank(device: DeviceDiagnosis): number {
  if (!device.proxy) return 2;
  return device.proxy.enabled ? 0 : 1;
}

/** Dotted versions compared number by number ("7.10" after "7.4"); "unknown" after every number. */
function compareVersions(a: string, b: string): number {
  const pa = versionNumbers(a);
  const pb = versionNumbers(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function versionNumbers(version: string): number[] | null {
  if (!/^\d/.test(version)) return null;
  return version.split('.').map((n) => Number.parseInt(n, 10) || 0);
}

// The DNS and proxy cells say what the Markdown export and the hint say: the servers, "none" or "not read";
// "enabled (address:port)", "disabled" or "not read".
export { dnsText as dnsCell, proxyText as proxyCell } from '../../lib/diagnose/device-text';

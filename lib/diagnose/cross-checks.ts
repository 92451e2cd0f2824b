import type { Localized } from '../i18n';
import { fillLocalized, plural } from '../i18n';
import { dnsKey, groupByDnsSet, type HealthyDns, healthyDnsOf } from './dns-sets';
import { FLAG_TEXT, HEALTHY_DNS_TEXT } from './flag-text';
import type { BrowserDnsResult, DeviceDiagnosis, Flag, Verdict } from './types';

export interface CrossCheckDevice {
  id: string;
  name: string;
  verdict: Verdict;
  /** null when not read. */
  dns: string[] | null;
  gateway: string | null;
}

export interface CrossChecks {
  fleet: Flag[];
  byDevice: Map<string, Flag[]>;
}

// Fleet texts name the devices; past this many, a count stands for the rest.
const MAX_NAMES = 10;

/**
 * Comparisons across devices that an admin cannot easily make one CLI at a time. Only devices whose failure
 * needs work count as failing here: with integration off every failure is expected, and their settings say
 * nothing about a fault.
 */
export function crossCheck(
  devices: readonly CrossCheckDevice[],
  host: string,
  browser: BrowserDnsResult | null,
): CrossChecks {
  const byDevice = new Map<string, Flag[]>();
  const fleet: Flag[] = [];
  const flagDevice = (flag: Flag) => {
    const first = flag.deviceIds[0] as string;
    byDevice.set(first, [...(byDevice.get(first) ?? []), flag]);
  };
  const failing = devices.filter((d) => d.verdict !== 'healthy' && d.verdict !== 'expected-integration-off');
  const healthy = healthyDnsOf(devices);
  const healthySets = healthy.sets;
  const healthyKeys = new Set(healthySets.map((set) => set.key));
  const healthyText = healthyDnsText(healthy);
  const named = (d: CrossCheckDevice) => d.name || d.id;

  // (a) A failing device whose resolvers no healthy device uses.
  if (healthySets.length > 0) {
    const odd = failing.filter((d) => d.dns && d.dns.length > 0 && !healthyKeys.has(dnsKey(d.dns)));
    for (const d of odd)
      flagDevice({
        id: 'dns-differs-from-healthy',
        text: fillLocalized(FLAG_TEXT.dnsDiffersDevice, {
          servers: (d.dns ?? []).join(', '),
          healthy: healthyText,
        }),
        deviceIds: [d.id],
      });
    if (odd.length > 0)
      fleet.push({
        id: 'dns-differs-from-healthy',
        text: fillLocalized(FLAG_TEXT.dnsDiffersFleet, {
          count: String(odd.length),
          names: nameList(odd.map(named)),
          healthy: healthyText,
        }),
        deviceIds: odd.map((d) => d.id),
      });
  }

  // (b) Failing devices sharing resolvers that no healthy device uses: a broken resolver they have in common.
  const healthyNote = healthy.read > 0 ? FLAG_TEXT.noHealthyUses : FLAG_TEXT.noHealthyRead;
  const failingSets = groupByDnsSet(failing.map((d) => ({ id: d.id, servers: d.dns ?? [] })));
  for (const set of failingSets) {
    if (set.deviceIds.length < 2 || healthyKeys.has(set.key)) continue;
    const members = set.deviceIds.map((id) => failing.find((d) => d.id === id) as CrossCheckDevice);
    const servers = set.servers.join(', ');
    for (const d of members) {
      const peers = members.filter((p) => p !== d);
      flagDevice({
        id: 'shared-failing-dns',
        text: fillLocalized(FLAG_TEXT.sharedDnsDevice, {
          servers: (d.dns ?? []).join(', '),
          peers: nameList(peers.map(named)),
          peerCount: String(peers.length),
          healthyNote,
        }),
        deviceIds: [d.id, ...peers.map((p) => p.id)],
      });
    }
    fleet.push({
      id: 'shared-failing-dns',
      text: fillLocalized(FLAG_TEXT.sharedDnsFleet, {
        names: nameList(members.map(named)),
        servers,
        healthyNote,
      }),
      deviceIds: [...set.deviceIds],
    });
  }

  // (c) The browser cannot resolve the region host either: the fault may lie beyond the devices.
  if (browser && failing.length > 0 && !browserResolves(browser)) {
    const error =
      typeof browser.error === 'string' && browser.error !== '' ? ` (${browser.error.slice(0, 200)})` : '';
    for (const d of failing)
      flagDevice({
        id: 'browser-cannot-resolve',
        text: fillLocalized(FLAG_TEXT.browserDevice, { host, error }),
        deviceIds: [d.id],
      });
    fleet.push({
      id: 'browser-cannot-resolve',
      text: fillLocalized(FLAG_TEXT.browserFleet, { host, error }),
      deviceIds: failing.map((d) => d.id),
    });
  }

  // (d) Management traffic routed through the data interfaces, where data-plane routes and ACLs apply.
  const viaData = failing.filter((d) => d.gateway?.trim().toLowerCase() === 'data-interfaces');
  for (const d of viaData)
    flagDevice({
      id: 'gateway-data-interfaces',
      text: fillLocalized(FLAG_TEXT.dataInterfacesDevice, { host }),
      deviceIds: [d.id],
    });
  if (viaData.length > 0)
    fleet.push({
      id: 'gateway-data-interfaces',
      text: fillLocalized(FLAG_TEXT.dataInterfacesFleet, {
        count: String(viaData.length),
        names: nameList(viaData.map(named)),
        host,
      }),
      deviceIds: viaData.map((d) => d.id),
    });

  return { fleet, byDevice };
}

export function browserResolves(browser: BrowserDnsResult): boolean {
  return browser.ok === true && Array.isArray(browser.addresses) && browser.addresses.length > 0;
}

/** The browser's look-up of the region host, names compared as DNS compares them. */
export function browserLookup(results: unknown, host: string): BrowserDnsResult | null {
  if (!Array.isArray(results)) return null;
  const norm = (name: unknown) =>
    typeof name === 'string' ? name.trim().replace(/\.$/, '').toLowerCase() : '';
  return (
    (results as BrowserDnsResult[]).find(
      (r) => r !== null && typeof r === 'object' && norm(r.host) === host,
    ) ?? null
  );
}

/**
 * The healthy devices' DNS servers, in one exact sentence or two: "Of the 3 healthy devices read, 2 use
 * 10.30.0.53 and 1 uses 10.20.0.53, 10.20.1.53. 49 other healthy devices were not read." Every surface that
 * speaks of the healthy peers' DNS (fleet flags, the popup, the report, a device's evidence) says this one.
 */
export function healthyDnsText(healthy: HealthyDns): Localized {
  const T = HEALTHY_DNS_TEXT;
  const { read, unread, sets, none } = healthy;
  if (read === 0) return unread === 0 ? T.noHealthy : plural(T.noneRead, unread);
  const [first] = sets;
  let statement: Localized;
  if (first && sets.length === 1 && none === 0)
    statement = plural(T.allUse, read, { servers: first.servers.join(', ') });
  else if (sets.length === 0) statement = plural(T.allNone, read);
  else {
    const groups = [
      ...sets.map((set) => plural(T.group, set.deviceIds.length, { servers: set.servers.join(', ') })),
      ...(none > 0 ? [plural(T.groupNone, none)] : []),
    ];
    statement = plural(T.split, read, { groups: joinGroups(groups) });
  }
  if (unread === 0) return statement;
  const note = plural(T.unread, unread);
  return { en: `${statement.en} ${note.en}`, fr: `${statement.fr} ${note.fr}` };
}

/** `healthyDnsText` for a finished diagnosis's devices (the popup, the report). */
export function healthyDnsStatement(devices: readonly DeviceDiagnosis[]): Localized {
  return healthyDnsText(
    healthyDnsOf(
      devices.map((d) => ({ id: d.id, verdict: d.verdict, dns: d.managementDns?.servers ?? null })),
    ),
  );
}

function joinGroups(groups: readonly Localized[]): Localized {
  const T = HEALTHY_DNS_TEXT;
  const join = (lang: 'en' | 'fr') => {
    const words = groups.map((group) => group[lang]);
    if (words.length <= 2) return words.join(T.and[lang]);
    return `${words.slice(0, -1).join(T.between[lang])}${T.lastOfMany[lang]}${words.at(-1)}`;
  };
  return { en: join('en'), fr: join('fr') };
}

function nameList(names: readonly string[]): Localized {
  if (names.length <= MAX_NAMES) return { en: names.join(', '), fr: names.join(', ') };
  return fillLocalized(FLAG_TEXT.more, {
    names: names.slice(0, MAX_NAMES).join(', '),
    count: String(names.length - MAX_NAMES),
  });
}

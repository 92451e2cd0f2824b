import { keepShowNetworkOutput } from '../fmc/show-network';
import { isObject, text } from './coerce';
import { browserLookup, type CrossCheckDevice, crossCheck } from './cross-checks';
import { proxyAddress } from './device-text';
import { groupByDnsSet, healthyDnsOf } from './dns-sets';
import { alertResults, collectEvidence } from './evidence';
import { regionOf, scenarioOf } from './integration';
import { buildRunbook } from './runbook';
import {
  type BrowserDnsResult,
  type DeviceDiagnosis,
  type DeviceInput,
  type Diagnosis,
  type Flag,
  type IntegrationDiagnosis,
  type PeerDns,
  VERDICTS,
  type Verdict,
} from './types';
import { decideVerdict, dnsServersOf, isFailing, readShowNetwork } from './verdict';

/** The devices decided against an integration verdict, and what was decided across them. */
export interface DevicesDecision {
  devices: DeviceDiagnosis[];
  /** The cross-checks' findings on the whole fleet (each device's own are in its `flags`). */
  flags: Flag[];
  counts: Record<Verdict, number>;
  /** The DNS set the healthy devices read use most, proposed to devices without one; null when none. */
  peerDns: PeerDns | null;
}

export interface DecideDevicesOptions {
  /** The browser's own look-ups of host names, when the UI could make them. */
  browserDns?: BrowserDnsResult[] | undefined;
  /**
   * Devices a finished diagnosis decided, kept as it wrote them: only their cross-check flags are computed again,
   * as those depend on the other devices. A device read now takes the place of the decided one with its id; the
   * others read now follow, in their order.
   */
  decided?: readonly DeviceDiagnosis[];
}

/** One device of the result: read now (its verdict just decided), or as a finished diagnosis decided it. */
type Entry = { read: DeviceInput; verdict: Verdict } | { decided: DeviceDiagnosis };

/**
 * Every device read against the integration's verdict (./integration.ts): its verdict, evidence and runbook,
 * then what is decided across the devices: the DNS set the healthy ones use (proposed to those without one), the
 * cross-checks and the counts. Pure and total: no device input, however malformed, makes it throw.
 */
export function decideDevices(
  integration: IntegrationDiagnosis,
  devices: readonly DeviceInput[],
  options: DecideDevicesOptions = {},
): DevicesDecision {
  const scenario = scenarioOf(integration);
  const region = regionOf(integration);
  const read = (Array.isArray(devices) ? devices : [])
    .filter(isObject)
    .map(normalizeDevice)
    .map((device) => ({ read: device, verdict: decideVerdict(device, scenario.scenario) }));
  const entries = inOrder(read, options.decided ?? []);
  const facts = entries.map(factsOf);

  // The DNS set most healthy devices use is the one to propose to a device without one.
  const healthyRead = facts.flatMap(({ id, verdict, dns }) =>
    verdict === 'healthy' && dns && dns.length > 0 ? [{ id, servers: dns }] : [],
  );
  const top = groupByDnsSet(healthyRead)[0];
  const peerDns = top ? { servers: top.servers, deviceIds: top.deviceIds } : null;
  const healthyDns = healthyDnsOf(facts);
  const browser = browserLookup(options.browserDns, region.host);
  const checks = crossCheck(facts, region.host, browser);

  return {
    devices: entries.map((entry): DeviceDiagnosis => {
      if ('decided' in entry) return { ...entry.decided, flags: checks.byDevice.get(entry.decided.id) ?? [] };
      const { read: device, verdict } = entry;
      const parsed = readShowNetwork(device.showNetwork);
      const servers = dnsServersOf(parsed);
      const proxy = parsed?.proxy && typeof parsed.proxy === 'object' ? parsed.proxy : null;
      const gateway = parsed?.gateway?.ipv4;
      return {
        id: device.id,
        name: device.name,
        ...(device.hostName ? { hostName: device.hostName } : {}),
        version: device.version,
        alert: device.alert ? alertOut(device.alert) : null,
        managementDns: servers ? { servers, source: 'show network' } : null,
        proxy: proxy ? proxyOut(proxy) : null,
        gateway: typeof gateway === 'string' ? gateway : null,
        verdict,
        evidence: collectEvidence({ device, verdict, scenario, region, browser, healthyDns }),
        runbook: buildRunbook({ device, verdict, region, peerDns }),
        flags: checks.byDevice.get(device.id) ?? [],
        ...rawOutput(device, verdict),
      };
    }),
    flags: checks.fleet,
    counts: countVerdicts(facts.map((device) => device.verdict)),
    peerDns,
  };
}

export interface RecheckedOptions {
  /** The browser's fresh look-up of the region's host, when one was made; else the finding is left out. */
  browserDns?: BrowserDnsResult[];
  /** When the device was read again, ISO 8601. */
  at: string;
}

/**
 * The diagnosis after one device was read again (a re-check, issue 10): the device is decided against the
 * integration verdict the diagnosis holds, beside the other devices as it decided them, so that its verdict and
 * its runbook (the healthy peers' DNS) and the cross-checks come from the same code as a full run. The other
 * devices keep their evidence and runbook as the run wrote them; the counts, the peers' DNS and the flags are
 * computed again. The device gets `recheckedAt`, and `clearedAt` when it failed before and no longer does (the
 * first such time is kept while it stays healthy). Pure: the diagnosis given is not changed.
 */
export function decideDevice(
  diagnosis: Diagnosis,
  device: DeviceInput,
  options: RecheckedOptions,
): Diagnosis {
  const next = decideDevices(diagnosis.integration, [device], {
    decided: diagnosis.devices,
    ...(options.browserDns ? { browserDns: options.browserDns } : {}),
  });
  const old = diagnosis.devices.find((candidate) => candidate.id === device.id);
  const wasFailing = old ? isFailing(old.alert) : false;
  const devices = next.devices.map((each): DeviceDiagnosis => {
    // Every decided device with this id was replaced: the one here is the device just read.
    if (each.id !== device.id) return each;
    const clearedAt = each.verdict !== 'healthy' ? undefined : wasFailing ? options.at : old?.clearedAt;
    return { ...each, recheckedAt: options.at, ...(clearedAt ? { clearedAt } : {}) };
  });
  return { ...diagnosis, devices, flags: next.flags, counts: next.counts, peerDns: next.peerDns };
}

/** The devices in the result's order: the decided ones, each replaced by a device read now with its id, then the rest read now. */
function inOrder(
  read: ReadonlyArray<{ read: DeviceInput; verdict: Verdict }>,
  decided: readonly DeviceDiagnosis[],
): Entry[] {
  const readById = new Map<string, { read: DeviceInput; verdict: Verdict }>();
  for (const entry of read) if (!readById.has(entry.read.id)) readById.set(entry.read.id, entry);
  const placed = new Set<string>();
  const entries = decided.map((device): Entry => {
    const fresh = readById.get(device.id);
    if (!fresh) return { decided: device };
    placed.add(device.id);
    return fresh;
  });
  return [...entries, ...read.filter((entry) => !placed.has(entry.read.id))];
}

/** What the fleet-wide checks read of a device: its verdict and what its `show network` showed. */
function factsOf(entry: Entry): CrossCheckDevice {
  if ('decided' in entry) {
    const { id, name, verdict, managementDns, gateway } = entry.decided;
    return { id, name, verdict, dns: managementDns?.servers ?? null, gateway };
  }
  const { read: device, verdict } = entry;
  const parsed = readShowNetwork(device.showNetwork);
  const gateway = parsed?.gateway?.ipv4;
  return {
    id: device.id,
    name: device.name,
    verdict,
    dns: dnsServersOf(parsed),
    gateway: typeof gateway === 'string' ? gateway : null,
  };
}

/**
 * A failing device's `show network` as printed, for the exports (issue 19); healthy devices keep none, to spare the
 * stored diagnosis (their values are in `managementDns`, `proxy`, `gateway`).
 */
function rawOutput(device: DeviceInput, verdict: Verdict): Pick<DeviceDiagnosis, 'showNetworkOutput'> {
  const raw = (device.showNetwork as { raw?: unknown }).raw;
  if (verdict === 'healthy' || typeof raw !== 'string' || raw.trim() === '') return {};
  return { showNetworkOutput: keepShowNetworkOutput(raw) };
}

function normalizeDevice(device: DeviceInput): DeviceInput {
  const hostName = text(device.hostName);
  return {
    id: text(device.id),
    name: text(device.name),
    ...(hostName ? { hostName } : {}),
    version: text(device.version),
    alert: isObject(device.alert) ? normalizeAlert(device.alert) : null,
    showNetwork: isObject(device.showNetwork) ? device.showNetwork : { ok: false, reason: 'not-read' },
  };
}

function normalizeAlert(alert: NonNullable<DeviceInput['alert']>): NonNullable<DeviceInput['alert']> {
  const out: NonNullable<DeviceInput['alert']> = { status: text(alert.status), details: text(alert.details) };
  if (typeof alert.timestamp === 'number' && Number.isFinite(alert.timestamp))
    out.timestamp = alert.timestamp;
  return out;
}

function alertOut(alert: NonNullable<DeviceInput['alert']>): DeviceDiagnosis['alert'] {
  const out: NonNullable<DeviceDiagnosis['alert']> = {
    status: text(alert.status),
    details: text(alert.details),
    results: alertResults(alert.details),
  };
  if (typeof alert.timestamp === 'number' && Number.isFinite(alert.timestamp))
    out.timestamp = alert.timestamp;
  return out;
}

function proxyOut(proxy: { enabled?: unknown; address?: unknown; port?: unknown }): DeviceDiagnosis['proxy'] {
  const out: NonNullable<DeviceDiagnosis['proxy']> = { enabled: proxy.enabled === true };
  if (proxyAddress(proxy) !== null) out.address = proxy.address as string;
  if (typeof proxy.port === 'number' && Number.isFinite(proxy.port)) out.port = proxy.port;
  return out;
}

function countVerdicts(verdicts: readonly Verdict[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const verdict of verdicts) counts[verdict]++;
  return counts;
}

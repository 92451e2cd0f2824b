import { browserLookup, crossCheck } from './cross-checks';
import { groupByDnsSet } from './dns-sets';
import { alertResults, collectEvidence, proxyAddress } from './evidence';
import { INCOMPLETE_PARTS, type IncompleteEntry, type IncompletePart } from './incomplete';
import { chooseRegion } from './region';
import { buildRunbook } from './runbook';
import { inferScenario } from './scenario';
import {
  type DeviceDiagnosis,
  type DeviceInput,
  DIAGNOSIS_SCHEMA_ID,
  type DiagnoseInput,
  type Diagnosis,
  VERDICTS,
  type Verdict,
} from './types';
import { decideVerdict, dnsServersOf, readShowNetwork } from './verdict';

/**
 * The whole diagnosis of one FMC's fleet. Pure and total: the same input gives the same output, and no
 * combination of missing or unreadable pieces makes it throw (the UI feeds it whatever the FMC answered).
 */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const integrationIn = isObject(input?.integration) ? input.integration : null;
  const scenario = inferScenario(integrationIn);
  const region = chooseRegion(integrationIn?.regionHost, integrationIn?.regionName);
  const devices = (Array.isArray(input?.devices) ? input.devices : []).filter(isObject).map(normalizeDevice);
  const verdicts = devices.map((device) => decideVerdict(device, scenario.scenario));

  // The DNS set most healthy devices use is the one to propose to a device without one.
  const healthyRead = devices.flatMap((device, i) => {
    const servers = dnsServersOf(readShowNetwork(device.showNetwork));
    return verdicts[i] === 'healthy' && servers && servers.length > 0 ? [{ id: device.id, servers }] : [];
  });
  const top = groupByDnsSet(healthyRead)[0];
  const peerDns = top ? { servers: top.servers, deviceIds: top.deviceIds } : null;
  const browser = browserLookup(input?.browserDns, region.host);

  const checks = crossCheck(
    devices.map((device, i) => {
      const parsed = readShowNetwork(device.showNetwork);
      const gateway = parsed?.gateway?.ipv4;
      return {
        id: device.id,
        name: device.name,
        verdict: verdicts[i] as Verdict,
        dns: dnsServersOf(parsed),
        gateway: typeof gateway === 'string' ? gateway : null,
      };
    }),
    region.host,
    browser,
  );

  const diagnosed: DeviceDiagnosis[] = devices.map((device, i) => {
    const verdict = verdicts[i] as Verdict;
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
      evidence: collectEvidence({ device, verdict, scenario, region, browser, peerDns }),
      runbook: buildRunbook({ device, verdict, region, peerDns }),
      flags: checks.byDevice.get(device.id) ?? [],
    };
  });

  const fmc = isObject(input?.fmc) ? input.fmc : null;
  const domain = isObject(fmc?.domain) ? fmc.domain : null;
  return {
    schema: DIAGNOSIS_SCHEMA_ID,
    fmc: {
      origin: text(fmc?.origin),
      version: text(fmc?.version),
      domain: { uuid: text(domain?.uuid), name: text(domain?.name) },
    },
    integration: {
      cloudEventsEnabled: scenario.cloudEvents === 'sent',
      securexEnabled: scenario.securex === 'enabled' ? true : scenario.securex === 'disabled' ? false : null,
      region: region.name,
      sseHost: region.host,
      scenario: scenario.scenario,
      regionId: region.region?.id ?? null,
      cloudEvents: scenario.cloudEvents,
      eventsSent: scenario.eventsSent,
      securex: scenario.securex,
      scenarioInference: { inferred: true, uncertain: scenario.uncertain, note: scenario.note },
    },
    devices: diagnosed,
    flags: checks.fleet,
    counts: countVerdicts(verdicts),
    peerDns,
    incomplete: normalizeIncomplete(input?.incomplete),
    failingComplete: input?.failingComplete !== false,
  };
}

const PARTS = new Set<string>(INCOMPLETE_PARTS);

/** Entries with a known part and a reason in both languages; anything else a caller passed is dropped. */
function normalizeIncomplete(entries: unknown): IncompleteEntry[] {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry): IncompleteEntry[] => {
    if (!isObject(entry)) return [];
    const { part, reason } = entry as { part?: unknown; reason?: { en?: unknown; fr?: unknown } };
    if (typeof part !== 'string' || !PARTS.has(part) || !isObject(reason)) return [];
    return [{ part: part as IncompletePart, reason: { en: text(reason.en), fr: text(reason.fr) } }];
  });
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

function isObject<T>(value: T): value is T & object {
  return value !== null && typeof value === 'object';
}

/** Numbers survive as text; anything stranger (an object, a symbol) becomes empty rather than throw. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : '';
}

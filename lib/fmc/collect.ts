import { ALERT_DATA_TYPES } from '../knowledge/alerts';
import { dataTypeResults } from '../knowledge/phrases';
import type { FmcClient } from './client';
import { FmcError, isFatal } from './errors';
import {
  getCloudEventsConfig,
  getSecurexConfig,
  getServerVersion,
  listCloudRegions,
  listDevices,
  listDnsServerGroups,
  listHealthAlerts,
  runShowNetwork,
  type ServerVersionInfo,
} from './resources';
import type {
  CloudEventsConfig,
  CloudRegion,
  Device,
  DnsServerGroup,
  HealthAlert,
  SecurexConfig,
} from './schemas';
import { parseShowNetwork, type ShowNetwork } from './show-network';
import { signalFanOut } from './signals';
import { ENDPOINT_SINCE, versionAtLeast } from './version';

/** One piece of the snapshot: what the FMC answered, or why this piece is missing. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: FmcError };

export interface ShowNetworkResult {
  raw: string;
  parsed: ShowNetwork;
}

export interface FleetSnapshot {
  serverVersion: Part<ServerVersionInfo>;
  devices: Part<Device[]>;
  alerts: Part<HealthAlert[]>;
  integration: {
    cloudEvents: Part<CloudEventsConfig | null>;
    securex: Part<SecurexConfig | null>;
    cloudRegions: Part<CloudRegion[]>;
    dnsServerGroups: Part<DnsServerGroup[]>;
  };
  /** Devices failing the Cloud Configuration check, in device-list order. */
  failingDeviceIds: string[];
  /**
   * `alerts`: named by a Cloud Configuration health alert. `health-status`: the FMC has no alerts API (before
   * 6.7) or it failed, so every device whose overall health is red or yellow is a suspect.
   */
  failingSource: 'alerts' | 'health-status';
  /** `show network` of each failing device. */
  showNetwork: Record<string, Part<ShowNetworkResult>>;
}

export interface CollectProgress {
  done: number;
  /** Grows once the failing devices are known. */
  expected: number;
}

export interface CollectOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CollectProgress) => void;
  /** Alert statuses worth a look; the FMC filters on them. */
  alertStatuses?: readonly string[];
}

/** Modules that may carry the Cloud Configuration check; which one is not confirmed, so both are read. */
export const CLOUD_ALERT_MODULES = ['THREAT_DATA_UPDATES', 'CONN_STATUS_SSE'] as const;
const FMC_ITSELF = '0';
const CLOUD_CONFIGURATION = ALERT_DATA_TYPES['cloud-configuration'];
const COMMAND_API_DEVICE_SINCE = '6.6';

/**
 * Whether an alert reports the Cloud Configuration check failing: any SSE connection alert, or a text (name,
 * details, description) naming `Cisco Cloud Configuration` with a failure word after it, read with the page
 * detection's phrases (`lib/knowledge/phrases.ts`). Details list one result per line (`<br>`), so a line
 * naming it with another result (Success) does not count. No real alert body of this check is public
 * (fmc-rest-api.md): named without any result word, the alert's own red/yellow status is its result.
 */
export function isCloudConfigurationAlert(alert: HealthAlert): boolean {
  if (alert.moduleID === 'CONN_STATUS_SSE') return true;
  const text = [alert.name, alert.details, alert.description].filter(Boolean).join('\n');
  return dataTypeResults(text).some(
    (found) => found.dataType === CLOUD_CONFIGURATION && (found.failing || found.result === null),
  );
}

/**
 * Collects what the diagnosis needs from the FMC with the fewest requests: the version first (it sets the rate
 * and tells which endpoints exist), then devices, alerts and integration settings together, then `show network`
 * on each failing device as soon as devices and alerts are in. Failures of one piece leave it missing; only
 * failures that stop everything (unreachable FMC, session ended, cancelled) reject.
 */
export async function collectFleet(client: FmcClient, options: CollectOptions = {}): Promise<FleetSnapshot> {
  const inner = new AbortController();
  const forward = () => inner.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener('abort', forward, { once: true });
  const fan = signalFanOut(inner.signal);
  const progress = { done: 0, expected: 7 };
  const report = () => options.onProgress?.({ ...progress });
  let fatal: unknown;

  // Never rejects, so parallel pieces can be awaited in any order; the first fatal error is rethrown at the end.
  const run = async <T>(task: (signal: AbortSignal) => Promise<T>): Promise<Part<T>> => {
    try {
      return { ok: true, value: await fan.run(task) };
    } catch (error) {
      if (error instanceof FmcError && !isFatal(error)) return { ok: false, error };
      fatal ??= error;
      inner.abort();
      return { ok: false, error: asFmcError(error) };
    } finally {
      progress.done++;
      report();
    }
  };

  const skip = <T>(error: FmcError): Promise<Part<T>> => run<T>(() => Promise.reject(error));

  try {
    report();
    const serverVersion = await run((signal) => getServerVersion(client, signal));
    const version = serverVersion.ok ? serverVersion.value.version : undefined;
    const since = <T>(min: string, endpoint: string, task: (signal: AbortSignal) => Promise<T>) =>
      version !== undefined && !versionAtLeast(version, min)
        ? skip<T>(new FmcError({ code: 'not-on-version', params: { endpoint, version, since: min } }))
        : run(task);

    const integration = Promise.all([
      since(ENDPOINT_SINCE.cloudEvents, 'integration/cloudeventsconfigs', (signal) =>
        getCloudEventsConfig(client, signal),
      ),
      since(ENDPOINT_SINCE.securex, 'integration/securexconfigs', (signal) =>
        getSecurexConfig(client, signal),
      ),
      since(ENDPOINT_SINCE.cloudRegions, 'integration/cloudregions', (signal) =>
        listCloudRegions(client, signal),
      ),
      since(ENDPOINT_SINCE.dnsServerGroups, 'object/dnsservergroups', (signal) =>
        listDnsServerGroups(client, signal),
      ),
    ]);
    const [devices, alerts] = await Promise.all([
      run((signal) => listDevices(client, signal)),
      since(ENDPOINT_SINCE.healthAlerts, 'health/alerts', (signal) =>
        listHealthAlerts(
          client,
          { moduleIds: CLOUD_ALERT_MODULES, statuses: options.alertStatuses ?? ['RED', 'YELLOW'] },
          signal,
        ),
      ),
    ]);

    const failingSource = alerts.ok ? 'alerts' : 'health-status';
    const failingDeviceIds = fatal ? [] : failingDevices(devices, alerts);
    progress.expected += failingDeviceIds.length;
    report();
    const deviceById = new Map(devices.ok ? devices.value.map((d) => [d.id, d]) : []);
    const outputs = await Promise.all(
      failingDeviceIds.map((id) => {
        const blocker = commandBlocker(version, deviceById.get(id), id);
        if (blocker) return skip<ShowNetworkResult>(blocker);
        return run(async (signal) => {
          const raw = await runShowNetwork(client, id, { signal });
          return { raw, parsed: parseShowNetwork(raw) };
        });
      }),
    );
    const [cloudEvents, securex, cloudRegions, dnsServerGroups] = await integration;
    if (fatal) throw fatal;

    return {
      serverVersion,
      devices,
      alerts,
      integration: { cloudEvents, securex, cloudRegions, dnsServerGroups },
      failingDeviceIds,
      failingSource,
      showNetwork: Object.fromEntries(
        failingDeviceIds.map((id, i) => [id, outputs[i] as Part<ShowNetworkResult>]),
      ),
    };
  } finally {
    fan.close();
    options.signal?.removeEventListener('abort', forward);
  }
}

/** Why `show network` cannot run on a device, known without asking the FMC. */
function commandBlocker(
  fmcVersion: string | undefined,
  device: Device | undefined,
  id: string,
): FmcError | undefined {
  const endpoint = 'devices/devicerecords/{id}/operational/commands';
  if (fmcVersion !== undefined && !versionAtLeast(fmcVersion, ENDPOINT_SINCE.deviceCommands)) {
    return new FmcError({
      code: 'not-on-version',
      params: { endpoint, version: fmcVersion, since: ENDPOINT_SINCE.deviceCommands },
    });
  }
  if (device?.sw_version && !versionAtLeast(device.sw_version, COMMAND_API_DEVICE_SINCE)) {
    return new FmcError({
      code: 'device-too-old',
      params: { device: device.name ?? id, version: device.sw_version },
    });
  }
  return undefined;
}

function failingDevices(devices: Part<Device[]>, alerts: Part<HealthAlert[]>): string[] {
  const order = devices.ok ? devices.value.map((d) => d.id) : [];
  let ids: Set<string>;
  if (alerts.ok) {
    ids = new Set(
      alerts.value
        .filter((a) => a.deviceUUID !== FMC_ITSELF && isCloudConfigurationAlert(a))
        .map((a) => a.deviceUUID),
    );
  } else if (devices.ok) {
    ids = new Set(
      devices.value.filter((d) => d.healthStatus === 'RED' || d.healthStatus === 'YELLOW').map((d) => d.id),
    );
  } else {
    return [];
  }
  const listed = new Set(order);
  return [...order.filter((id) => ids.has(id)), ...[...ids].filter((id) => !listed.has(id))];
}

function asFmcError(error: unknown): FmcError {
  return error instanceof FmcError
    ? error
    : new FmcError({ code: 'aborted', params: { endpoint: '' }, cause: error });
}

import { CLOUD_ALERT_MODULES, isCloudAlertOf, isDeviceCloudAlert } from '../alert/rest';
import { alertFilterStatuses, isClearStatus, isSuspectHealth } from '../alert/statuses';
import type { FmcClient } from './client';
import { FmcError, isFatal } from './errors';
import type { Listed } from './paging';
import {
  getCloudEventsConfig,
  getCloudIntegration,
  getDevice,
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
  CloudIntegration,
  CloudRegion,
  Device,
  DnsServerGroup,
  HealthAlert,
  SecurexConfig,
} from './schemas';
import { parseShowNetwork, type ShowNetwork } from './show-network';
import { signalFanOut } from './signals';
import { ENDPOINT_SINCE, versionAtLeast } from './version';

/**
 * One piece of the snapshot: what the FMC answered, or why this piece is missing. A list read only in part is
 * `ok` with its `gaps` (items left out, pages that did not add up).
 */
export type Part<T> = { ok: true; value: T; gaps?: FmcError[] } | { ok: false; error: FmcError };

export interface ShowNetworkResult {
  raw: string;
  parsed: ShowNetwork;
}

export interface FleetSnapshot {
  serverVersion: Part<ServerVersionInfo>;
  devices: Part<Device[]>;
  /**
   * Devices a Cloud Configuration alert names that the device list did not give (it failed, was cut short, or
   * left the item out), each read by its own id so that no failing device goes unseen.
   */
  namedDevices: Record<string, Part<Device>>;
  alerts: Part<HealthAlert[]>;
  /** `cdfmc`: read with an SCC API token (issue 20), a cloud-delivered FMC; absent: an on-prem FMC. */
  platform?: 'cdfmc';
  integration: {
    cloudEvents: Part<CloudEventsConfig | null>;
    /** On a cdFMC, null without asking: its API has no `securexconfigs` (../shared/docs/cdfmc.md). */
    securex: Part<SecurexConfig | null>;
    cloudRegions: Part<CloudRegion[]>;
    dnsServerGroups: Part<DnsServerGroup[]>;
    /** A cdFMC's `cloudintegrations` (null: 404); never asked of an on-prem FMC. */
    cloudIntegration?: Part<CloudIntegration | null>;
  };
  /** Devices failing the Cloud Configuration check, in device-list order, then those the list lacks. */
  failingDeviceIds: string[];
  /**
   * `alerts`: named by a Cloud Configuration health alert. `health-status`: the FMC has no alerts API (before
   * 6.7) or it failed, so every device whose overall health is not clear (red, yellow, black; blue, missing or
   * unlisted: unknown) is a suspect (`lib/alert/statuses.ts`).
   */
  failingSource: 'alerts' | 'health-status';
  /** Healthy devices whose `show network` is read for comparison (their DNS is what the failing ones lack). */
  peerIds: string[];
  /** `show network` of each failing device and of each peer. */
  showNetwork: Record<string, Part<ShowNetworkResult>>;
}

export interface CollectProgress {
  done: number;
  /** Grows once the failing devices are known, and by one with every retry. */
  expected: number;
  /**
   * What is being read (issue 19, the progress bar's phases): the version, devices, alerts and integration
   * settings (`fleet`), then the devices' `show network` (`show-network`, with `commands` answered of asked).
   */
  stage: 'fleet' | 'show-network';
  commands?: { done: number; total: number };
}

export interface CollectOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CollectProgress) => void;
  /**
   * Alert statuses worth a look; the FMC filters on them. Default: those that are not clear and that the API's
   * enum accepts (`alertFilterStatuses`, `lib/alert/statuses.ts`: FAILED too on a cdFMC).
   */
  alertStatuses?: readonly string[];
  /** Healthy devices whose `show network` is read for comparison (default 3). */
  peers?: number;
}

const COMMAND_API_DEVICE_SINCE = '6.6';

/**
 * Collects what the diagnosis needs from the FMC with the fewest requests: the version first (it sets the rate
 * and tells which endpoints exist), then devices, alerts and integration settings together, then, as soon as
 * devices and alerts are in, the records of failing devices the list lacks and `show network` on each failing
 * device and a few healthy peers. Failures of one piece leave it missing (and say why); only failures that stop
 * everything (unreachable FMC, session ended, cancelled) reject. Every retry of a request adds one to the
 * progress, done and expected alike.
 */
export async function collectFleet(client: FmcClient, options: CollectOptions = {}): Promise<FleetSnapshot> {
  const inner = new AbortController();
  const forward = () => inner.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener('abort', forward, { once: true });
  const fan = signalFanOut(inner.signal);
  const progress = { done: 0, expected: 7 };
  let stage: CollectProgress['stage'] = 'fleet';
  const commands = { done: 0, total: 0 };
  const report = () =>
    options.onProgress?.({
      ...progress,
      stage,
      ...(stage === 'show-network' ? { commands: { ...commands } } : {}),
    });
  const stopCounting = client.http.onRetry(() => {
    progress.expected++;
    progress.done++;
    report();
  });
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
  const runList = async <T>(task: (signal: AbortSignal) => Promise<Listed<T>>): Promise<Part<T[]>> => {
    const part = await run(task);
    if (!part.ok) return part;
    return part.value.gaps.length > 0
      ? { ok: true, value: part.value.items, gaps: part.value.gaps }
      : { ok: true, value: part.value.items };
  };

  const skip = <T>(error: FmcError): Promise<Part<T>> => run<T>(() => Promise.reject(error));

  try {
    report();
    // A cdFMC (a bearer session, issue 20): FAILED in the alerts filter, `cloudintegrations` in place of
    // `securexconfigs`, which its API lacks. The same number of requests as on-prem.
    const cdfmc = (await client.authKind()) === 'bearer';
    const serverVersion = await run((signal) => getServerVersion(client, signal));
    const version = serverVersion.ok ? serverVersion.value.version : undefined;
    const since = <T>(min: string, endpoint: string, task: () => Promise<Part<T>>) =>
      version !== undefined && !versionAtLeast(version, min)
        ? skip<T>(new FmcError({ code: 'not-on-version', params: { endpoint, version, since: min } }))
        : task();

    const integration = Promise.all([
      since(ENDPOINT_SINCE.cloudEvents, 'integration/cloudeventsconfigs', () =>
        run((signal) => getCloudEventsConfig(client, signal)),
      ),
      cdfmc
        ? run((signal) => getCloudIntegration(client, signal))
        : since(ENDPOINT_SINCE.securex, 'integration/securexconfigs', () =>
            run((signal) => getSecurexConfig(client, signal)),
          ),
      since(ENDPOINT_SINCE.cloudRegions, 'integration/cloudregions', () =>
        runList((signal) => listCloudRegions(client, signal)),
      ),
      since(ENDPOINT_SINCE.dnsServerGroups, 'object/dnsservergroups', () =>
        runList((signal) => listDnsServerGroups(client, signal)),
      ),
    ]);
    const [devices, alerts] = await Promise.all([
      runList((signal) => listDevices(client, signal)),
      since(ENDPOINT_SINCE.healthAlerts, 'health/alerts', () =>
        runList((signal) =>
          listHealthAlerts(
            client,
            {
              moduleIds: CLOUD_ALERT_MODULES,
              statuses: options.alertStatuses ?? alertFilterStatuses(cdfmc ? 'cdfmc' : 'on-prem'),
            },
            signal,
          ),
        ),
      ),
    ]);

    const failingSource = alerts.ok ? 'alerts' : 'health-status';
    const failingDeviceIds = fatal ? [] : failingDevices(devices, alerts);
    const deviceById = new Map(devices.ok ? devices.value.map((d) => [d.id, d]) : []);
    const unlisted = failingDeviceIds.filter((id) => !deviceById.has(id));
    const peerIds = fatal ? [] : pickPeers(devices, failingDeviceIds, options.peers ?? DEFAULT_PEERS);
    progress.expected += unlisted.length + failingDeviceIds.length + peerIds.length;
    stage = 'show-network';
    commands.total = failingDeviceIds.length + peerIds.length;
    report();

    const namedParts = Promise.all(unlisted.map((id) => run((signal) => getDevice(client, id, signal))));
    const showNetworkOf = (id: string) => {
      const blocker = commandBlocker(version, deviceById.get(id), id);
      if (blocker) return skip<ShowNetworkResult>(blocker);
      return run(async (signal) => {
        const raw = await runShowNetwork(client, id, { signal });
        return { raw, parsed: parseShowNetwork(raw) };
      });
    };
    const commandIds = [...failingDeviceIds, ...peerIds];
    const counted = (id: string) =>
      showNetworkOf(id).then((part) => {
        commands.done++;
        report();
        return part;
      });
    const [named, outputs] = await Promise.all([namedParts, Promise.all(commandIds.map(counted))]);
    const [cloudEvents, securexOrIntegration, cloudRegions, dnsServerGroups] = await integration;
    if (fatal) throw fatal;
    const integrationParts = cdfmc
      ? {
          cloudEvents,
          securex: { ok: true, value: null } as Part<SecurexConfig | null>,
          cloudRegions,
          dnsServerGroups,
          cloudIntegration: securexOrIntegration as Part<CloudIntegration | null>,
        }
      : {
          cloudEvents,
          securex: securexOrIntegration as Part<SecurexConfig | null>,
          cloudRegions,
          dnsServerGroups,
        };

    return {
      serverVersion,
      devices,
      namedDevices: Object.fromEntries(unlisted.map((id, i) => [id, named[i] as Part<Device>])),
      alerts,
      ...(cdfmc ? { platform: 'cdfmc' as const } : {}),
      integration: integrationParts,
      failingDeviceIds,
      failingSource,
      peerIds,
      showNetwork: Object.fromEntries(commandIds.map((id, i) => [id, outputs[i] as Part<ShowNetworkResult>])),
    };
  } finally {
    stopCounting();
    fan.close();
    options.signal?.removeEventListener('abort', forward);
  }
}

/** Healthy devices whose DNS the diagnosis compares with the failing ones (issue 4). */
export const DEFAULT_PEERS = 3;

/** Healthy devices that can run the command, spread over the list so that sites and models mix. */
function pickPeers(devices: Part<Device[]>, failingIds: readonly string[], count: number): string[] {
  if (!devices.ok || count <= 0) return [];
  const failing = new Set(failingIds);
  const candidates = devices.value.filter(
    (device) =>
      !failing.has(device.id) &&
      (!device.sw_version || versionAtLeast(device.sw_version, COMMAND_API_DEVICE_SINCE)),
  );
  if (candidates.length <= count) return candidates.map((device) => device.id);
  const step = candidates.length / count;
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(i * step)]?.id).filter(
    (id): id is string => id !== undefined,
  );
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
    // An FMC that ignored the status filter may list clear alerts too: they name no suspect.
    ids = new Set(
      alerts.value.filter((a) => isDeviceCloudAlert(a) && !isClearStatus(a.status)).map((a) => a.deviceUUID),
    );
  } else if (devices.ok) {
    ids = new Set(devices.value.filter((d) => isSuspectHealth(d.healthStatus)).map((d) => d.id));
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

export interface DeviceSnapshot {
  /** The device's Cloud Configuration alerts that are not clear now (`alertFilterStatuses`): none once it has cleared. */
  alerts: HealthAlert[];
  showNetwork: Part<ShowNetworkResult>;
}

/**
 * What a re-check of one device reads (issue 10): its Cloud Configuration alerts that are not clear and its
 * `show network`, two requests side by side (a third only when the token must be renewed), through the client's
 * limiter and session like the fleet's. The alerts decide the verdict, so their failure rejects; a `show network`
 * that fails leaves that piece missing and says why.
 */
export async function collectDevice(
  client: FmcClient,
  target: { id: string; fmcVersion: string | undefined; device: Pick<Device, 'name' | 'sw_version'> },
  signal?: AbortSignal,
): Promise<DeviceSnapshot> {
  const { id } = target;
  const statuses = alertFilterStatuses((await client.authKind()) === 'bearer' ? 'cdfmc' : 'on-prem');
  const alerts = listHealthAlerts(
    client,
    { moduleIds: CLOUD_ALERT_MODULES, statuses, deviceIds: [id] },
    signal,
  ).then((listed) => {
    // A page left out would hide the alert the verdict rests on: better no verdict than a wrong "healthy".
    if (listed.gaps.length > 0) throw listed.gaps[0];
    return listed.items.filter((alert) => isCloudAlertOf(id, alert) && !isClearStatus(alert.status));
  });
  const blocker = commandBlocker(target.fmcVersion, { id, ...target.device } as Device, id);
  const showNetwork: Promise<Part<ShowNetworkResult>> = blocker
    ? Promise.resolve({ ok: false, error: blocker })
    : runShowNetwork(client, id, { signal }).then(
        (raw): Part<ShowNetworkResult> => ({ ok: true, value: { raw, parsed: parseShowNetwork(raw) } }),
        (error: unknown): Part<ShowNetworkResult> => {
          if (isFatal(error)) throw error;
          return { ok: false, error: asFmcError(error) };
        },
      );
  const [found, network] = await Promise.all([alerts, showNetwork]);
  return { alerts: found, showNetwork: network };
}

import { cloudAlertOf } from '../alert/rest';
import { isClearStatus } from '../alert/statuses';
import { type DeviceInput, type Diagnosis, decideDevice } from '../diagnose';
import type { DnsResolver } from '../dns';
import { collectDevice, type FmcClient, type Part, type ShowNetworkResult } from '../fmc';
import { FmcError } from '../fmc/errors';
import type { HealthAlert } from '../fmc/schemas';
import { readShowNetwork, readWatchedAlerts } from '../fmc/watch-read';
import { alertInputOf, showNetworkOf } from './input';
import { knowledgeBaseHostOf, resolveFromBrowser } from './run';

export interface RecheckOptions {
  client: FmcClient;
  /** The FMC's last finished diagnosis: the device is read again and judged beside the others. */
  previous: Diagnosis;
  deviceId: string;
  resolver?: DnsResolver | null;
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * Re-checks one device (issue 10): reads its Cloud Configuration alert and its `show network` again (two
 * requests, three when the token is renewed), looks the region's host up from the browser again when a
 * resolver is set, and gives the diagnosis with this device's new verdict, decided against the integration
 * verdict the diagnosis stored (the integration is not read again). The device is `healthy` once its alert is
 * gone or no longer in a status that is not clear: the alerts are asked for those statuses only (ALERT_FILTER_STATUSES).
 */
export async function recheckDevice(options: RecheckOptions): Promise<Diagnosis> {
  const { client, previous, deviceId, signal } = options;
  const old = previous.devices.find((device) => device.id === deviceId);
  const fmcVersion =
    previous.fmc.version && previous.fmc.version !== 'unknown' ? previous.fmc.version : undefined;
  const snapshot = await collectDevice(
    client,
    {
      id: deviceId,
      fmcVersion,
      device: {
        name: old?.name,
        sw_version: old?.version && old.version !== 'unknown' ? old.version : undefined,
      },
    },
    signal,
  );
  const alert = cloudAlertOf(deviceId, snapshot.alerts);
  const fresh: DeviceInput = {
    id: deviceId,
    name: old?.name ?? deviceId,
    ...(old?.hostName ? { hostName: old.hostName } : {}),
    version: old?.version ?? 'unknown',
    alert: alert ? alertInputOf(alert) : null,
    showNetwork: showNetworkOf(snapshot.showNetwork),
  };
  const host = knowledgeBaseHostOf(previous.integration.sseHost);
  const browserDns =
    options.resolver && host ? await resolveFromBrowser(host, options.resolver, signal) : undefined;
  return decideDevice(previous, fresh, {
    ...(browserDns ? { browserDns } : {}),
    at: (options.now?.() ?? new Date()).toISOString(),
  });
}

/** One watched device as a tick read it: its failing alert (null: none) and, when its alert changed, `show network`. */
export interface WatchedRead {
  deviceId: string;
  alert: HealthAlert | null;
  showNetwork: Part<ShowNetworkResult>;
}

/**
 * The diagnosis with the devices a watch tick found changed judged again (issue 17), as a re-check judges one
 * (against the stored integration verdict): their alert and their `show network` just read. Devices whose
 * alert did not change are left as they are (no write, no new verdict: nothing new was seen of them).
 */
export function judgeWatchedReads(previous: Diagnosis, reads: readonly WatchedRead[], at: Date): Diagnosis {
  let diagnosis = previous;
  for (const read of reads) {
    const old = diagnosis.devices.find((device) => device.id === read.deviceId);
    if (!old) continue;
    diagnosis = decideDevice(
      diagnosis,
      {
        id: read.deviceId,
        name: old.name,
        ...(old.hostName ? { hostName: old.hostName } : {}),
        version: old.version,
        alert: read.alert ? alertInputOf(read.alert) : null,
        showNetwork: showNetworkOf(read.showNetwork),
      },
      { at: at.toISOString() },
    );
  }
  return diagnosis;
}

/** The status a watch compares: the alert's (upper case) while it fails, null once none fails. */
export function watchedStatus(alert: { status?: unknown } | null | undefined): string | null {
  if (!alert || isClearStatus(alert.status)) return null;
  return String(alert.status ?? 'RED').toUpperCase();
}

export interface WatchReadOptions {
  client: FmcClient;
  deviceIds: readonly string[];
  /** What the watch last saw of each device (`watchedStatus`); undefined: the diagnosis's alert decides. */
  lastSeen: (deviceId: string) => string | null | undefined;
  /** The FMC's diagnosis, if this browser session holds one: changed devices are judged again in it. */
  diagnosis?: Diagnosis | undefined;
  signal?: AbortSignal;
  now?: () => Date;
}

export interface WatchReadResult {
  /** Each watched device's failing alert now, or null. */
  alerts: Map<string, HealthAlert | null>;
  /** The devices whose alert changed since the watch (or the diagnosis) last saw it. */
  changed: string[];
  /** The diagnosis with the changed devices judged again; absent when nothing changed or there is none. */
  diagnosis?: Diagnosis;
}

/**
 * What one watch tick of an FMC reads (issue 17), the code the extension's tick (lib/features/watch.ts) and
 * the bench run: the alerts of every watched device in one request (lib/fmc/watch-read.ts), then `show network`
 * only for the devices whose alert changed, and only to judge them again in a diagnosis this browser holds.
 * Rejects when the alerts cannot be read (the tick then "could not check"); a `show network` that fails leaves
 * that piece missing, said so in the device's evidence.
 */
export async function watchRead(options: WatchReadOptions): Promise<WatchReadResult> {
  const { client, deviceIds, diagnosis, signal } = options;
  const alerts = await readWatchedAlerts(client, deviceIds, signal);
  const changed = deviceIds.filter((id) => {
    const device = diagnosis?.devices.find((candidate) => candidate.id === id);
    const seen = options.lastSeen(id);
    const before = seen !== undefined ? seen : device ? watchedStatus(device.alert) : undefined;
    return before !== undefined && before !== watchedStatus(alerts.get(id));
  });
  const judgeable = diagnosis ? changed.filter((id) => diagnosis.devices.some((d) => d.id === id)) : [];
  if (!diagnosis || judgeable.length === 0) return { alerts, changed };
  const reads = await Promise.all(
    judgeable.map((id) => changedRead(client, diagnosis, id, alerts.get(id) ?? null, signal)),
  );
  return { alerts, changed, diagnosis: judgeWatchedReads(diagnosis, reads, options.now?.() ?? new Date()) };
}

async function changedRead(
  client: FmcClient,
  diagnosis: Diagnosis,
  id: string,
  alert: HealthAlert | null,
  signal: AbortSignal | undefined,
): Promise<WatchedRead> {
  const device = diagnosis.devices.find((candidate) => candidate.id === id);
  const version = (value: string | undefined) => (value && value !== 'unknown' ? value : undefined);
  try {
    const showNetwork = await readShowNetwork(
      client,
      {
        id,
        fmcVersion: version(diagnosis.fmc.version),
        deviceVersion: version(device?.version),
        ...(device?.name ? { name: device.name } : {}),
      },
      signal,
    );
    return { deviceId: id, alert, showNetwork };
  } catch (error) {
    if (signal?.aborted) throw error;
    // Fatal for a command (the FMC went away meanwhile): the alert was read, so the device is judged without it.
    const cause =
      error instanceof FmcError
        ? error
        : new FmcError({ code: 'aborted', params: { endpoint: '' }, cause: error });
    return { deviceId: id, alert, showNetwork: { ok: false, error: cause } };
  }
}

import { CLOUD_ALERT_MODULES, isCloudAlertOf } from '../alert/rest';
import { alertFilterStatuses, isClearStatus } from '../alert/statuses';
import type { FmcClient } from './client';
import type { Part, ShowNetworkResult } from './collect';
import { FmcError, isFatal } from './errors';
import { listHealthAlerts, runShowNetwork } from './resources';
import type { HealthAlert } from './schemas';
import { parseShowNetwork } from './show-network';
import { ENDPOINT_SINCE, versionAtLeast } from './version';

/**
 * A watch tick's one read (issue 17): the Cloud Configuration alerts that are not clear of every watched device
 * of an FMC at once, `health/alerts?filter=moduleIDs:THREAT_DATA_UPDATES,CONN_STATUS_SSE;status:red,yellow,error;
 * deviceUUIDs:<id>,<id>…` (the filters of `../shared/docs/fmc-rest-api.md`; the same modules and statuses as one
 * device's re-check, lib/fmc/collect.ts `collectDevice`). One request for up to 1,000 alerts (the FMC's largest
 * page), whatever the number of devices; a token renewal when one is due is the only other request.
 *
 * Each watched device maps to its failing alert, or null when the FMC lists none for it: the alerts were asked
 * for the statuses that are not clear only (`ALERT_FILTER_STATUSES`), so none means the check no longer fails
 * (an FMC that ignored the status filter and sent a green or recovered one says the same: `isClearStatus`). A list read only in part (an item the
 * schema rejected, a page missing) rejects: a missing alert would read as "cleared", a claim not seen.
 */
/** The most device ids a tick names in its alerts filter. */
export const MAX_FILTERED_DEVICES = 100;

export async function readWatchedAlerts(
  client: FmcClient,
  deviceIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, HealthAlert | null>> {
  // Past a hundred ids the filter alone would pass 3.7 KB of URL, and "Watch all failing" may ask for thousands
  // (servers commonly refuse URLs above 8 KB, HTTP 414): the FMC's red and yellow Cloud Configuration alerts of
  // every device are read instead (the same one request), and the watched ones picked here.
  const filtered = deviceIds.length <= MAX_FILTERED_DEVICES;
  // FAILED too on a cdFMC (issue 20), whose enum has it; an on-prem FMC's has not.
  const statuses = alertFilterStatuses((await client.authKind()) === 'bearer' ? 'cdfmc' : 'on-prem');
  const listed = await listHealthAlerts(
    client,
    { moduleIds: CLOUD_ALERT_MODULES, statuses, ...(filtered ? { deviceIds } : {}) },
    signal,
  );
  if (listed.gaps.length > 0) throw listed.gaps[0];
  return new Map(
    deviceIds.map(
      (id) =>
        [
          id,
          listed.items.find((alert) => isCloudAlertOf(id, alert) && !isClearStatus(alert.status)) ?? null,
        ] as const,
    ),
  );
}

/**
 * `show network` of one device whose alert changed during a watch (the only other request a tick makes), as the
 * re-check reads it (lib/fmc/collect.ts `collectDevice`): a device or an FMC too old for the device command API
 * is not asked, and a failure leaves the piece missing with its reason; only a fatal error (unreachable,
 * signed out, aborted) rejects.
 */
export async function readShowNetwork(
  client: FmcClient,
  target: { id: string; fmcVersion?: string | undefined; deviceVersion?: string | undefined; name?: string },
  signal?: AbortSignal,
): Promise<Part<ShowNetworkResult>> {
  const endpoint = 'devices/devicerecords/{id}/operational/commands';
  const { fmcVersion, deviceVersion } = target;
  if (fmcVersion && !versionAtLeast(fmcVersion, ENDPOINT_SINCE.deviceCommands))
    return {
      ok: false,
      error: new FmcError({
        code: 'not-on-version',
        params: { endpoint, version: fmcVersion, since: ENDPOINT_SINCE.deviceCommands },
      }),
    };
  // The device command API runs on devices 6.6 and later (collect.ts, COMMAND_API_DEVICE_SINCE).
  if (deviceVersion && !versionAtLeast(deviceVersion, '6.6'))
    return {
      ok: false,
      error: new FmcError({
        code: 'device-too-old',
        params: { device: target.name ?? target.id, version: deviceVersion },
      }),
    };
  try {
    const raw = await runShowNetwork(client, target.id, signal ? { signal } : {});
    return { ok: true, value: { raw, parsed: parseShowNetwork(raw) } };
  } catch (error) {
    if (isFatal(error) || !(error instanceof FmcError)) throw error;
    return { ok: false, error };
  }
}

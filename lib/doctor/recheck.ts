import { cloudAlertOf } from '../alert/rest';
import { type DeviceInput, type Diagnosis, decideDevice } from '../diagnose';
import type { DnsResolver } from '../dns';
import { collectDevice, type FmcClient } from '../fmc';
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
 * gone or no longer red or yellow: the alerts are asked for those statuses only.
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

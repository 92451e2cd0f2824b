import type { BrowserDnsResult, DeviceInput, DiagnoseInput, ShowNetworkInput } from '../diagnose';
import { type FleetSnapshot, isCloudConfigurationAlert, type Part, type ShowNetworkResult } from '../fmc';
import type { HealthAlert } from '../fmc/schemas';

/** `show network` outputs read beyond the failing devices: the healthy peers sampled for comparison. */
export type PeerOutputs = Record<string, Part<ShowNetworkResult>>;

/** The FMC's device id of the FMC itself in health alerts. */
const FMC_ITSELF = '0';

/**
 * Turns what the FMC answered into what the diagnosis reads. Pure: the same snapshot gives the same input,
 * and a piece the FMC could not give becomes an explicit "unknown", never a guess.
 */
export function diagnoseInputFrom(
  origin: string,
  domain: { uuid: string; name: string },
  snapshot: FleetSnapshot,
  peers: PeerOutputs,
  browserDns: BrowserDnsResult[] | undefined,
): DiagnoseInput {
  const { integration } = snapshot;
  const regions = integration.cloudRegions.ok ? integration.cloudRegions.value : [];
  const current = regions.find((region) => region.current);
  const alerts = snapshot.alerts.ok ? snapshot.alerts.value : [];
  const devices = snapshot.devices.ok ? snapshot.devices.value : [];
  const failing = new Set(snapshot.failingDeviceIds);

  return {
    fmc: {
      origin,
      version: snapshot.serverVersion.ok ? snapshot.serverVersion.value.version : 'unknown',
      domain,
    },
    integration: {
      cloudEvents: integration.cloudEvents.ok
        ? integration.cloudEvents.value
        : absentOrError(integration.cloudEvents),
      securex: integration.securex.ok
        ? integration.securex.value && { enabled: integration.securex.value.enabled === true }
        : absentOrError(integration.securex),
      regionHost: current?.domain ?? null,
      ...(current?.name ? { regionName: current.name } : {}),
    },
    devices: devices.map((device): DeviceInput => {
      const alert = cloudAlertOf(device.id, alerts);
      return {
        id: device.id,
        name: device.name ?? device.id,
        version: device.sw_version ?? 'unknown',
        alert: alert
          ? { status: alert.status, details: alert.details ?? alert.name ?? '', timestamp: alert.timestamp }
          : failing.has(device.id)
            ? // The FMC has no alerts API (before 6.7) or it failed: the device's red health is the suspicion.
              {
                status: device.healthStatus ?? 'RED',
                details: 'Device health is not green (health alerts unavailable)',
              }
            : null,
        showNetwork: showNetworkOf(snapshot.showNetwork[device.id] ?? peers[device.id]),
      };
    }),
    ...(browserDns ? { browserDns } : {}),
  };
}

function absentOrError<T>(part: Part<T>): null | 'error' {
  // Endpoints missing on this FMC version are absent settings, not failures.
  return !part.ok && part.error.code === 'not-on-version' ? null : 'error';
}

function cloudAlertOf(deviceId: string, alerts: readonly HealthAlert[]): HealthAlert | undefined {
  return alerts.find(
    (alert) =>
      alert.deviceUUID === deviceId && alert.deviceUUID !== FMC_ITSELF && isCloudConfigurationAlert(alert),
  );
}

function showNetworkOf(part: Part<ShowNetworkResult> | undefined): ShowNetworkInput {
  if (!part) return { ok: false, reason: 'not-read' };
  if (part.ok) return { ok: true, parsed: part.value.parsed };
  const unsupported = ['not-on-version', 'device-too-old', 'not-available'].includes(part.error.code);
  return { ok: false, reason: unsupported ? 'unsupported' : 'failed', message: part.error.localized('en') };
}

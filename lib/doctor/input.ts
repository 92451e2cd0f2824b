import { cloudAlertOf } from '../alert/rest';
import type { BrowserDnsResult, DeviceInput, DiagnoseInput, ShowNetworkInput } from '../diagnose';
import { INCOMPLETE_REASONS, type IncompleteEntry, type IncompletePart } from '../diagnose/incomplete';
import { chooseRegion } from '../diagnose/region';
import type { FleetSnapshot, Part, ShowNetworkResult } from '../fmc';
import type { FmcError } from '../fmc/errors';
import type { Device, HealthAlert } from '../fmc/schemas';
import type { Localized } from '../i18n';
import { fillLocalized } from '../i18n';

/**
 * Turns what the FMC answered into what the diagnosis reads. Pure: the same snapshot gives the same input,
 * and a piece the FMC could not give becomes an explicit "unknown" and an `incomplete` entry, never a guess.
 */
export function diagnoseInputFrom(
  origin: string,
  domain: { uuid: string; name: string },
  snapshot: FleetSnapshot,
  browserDns: BrowserDnsResult[] | undefined,
): DiagnoseInput {
  const { integration } = snapshot;
  const regions = integration.cloudRegions.ok ? integration.cloudRegions.value : [];
  const current = regions.find((region) => region.current);
  const alerts = snapshot.alerts.ok ? snapshot.alerts.value : [];
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
      // A cdFMC (issue 20): its scenario comes from cloud events and its `cloudintegrations`.
      ...(snapshot.platform === 'cdfmc'
        ? {
            platform: 'cdfmc' as const,
            cloudIntegration: cloudIntegrationOf(integration.cloudIntegration),
          }
        : {}),
    },
    devices: knownDevices(snapshot).map(({ id, device }): DeviceInput => {
      const alert = cloudAlertOf(id, alerts);
      return {
        id,
        name: device?.name ?? id,
        ...(device?.hostName ? { hostName: device.hostName } : {}),
        version: device?.sw_version ?? 'unknown',
        alert: alert
          ? alertInputOf(alert)
          : failing.has(id)
            ? // The FMC has no alerts API (before 6.7) or it failed: the device's health, not clear, is the
              // suspicion. Its status goes as the FMC gave it (none: '', which lib/alert/statuses.ts reads as
              // unknown), so the evidence says what was seen and a BLUE or missing one is shown as unknown.
              {
                status: device?.healthStatus ?? '',
                details: 'Device health is not green (health alerts unavailable)',
              }
            : null,
        showNetwork: showNetworkOf(snapshot.showNetwork[id]),
      };
    }),
    ...(browserDns ? { browserDns } : {}),
    incomplete: incompleteParts(snapshot),
    failingComplete: failingComplete(snapshot),
  };
}

/**
 * Every device the diagnosis speaks of: the list's, in its order, then each failing device the list lacks
 * (read by id; when even that failed, known by its id alone, so that its verdict still shows).
 */
function knownDevices(snapshot: FleetSnapshot): Array<{ id: string; device: Device | undefined }> {
  const listed = snapshot.devices.ok ? snapshot.devices.value : [];
  const seen = new Set<string>();
  const out: Array<{ id: string; device: Device | undefined }> = [];
  for (const device of listed) {
    if (seen.has(device.id)) continue;
    seen.add(device.id);
    out.push({ id: device.id, device });
  }
  for (const id of snapshot.failingDeviceIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    const record = snapshot.namedDevices[id];
    out.push({ id, device: record?.ok ? record.value : undefined });
  }
  return out;
}

/**
 * The pieces that could not be read after the retries, or only in part. A piece this FMC version does not
 * have (`not-on-version`) is absent by design and not listed.
 */
export function incompleteParts(snapshot: FleetSnapshot): IncompleteEntry[] {
  const out: IncompleteEntry[] = [];
  const add = (
    part: IncompletePart,
    template: Localized,
    error: Localized,
    vars: Record<string, string> = {},
  ) => out.push({ part, reason: fillLocalized(template, { error, ...vars }) });
  const { integration } = snapshot;

  const version = snapshot.serverVersion;
  if (!version.ok) add('serverVersion', INCOMPLETE_REASONS.serverVersion, localized(version.error));

  const devices = snapshot.devices;
  if (!devices.ok) add('devices', INCOMPLETE_REASONS.devicesFailed, localized(devices.error));
  else if (devices.gaps?.length) add('devices', INCOMPLETE_REASONS.devicesPartial, joined(devices.gaps));

  const alerts = snapshot.alerts;
  if (!alerts.ok && !absent(alerts)) add('alerts', INCOMPLETE_REASONS.alertsFailed, localized(alerts.error));
  else if (alerts.ok && alerts.gaps?.length)
    add('alerts', INCOMPLETE_REASONS.alertsPartial, joined(alerts.gaps));

  for (const [part, piece] of [
    ['cloudEvents', integration.cloudEvents],
    ['securex', integration.securex],
    ...(integration.cloudIntegration ? [['cloudIntegration', integration.cloudIntegration] as const] : []),
  ] as const) {
    if (!piece.ok && !absent(piece)) add(part, INCOMPLETE_REASONS.setting, localized(piece.error));
  }
  const regions = integration.cloudRegions;
  const assumed = chooseRegion(null).host;
  if (!regions.ok && !absent(regions))
    add('cloudRegions', INCOMPLETE_REASONS.cloudRegions, localized(regions.error), { host: assumed });
  else if (regions.ok && regions.gaps?.length && !regions.value.some((r) => r.current))
    add('cloudRegions', INCOMPLETE_REASONS.cloudRegions, joined(regions.gaps), { host: assumed });

  const groups = integration.dnsServerGroups;
  if (!groups.ok && !absent(groups))
    add('dnsServerGroups', INCOMPLETE_REASONS.dnsServerGroups, localized(groups.error));
  else if (groups.ok && groups.gaps?.length)
    add('dnsServerGroups', INCOMPLETE_REASONS.dnsServerGroups, joined(groups.gaps));
  return out;
}

/**
 * Whether the failing devices found are all there are: the alerts were read whole, or, on an FMC without the
 * alerts API, the device list (whose health status stands in) was.
 */
function failingComplete(snapshot: FleetSnapshot): boolean {
  const { alerts, devices } = snapshot;
  if (alerts.ok) return !alerts.gaps?.length;
  return absent(alerts) && devices.ok && !devices.gaps?.length;
}

function localized(error: FmcError): Localized {
  return { en: error.localized('en'), fr: error.localized('fr') };
}

function joined(errors: readonly FmcError[]): Localized {
  return {
    en: errors.map((e) => e.localized('en')).join(' '),
    fr: errors.map((e) => e.localized('fr')).join(' '),
  };
}

/** Endpoints missing on this FMC version are absent settings, not failures. */
function absent<T>(part: Part<T>): boolean {
  return !part.ok && part.error.code === 'not-on-version';
}

/** A cdFMC's `cloudintegrations` as the scenario reads it: 404 is null, a failure 'error'. */
function cloudIntegrationOf(
  part: FleetSnapshot['integration']['cloudIntegration'],
): Exclude<DiagnoseInput['integration']['cloudIntegration'], undefined> {
  if (!part) return 'error';
  if (!part.ok) return absentOrError(part) ?? 'error';
  const value = part.value;
  if (!value) return null;
  return {
    ...(value.enabled === undefined ? {} : { enabled: value.enabled }),
    ...(value.info?.connected === undefined ? {} : { connected: value.info.connected }),
    ...(value.info?.onboardingStatus === undefined ? {} : { onboardingStatus: value.info.onboardingStatus }),
  };
}

function absentOrError<T>(part: Part<T>): null | 'error' {
  return absent(part) ? null : 'error';
}

/** A device's Cloud Configuration alert as the diagnosis reads it: the details, else the alert's name. */
export function alertInputOf(alert: HealthAlert): NonNullable<DeviceInput['alert']> {
  return { status: alert.status, details: alert.details ?? alert.name ?? '', timestamp: alert.timestamp };
}

export function showNetworkOf(part: Part<ShowNetworkResult> | undefined): ShowNetworkInput {
  if (!part) return { ok: false, reason: 'not-read' };
  if (part.ok) return { ok: true, parsed: part.value.parsed, raw: part.value.raw };
  const unsupported = ['not-on-version', 'device-too-old', 'not-available'].includes(part.error.code);
  return { ok: false, reason: unsupported ? 'unsupported' : 'failed', message: part.error.localized('en') };
}

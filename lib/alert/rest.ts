import { ALERT_DATA_TYPES } from './alerts';
import { dataTypeResults } from './phrases';

/**
 * The Cloud Configuration alert as the FMC's REST API reports it (`health/alerts`), written once for the fleet's
 * collection (`lib/fmc/collect.ts`) and the diagnosis input (`lib/doctor`). Typed by the fields read, so this
 * folder stays below the REST client and its schemas.
 * Source: `../shared/docs/fmc-rest-api.md` (the alerts endpoint, its `deviceUUID` "0" and its modules).
 */

/** The SSE connection module: every alert of it is a cloud connection failure. */
const SSE_CONNECTION_MODULE = 'CONN_STATUS_SSE';

/** Modules that may carry the Cloud Configuration check; which one is not confirmed, so both are read. */
export const CLOUD_ALERT_MODULES = ['THREAT_DATA_UPDATES', SSE_CONNECTION_MODULE] as const;

/** The FMC's device id of the FMC itself in health alerts: never one of the devices. */
export const FMC_ITSELF = '0';

/** The fields of a health alert read here (the REST schema's `HealthAlert` has them, upper-case module ids). */
export interface RestAlert {
  deviceUUID?: string | null;
  moduleID?: string | null;
  name?: string | null;
  details?: string | null;
  description?: string | null;
}

const CLOUD_CONFIGURATION = ALERT_DATA_TYPES['cloud-configuration'];

/**
 * Whether an alert reports the Cloud Configuration check failing: any SSE connection alert, or a text (name,
 * details, description) naming `Cisco Cloud Configuration` with a failure word after it, read with the page
 * detection's phrases (./phrases.ts). Details list one result per line (`<br>`), so a line naming it with
 * another result (Success) does not count. No real alert body of this check is public (fmc-rest-api.md): named
 * without any result word, the alert's own status is its result (`./statuses.ts`: the collector asks only for
 * statuses that are not clear, and reads an unknown one, such as ERROR, as a possible failure).
 */
export function isCloudConfigurationAlert(alert: RestAlert): boolean {
  if (alert.moduleID === SSE_CONNECTION_MODULE) return true;
  const text = [alert.name, alert.details, alert.description].filter(Boolean).join('\n');
  return dataTypeResults(text).some(
    (found) => found.dataType === CLOUD_CONFIGURATION && (found.failing || found.result === null),
  );
}

/** Whether an alert is a device's Cloud Configuration failure (the FMC's own alerts name no device). */
export function isDeviceCloudAlert(alert: RestAlert): boolean {
  return alert.deviceUUID !== FMC_ITSELF && isCloudConfigurationAlert(alert);
}

/** Whether an alert is this device's Cloud Configuration failure. */
export function isCloudAlertOf(deviceId: string, alert: RestAlert): boolean {
  return alert.deviceUUID === deviceId && isDeviceCloudAlert(alert);
}

/** The device's Cloud Configuration alert among those read, the first one listed; undefined when none. */
export function cloudAlertOf<T extends RestAlert>(deviceId: string, alerts: readonly T[]): T | undefined {
  return alerts.find((alert) => isCloudAlertOf(deviceId, alert));
}

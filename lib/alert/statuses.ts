/**
 * The health statuses that say whether a check fails, written once. The FMC's `health/alerts` and a device's
 * `healthStatus` use GREEN, YELLOW, RED, DISABLED, RECOVERED, ERROR (the 7.0 spec; a later spec adds FAILED;
 * `../shared/docs/fmc-rest-api.md`). The REST schemas (`lib/fmc/schemas.ts`) list every status the API sends;
 * this file says which of them mean a failure.
 */

/**
 * A failing check's statuses: the health alerts are asked for these only, and a device's overall health in one
 * of them makes it a suspect where the FMC has no alerts API.
 */
export const FAILING_STATUSES = ['RED', 'YELLOW'] as const;

/** The worst of them: what a device suspected without a status of its own is taken to report. */
export const WORST_STATUS = FAILING_STATUSES[0];

/** Whether a device's health status (as the REST schemas give it, upper case) is a failing one. */
export function isFailingStatus(status: string | null | undefined): boolean {
  return (FAILING_STATUSES as readonly (string | null | undefined)[]).includes(status);
}

// The collector passes Cloud Configuration alerts filtered to RED/YELLOW; a row that reached the diagnosis with
// one of these statuses has recovered or is switched off. Any other status, even one we do not know, counts as a
// failure: the alert was reported for a reason. Lower case: statuses are compared case-insensitively.
const CLEAR_STATUSES: ReadonlySet<string> = new Set(['green', 'recovered', 'disabled', 'ok', 'success']);

/** Whether an alert's status says its check no longer fails (any case, surrounding spaces ignored). */
export function isClearStatus(status: unknown): boolean {
  return CLEAR_STATUSES.has(typeof status === 'string' ? status.trim().toLowerCase() : '');
}

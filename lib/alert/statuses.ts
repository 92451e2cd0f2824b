/**
 * The health statuses the FMC reports, and what each means for the Cloud Configuration check, written once as
 * data. Two vocabularies share the words: a health alert's `status` (`health/alerts`) and a device's overall
 * `healthStatus` (`devices/devicerecords`). The REST schemas (`lib/fmc/schemas.ts`) keep every value the FMC
 * sends, known or not, upper-cased; this table says what a value means, and anything it does not list is
 * `unknown`: shown as unknown and examined like a failure, never read as healthy.
 */

/**
 * `failing`: the check fails. `clear`: it does not fail (or no longer runs). `unknown`: the status does not say;
 * the device is examined as a possible failure and the status is shown as not understood.
 */
export type StatusMeaning = 'failing' | 'clear' | 'unknown';

export interface StatusFacts {
  meaning: StatusMeaning;
  /** Sent as a health alert's `status`. */
  alert: boolean;
  /** Sent as a device's `healthStatus`. */
  device: boolean;
  /**
   * In the FMC 7.0 OpenAPI's enum of `HealthAlert.status` (`../shared/fmc-api/fmc-openapi-7.0-excerpt.json`):
   * the oldest spec we have of the alerts endpoint (FMC 6.7+), so the only statuses the alerts filter may send.
   */
  inAlertEnum: boolean;
  /**
   * In the cdFMC OpenAPI's enum of `HealthAlert.status` (the 7.0 enum plus FAILED, ../shared/docs/cdfmc.md
   * "Endpoints"): the statuses the alerts filter may send to a cdFMC (issue 20).
   */
  inCdfmcAlertEnum: boolean;
  /** Where the status and its meaning come from; `inferred` where no source states the meaning. */
  source: string;
  /** Whether the meaning is our reading rather than a source's statement. */
  inferred: boolean;
}

const SPEC_70 =
  'Cisco FMC 7.0 OpenAPI, HealthAlert.status enum (../shared/fmc-api/fmc-openapi-7.0-excerpt.json)';
const CENTREON =
  'Centreon FMC plugin, network/cisco/firepower/fmc/restapi/mode/devices.pm (github.com/centreon/centreon-plugins): device healthStatus green, black, blue, red, yellow; warning on yellow, critical on red|black';
const CDFMC_ALERTS =
  'Cisco cdFMC "Health Monitor Alert Information" (docs.manage.security.cisco.com/cdfmc/r_health_monitor_alert_information.html)';

/** Every status known, upper case, with its meaning and its source. */
export const STATUSES = {
  GREEN: {
    meaning: 'clear',
    alert: true,
    device: true,
    inAlertEnum: true,
    inCdfmcAlertEnum: true,
    source: `${SPEC_70}; ${CENTREON} (neither warning nor critical)`,
    inferred: false,
  },
  YELLOW: {
    meaning: 'failing',
    alert: true,
    device: true,
    inAlertEnum: true,
    inCdfmcAlertEnum: true,
    source: `${SPEC_70}; ${CENTREON} (warning); Cisco's alert examples filter on status:red,yellow (../shared/docs/fmc-rest-api.md)`,
    inferred: false,
  },
  RED: {
    meaning: 'failing',
    alert: true,
    device: true,
    inAlertEnum: true,
    inCdfmcAlertEnum: true,
    source: `${SPEC_70}; ${CENTREON} (critical)`,
    inferred: false,
  },
  BLACK: {
    meaning: 'failing',
    alert: false,
    device: true,
    inAlertEnum: false,
    inCdfmcAlertEnum: false,
    // Centreon raises critical on it; what the FMC means by it (device unreachable, a module in error) is not
    // documented by Cisco, so the extension says only that the device health is BLACK.
    source: `${CENTREON} (critical, like red)`,
    inferred: false,
  },
  BLUE: {
    meaning: 'unknown',
    alert: false,
    device: true,
    inAlertEnum: false,
    inCdfmcAlertEnum: false,
    // Centreon counts blue devices but raises neither warning nor critical: no source says what it means.
    source: `${CENTREON} (counted, neither warning nor critical); meaning not documented by Cisco`,
    inferred: true,
  },
  FAILED: {
    meaning: 'failing',
    alert: true,
    device: false,
    inAlertEnum: false,
    inCdfmcAlertEnum: true,
    // The cdFMC spec lists it without a description: the word is read as a failure.
    source:
      'Cisco cdFMC OpenAPI, HealthAlert.status adds FAILED (../shared/docs/cdfmc.md); meaning inferred from the word',
    inferred: true,
  },
  ERROR: {
    meaning: 'unknown',
    alert: true,
    device: false,
    inAlertEnum: true,
    inCdfmcAlertEnum: true,
    // "The health test did not run": the alert says nothing of the cloud connection either way.
    source: `${SPEC_70}; ${CDFMC_ALERTS}: Error, "The health test did not run."`,
    inferred: false,
  },
  DISABLED: {
    meaning: 'clear',
    alert: true,
    device: false,
    inAlertEnum: true,
    inCdfmcAlertEnum: true,
    // The module is switched off in the health policy (scenario 1's fix): it no longer reports a failure.
    source: `${SPEC_70}; the health policy's Enabled Off (the TAC note's scenario 1)`,
    inferred: true,
  },
  RECOVERED: {
    meaning: 'clear',
    alert: true,
    device: false,
    inAlertEnum: true,
    inCdfmcAlertEnum: true,
    source: `${SPEC_70}; ${CDFMC_ALERTS}: Recovered, "met the criteria to return to a normal alert status, following a Critical or Warning alert status"`,
    inferred: false,
  },
} as const satisfies Record<string, StatusFacts>;

export type KnownStatus = keyof typeof STATUSES;

/** The status as the table spells it: trimmed, upper case; '' for anything that is not a string. */
export function normalizeStatus(status: unknown): string {
  return typeof status === 'string' ? status.trim().toUpperCase() : '';
}

/** What a status (any case, surrounding blanks ignored) means; `unknown` for a missing or unlisted one. */
export function statusMeaning(status: unknown): StatusMeaning {
  const key = normalizeStatus(status);
  return Object.hasOwn(STATUSES, key) ? STATUSES[key as KnownStatus].meaning : 'unknown';
}

/**
 * The alert statuses the health alerts are asked for: every status that is not clear and that the 7.0 enum
 * accepts (RED, YELLOW, ERROR). FAILED stays out: the 7.0 enum lacks it and an FMC may reject a filter value
 * outside its enum; a FAILED alert an FMC sends anyway is still read as failing. A cdFMC is asked for FAILED
 * too (`CDFMC_ALERT_FILTER_STATUSES`).
 */
export const ALERT_FILTER_STATUSES: readonly KnownStatus[] = (Object.keys(STATUSES) as KnownStatus[]).filter(
  (status) => STATUSES[status].alert && STATUSES[status].inAlertEnum && STATUSES[status].meaning !== 'clear',
);

/**
 * The same for a cdFMC (issue 20): every status that is not clear and that the cdFMC spec's enum accepts, so
 * FAILED too (RED, YELLOW, FAILED, ERROR). Sent only on a cdFMC (a bearer session): an on-prem FMC keeps
 * `ALERT_FILTER_STATUSES`, its 7.x enum having no FAILED.
 */
export const CDFMC_ALERT_FILTER_STATUSES: readonly KnownStatus[] = (
  Object.keys(STATUSES) as KnownStatus[]
).filter(
  (status) =>
    STATUSES[status].alert && STATUSES[status].inCdfmcAlertEnum && STATUSES[status].meaning !== 'clear',
);

/** The alert statuses to ask an FMC for: a cdFMC's enum has FAILED, an on-prem FMC's has not. */
export function alertFilterStatuses(platform: 'on-prem' | 'cdfmc'): readonly KnownStatus[] {
  return platform === 'cdfmc' ? CDFMC_ALERT_FILTER_STATUSES : ALERT_FILTER_STATUSES;
}

/**
 * Whether a device whose overall health is this is a suspect where the health alerts cannot be read (FMC
 * before 6.7, or the endpoint failed): every health that is not clear, so BLACK (critical) and BLUE or a
 * missing or unlisted status (unknown) are examined, never taken for healthy.
 */
export function isSuspectHealth(status: unknown): boolean {
  return statusMeaning(status) !== 'clear';
}

/** Whether an alert's status says its check no longer fails (any case, surrounding blanks ignored). */
export function isClearStatus(status: unknown): boolean {
  return statusMeaning(status) === 'clear';
}

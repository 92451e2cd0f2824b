import type { DeviceDiagnosis } from './types';

/**
 * A device's times (issue 10), one home for the popup, the report, the Markdown export and the hints: since when
 * it fails (its Cloud Configuration alert's timestamp, unix seconds in the FMC's health alerts), when a
 * re-check last read it, and when a re-check or a watch found its alert cleared. Milliseconds since the epoch;
 * a time that is missing or not a sane one is left out rather than shown as 1970.
 */
export interface DeviceTimes {
  failingSince?: number;
  recheckedAt?: number;
  clearedAt?: number;
}

/** After 1970 and within what a `Date` can hold (±8.64e15 ms): an alert's timestamp is the FMC's, so not trusted. */
const MAX_DATE_MS = 8.64e15;
const sane = (ms: number) => Number.isFinite(ms) && ms > 0 && ms <= MAX_DATE_MS;

function isoMs(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return sane(ms) ? ms : undefined;
}

export function deviceTimes(
  device: Pick<DeviceDiagnosis, 'alert' | 'verdict' | 'recheckedAt' | 'clearedAt'>,
): DeviceTimes {
  const seconds = device.alert?.timestamp;
  const failingSince =
    typeof seconds === 'number' && sane(seconds * 1000) && device.verdict !== 'healthy'
      ? seconds * 1000
      : undefined;
  const recheckedAt = isoMs(device.recheckedAt);
  const clearedAt = device.verdict === 'healthy' ? isoMs(device.clearedAt) : undefined;
  return {
    ...(failingSince ? { failingSince } : {}),
    ...(recheckedAt ? { recheckedAt } : {}),
    ...(clearedAt ? { clearedAt } : {}),
  };
}

/** A device that failed at the diagnosis and was found cleared by a re-check since: still worth listing. */
export const clearedSince = (device: Pick<DeviceDiagnosis, 'verdict' | 'clearedAt'>) =>
  device.verdict === 'healthy' && isoMs(device.clearedAt) !== undefined;

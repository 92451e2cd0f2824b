import { BASE_RATE_PER_MINUTE, RAISED_RATE_PER_MINUTE } from './limiter';

/**
 * The dotted version at the head of a version string, in both forms an FMC prints: the on-prem
 * `"7.2.4 (build 169)"` → `"7.2.4"`, and the cdFMC's `"10.0.0-build 7056"` → `"10.0.0"` (SCC shows versions
 * like `10.0.0-build 7056` and `7.7.10-build 1248`, ../shared/docs/cdfmc.md). A string that does not start
 * with a number gives its first word, so nothing is invented.
 */
export function versionNumber(serverVersion: string): string {
  const trimmed = serverVersion.trim();
  return /^\d+(?:\.\d+)*/.exec(trimmed)?.[0] ?? trimmed.split(/\s+/)[0] ?? '';
}

/** Compares dotted versions numerically; missing parts count as 0. */
export function versionAtLeast(version: string, min: string): boolean {
  const a = versionNumber(version)
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);
  const b = min.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/**
 * The FMC's REST budget per minute for a version: 120, and 300 where a third-party client reports it. go-fmc's
 * changelog (github.com/netascode/go-fmc, CHANGELOG.md: "FMC 7.4.1, 7.6.0 and later releases have rate-limit
 * increased to 300 req/min") is the only source; no Cisco document we could read gives the figure. We apply
 * it to exactly what the report names and what the options page says: 7.4.1 and the later 7.4 maintenance
 * releases, and 7.6.0 on. 7.5 is named by neither, so it keeps 120: too low a rate only slows a run, too
 * high a one draws 429s from a budget other tools share.
 */
export function rateForVersion(version: string): number {
  const raised =
    versionAtLeast(version, '7.6.0') || (versionAtLeast(version, '7.4.1') && !versionAtLeast(version, '7.5'));
  return raised ? RAISED_RATE_PER_MINUTE : BASE_RATE_PER_MINUTE;
}

/** First FMC version offering each optional endpoint (Cisco's API guides); older FMCs answer 404. */
export const ENDPOINT_SINCE = {
  dnsServerGroups: '6.3',
  cloudEvents: '6.4',
  cloudRegions: '6.5',
  deviceCommands: '6.6',
  healthAlerts: '6.7',
  securex: '7.0',
} as const;

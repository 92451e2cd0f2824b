import { BASE_RATE_PER_MINUTE, RAISED_RATE_PER_MINUTE } from './limiter';

/** `"7.2.4 (build 169)"` → `"7.2.4"`: the FMC prints the build after the version. */
export function versionNumber(serverVersion: string): string {
  return serverVersion.trim().split(/\s+/)[0] ?? '';
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

/** FMC 7.4.1 and 7.6.0+ reportedly allow 300 requests per minute (go-fmc's changelog); earlier ones 120. */
export function rateForVersion(version: string): number {
  return versionAtLeast(version, '7.4.1') ? RAISED_RATE_PER_MINUTE : BASE_RATE_PER_MINUTE;
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

import { isClearStatus } from '../alert/statuses';
import type { ShowNetwork } from '../fmc/show-network';
import type { AlertInput, ShowNetworkInput, Verdict } from './types';

/**
 * Whether the device's alert reports a failure, or may: it has one, and its status is not a clear one. A status
 * whose meaning is unknown (ERROR, BLUE, none, one no table lists: `lib/alert/statuses.ts`) is examined like a
 * failure, so it never reads as healthy; the evidence says the status is unknown.
 */
export function isFailing(alert: AlertInput | null | undefined): boolean {
  if (alert === null || typeof alert !== 'object') return false;
  return !isClearStatus(alert.status);
}

/** The parsed `show network`, when it was read at all. */
export function readShowNetwork(input: ShowNetworkInput | null | undefined): ShowNetwork | null {
  if (input === null || typeof input !== 'object' || input.ok !== true) return null;
  const parsed = input.parsed;
  return parsed !== null && typeof parsed === 'object' ? parsed : null;
}

/** Management DNS servers: [] when none configured, null when unknown (not read, or cut off before). */
export function dnsServersOf(parsed: ShowNetwork | null): string[] | null {
  const servers = parsed?.dnsServers;
  return Array.isArray(servers) ? servers.filter((s): s is string => typeof s === 'string') : null;
}

/**
 * Total and deterministic: every combination of missing pieces gives a verdict. The first cause that applies
 * wins, in the TAC note's order: integration off explains the failure without any device setting, then a
 * missing DNS server (option 1), a proxy (CSCvs05084), then resolution or reachability (option 2).
 */
export function decideVerdict(
  device: { alert?: AlertInput | null; showNetwork?: ShowNetworkInput | null },
  scenario: 1 | 2,
): Verdict {
  if (!isFailing(device.alert)) return 'healthy';
  if (scenario === 1) return 'expected-integration-off';
  const parsed = readShowNetwork(device.showNetwork);
  const dns = dnsServersOf(parsed);
  if (dns === null) return 'unknown';
  if (dns.length === 0) return 'dns-missing';
  if (parsed?.proxy?.enabled === true) return 'proxy';
  return 'connectivity';
}

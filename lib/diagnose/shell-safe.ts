import { isIpAddress } from '../fmc/show-network';

/**
 * Values read from a device or the FMC end up in commands the admin pastes into a shell. Only plain addresses,
 * host names and ports go in; anything else leaves its `<placeholder>` for the admin to fill.
 */
const HOST_LABELS =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function isShellSafeHost(value: unknown): value is string {
  return typeof value === 'string' && (isIpAddress(value) || HOST_LABELS.test(value));
}

export function isShellSafePort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536;
}

export function safeAddresses(values: unknown): string[] {
  return Array.isArray(values)
    ? values.filter((v): v is string => typeof v === 'string' && isIpAddress(v))
    : [];
}

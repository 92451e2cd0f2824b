import { browser } from 'wxt/browser';

/**
 * User settings in storage.local (synced nowhere). Only non-secret values live here: passwords are never
 * stored, tokens live in storage.session.
 */
const HEALTH_POLICY_OVERRIDES = 'healthPolicyOverrides';
const RATE_OVERRIDE = 'fmcRequestsPerMinute';
const USERNAMES = 'fmcUsernames';

/** The stored overrides; entries that are not text (a store edited by hand) are left out. */
export async function readHealthPolicyOverrides(): Promise<Record<string, string>> {
  const stored = (await browser.storage.local.get(HEALTH_POLICY_OVERRIDES))[HEALTH_POLICY_OVERRIDES];
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export async function readHealthPolicyOverride(pattern: string): Promise<string | undefined> {
  const value = (await readHealthPolicyOverrides())[pattern];
  return typeof value === 'string' && value ? value : undefined;
}

export async function writeHealthPolicyOverride(pattern: string, url: string | null): Promise<void> {
  const overrides = { ...(await readHealthPolicyOverrides()) };
  if (url) overrides[pattern] = url;
  else delete overrides[pattern];
  await browser.storage.local.set({ [HEALTH_POLICY_OVERRIDES]: overrides });
}

/** Origins an IT department pre-sets through managed storage (see `public/managed-schema.json`). */
export async function readManagedOrigins(): Promise<string[]> {
  try {
    const { fmcOrigins } = await browser.storage.managed.get('fmcOrigins');
    return Array.isArray(fmcOrigins) ? fmcOrigins.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    // No policy installed: Chromium rejects, Firefox answers empty.
    return [];
  }
}

/** Requests per minute the user allows (null: follow the FMC version, 120 or 300). */
export async function readRateOverride(): Promise<number | null> {
  const value = (await browser.storage.local.get(RATE_OVERRIDE))[RATE_OVERRIDE];
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1000 ? value : null;
}

export async function writeRateOverride(perMinute: number | null): Promise<void> {
  if (perMinute === null) await browser.storage.local.remove(RATE_OVERRIDE);
  else await browser.storage.local.set({ [RATE_OVERRIDE]: perMinute });
}

/** The API user name last used on an FMC, so the form is pre-filled. Never the password. */
export async function readRememberedUsername(origin: string): Promise<string> {
  const stored = (await browser.storage.local.get(USERNAMES))[USERNAMES];
  const value =
    stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[origin] : undefined;
  return typeof value === 'string' ? value : '';
}

export async function writeRememberedUsername(origin: string, username: string | null): Promise<void> {
  const stored = (await browser.storage.local.get(USERNAMES))[USERNAMES];
  const names = { ...(stored && typeof stored === 'object' ? (stored as Record<string, string>) : {}) };
  if (username) names[origin] = username;
  else delete names[origin];
  await browser.storage.local.set({ [USERNAMES]: names });
}

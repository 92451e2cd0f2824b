import { STORAGE } from './storage';

/**
 * User settings in storage.local (synced nowhere; keys in `STORAGE`). Only non-secret values live here:
 * passwords are never stored, tokens live in storage.session.
 */

/** The stored overrides; entries that are not text (a store edited by hand) are left out. */
export async function readHealthPolicyOverrides(): Promise<Record<string, string>> {
  return STORAGE.healthPolicyOverrides.read();
}

export async function readHealthPolicyOverride(pattern: string): Promise<string | undefined> {
  const value = (await readHealthPolicyOverrides())[pattern];
  return value || undefined;
}

export async function writeHealthPolicyOverride(pattern: string, url: string | null): Promise<void> {
  const overrides = { ...(await readHealthPolicyOverrides()) };
  if (url) overrides[pattern] = url;
  else delete overrides[pattern];
  await STORAGE.healthPolicyOverrides.write(overrides);
}

/** Origins an IT department pre-sets through managed storage (see `public/managed-schema.json`). */
export async function readManagedOrigins(): Promise<string[]> {
  try {
    return await STORAGE.managedOrigins.read();
  } catch {
    // No policy installed: Chromium rejects, Firefox answers empty.
    return [];
  }
}

/** Requests per minute the user allows (null: follow the FMC version, 120 or 300). */
export async function readRateOverride(): Promise<number | null> {
  return STORAGE.requestsPerMinute.read();
}

export async function writeRateOverride(perMinute: number | null): Promise<void> {
  if (perMinute === null) await STORAGE.requestsPerMinute.remove();
  else await STORAGE.requestsPerMinute.write(perMinute);
}

/** Every change of the rate setting, from any page; returns the function that stops listening. */
export function watchRateOverride(onChange: (perMinute: number | null) => void): () => void {
  return STORAGE.requestsPerMinute.watch(onChange);
}

/** The API user name last used on an FMC, so the form is pre-filled. Never the password. */
export async function readRememberedUsername(origin: string): Promise<string> {
  return (await STORAGE.usernames.read())[origin] ?? '';
}

export async function writeRememberedUsername(origin: string, username: string | null): Promise<void> {
  const names = { ...(await STORAGE.usernames.read()) };
  if (username) names[origin] = username;
  else delete names[origin];
  await STORAGE.usernames.write(names);
}

import { browser } from 'wxt/browser';

/**
 * User settings in storage.local (synced nowhere). Only non-secret values live here: passwords are never
 * stored, tokens live in storage.session.
 */
const HEALTH_POLICY_OVERRIDES = 'healthPolicyOverrides';

export async function readHealthPolicyOverrides(): Promise<Record<string, string>> {
  const stored = (await browser.storage.local.get(HEALTH_POLICY_OVERRIDES))[HEALTH_POLICY_OVERRIDES];
  return stored && typeof stored === 'object' ? (stored as Record<string, string>) : {};
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

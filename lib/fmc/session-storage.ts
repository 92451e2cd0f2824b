import { browser } from 'wxt/browser';
import type { StoredSession, TokenStore } from './session';

/** The storage.session key of an FMC's tokens, for pages that watch them. */
export const sessionKey = (origin: string) => `fmc-session:${origin}`;
const key = sessionKey;

/**
 * Tokens in `storage.session`: shared by the extension's pages, gone when the browser closes, never written
 * to disk. The password never comes here.
 */
export class BrowserSessionTokenStore implements TokenStore {
  async load(origin: string): Promise<StoredSession | undefined> {
    const stored = (await browser.storage.session.get(key(origin)))[key(origin)];
    return isStoredSession(stored) ? stored : undefined;
  }

  async save(origin: string, session: StoredSession): Promise<void> {
    await browser.storage.session.set({ [key(origin)]: session });
  }

  async clear(origin: string): Promise<void> {
    await browser.storage.session.remove(key(origin));
  }
}

/** A stored value is used only when it has the shape this code wrote: storage can be edited by hand. */
function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof StoredSession, unknown>>;
  const text = (field: unknown) => typeof field === 'string';
  const count = (field: unknown) => typeof field === 'number' && Number.isFinite(field) && field >= 0;
  return (
    text(v.username) &&
    text(v.accessToken) &&
    text(v.refreshToken) &&
    count(v.issuedAt) &&
    count(v.refreshCount) &&
    text(v.loginDomainUuid) &&
    text(v.domainUuid) &&
    Array.isArray(v.domains) &&
    v.domains.every(
      (domain: unknown) =>
        typeof domain === 'object' &&
        domain !== null &&
        text((domain as { uuid?: unknown }).uuid) &&
        text((domain as { name?: unknown }).name),
    )
  );
}

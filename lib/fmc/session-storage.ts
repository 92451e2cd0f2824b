import { browser } from 'wxt/browser';
import type { StoredSession, TokenStore } from './session';

const key = (origin: string) => `fmc-session:${origin}`;

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

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredSession>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.issuedAt === 'number' &&
    typeof v.refreshCount === 'number' &&
    typeof v.domainUuid === 'string' &&
    Array.isArray(v.domains)
  );
}

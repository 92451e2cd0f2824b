import type { StoredSession, TokenStore } from '../fmc/session';
import { STORAGE } from './storage';

/**
 * Tokens in `storage.session`: shared by the extension's pages, gone when the browser closes, never written
 * to disk. The password never comes here. A stored value of another shape reads as "not signed in".
 */
export class BrowserSessionTokenStore implements TokenStore {
  async load(origin: string): Promise<StoredSession | undefined> {
    return STORAGE.tokens(origin).read();
  }

  async save(origin: string, session: StoredSession): Promise<void> {
    await STORAGE.tokens(origin).write(session);
  }

  async clear(origin: string): Promise<void> {
    await STORAGE.tokens(origin).remove();
  }
}

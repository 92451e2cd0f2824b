import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredSession } from '../../lib/fmc';
import { BrowserSessionTokenStore, sessionKey } from '../../lib/fmc/session-storage';

const store = new BrowserSessionTokenStore();

/** The API session of an FMC (tokens in storage.session), live across the extension's pages. */
export function useFmcSession(
  origin: string,
): [StoredSession | null | undefined, (s: StoredSession | null) => void] {
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);
  useEffect(() => {
    const refresh = () => store.load(origin).then((loaded) => setSession(loaded ?? null));
    void refresh();
    // Only this FMC's tokens: a running diagnosis writes its progress to storage.session several times a second.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && sessionKey(origin) in changes) void refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [origin]);
  return [session, useCallback((next: StoredSession | null) => setSession(next), [])];
}

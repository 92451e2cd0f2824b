import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredSession } from '../../lib/fmc';
import { BrowserSessionTokenStore } from '../../lib/fmc/session-storage';

const store = new BrowserSessionTokenStore();

/** The API session of an FMC (tokens in storage.session), live across the extension's pages. */
export function useFmcSession(
  origin: string,
): [StoredSession | null | undefined, (s: StoredSession | null) => void] {
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);
  useEffect(() => {
    const refresh = () => store.load(origin).then((loaded) => setSession(loaded ?? null));
    void refresh();
    const listener = (_changes: unknown, area: string) => {
      if (area === 'session') void refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [origin]);
  return [session, useCallback((next: StoredSession | null) => setSession(next), [])];
}

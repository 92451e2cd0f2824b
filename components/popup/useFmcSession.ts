import { useCallback, useEffect, useState } from 'preact/hooks';
import type { StoredSession } from '../../lib/fmc';
import { STORAGE } from '../../lib/platform/storage';

/** The API session of an FMC (tokens in storage.session), live across the extension's pages. */
export function useFmcSession(
  origin: string,
): [StoredSession | null | undefined, (s: StoredSession | null) => void] {
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);
  useEffect(() => {
    const tokens = STORAGE.tokens(origin);
    void tokens.read().then((loaded) => setSession(loaded ?? null));
    // Only this FMC's tokens: a running diagnosis writes its progress to storage.session several times a second.
    return tokens.watch((changed) => setSession(changed ?? null));
  }, [origin]);
  return [session, useCallback((next: StoredSession | null) => setSession(next), [])];
}

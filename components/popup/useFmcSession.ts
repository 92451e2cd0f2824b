import { useCallback } from 'preact/hooks';
import type { StoredSession } from '../../lib/fmc';
import { STORAGE } from '../../lib/platform/storage';
import { useStored } from '../common/useStored';

/**
 * The API session of an FMC (tokens in storage.session), live across the extension's pages: undefined while
 * reading, null when there is none. Only this FMC's tokens are followed: a running diagnosis writes its
 * progress to storage.session several times a second. The setter shows a session this page just got or ended.
 */
export function useFmcSession(
  origin: string,
): [StoredSession | null | undefined, (s: StoredSession | null) => void] {
  const [{ loaded, value }, set] = useStored(STORAGE.tokens(origin));
  const setSession = useCallback((next: StoredSession | null) => set(next ?? undefined), [set]);
  return [loaded ? (value ?? null) : undefined, setSession];
}

import { STORAGE } from '../../lib/platform/storage';
import type { WatchEntry } from '../../lib/protocol/watch';
import { useStored } from '../common/useStored';

const NONE: Record<string, WatchEntry> = {};

/** The devices of an FMC being watched until their alert clears (storage.session), kept current. */
export function useWatches(origin: string): Record<string, WatchEntry> {
  const [{ value }] = useStored(STORAGE.watches(origin));
  return value ?? NONE;
}

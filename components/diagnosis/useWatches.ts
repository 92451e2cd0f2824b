import { useEffect, useState } from 'preact/hooks';
import { STORAGE, type WatchEntry } from '../../lib/platform/storage';

/** The devices of an FMC being watched until their alert clears (storage.session), kept current. */
export function useWatches(origin: string): Record<string, WatchEntry> {
  const [watches, setWatches] = useState<Record<string, WatchEntry>>({});
  useEffect(() => {
    let live = true;
    let changed = false;
    const item = STORAGE.watches(origin);
    const stop = item.watch((value) => {
      changed = true;
      if (live) setWatches(value);
    });
    item.read().then(
      (value) => live && !changed && setWatches(value),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [origin]);
  return watches;
}

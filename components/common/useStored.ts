import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** What a page can follow: a `STORAGE` item (`lib/platform/storage.ts`) or anything read and watched alike. */
export interface Followed<T> {
  /** Names the value: the hook starts again when it changes (a `STORAGE` item's storage key). */
  readonly key: string;
  read(): Promise<T>;
  /** Calls back with each new value; returns the function that stops it. */
  watch(onChange: (value: T) => void): () => void;
}

export interface Stored<T> {
  /** False until the first read answered, or a change arrived first. */
  loaded: boolean;
  /** The value; undefined until loaded, and when the read failed (what cannot be read reads as absent). */
  value: T | undefined;
}

/**
 * A stored value, read once then kept current by its change notifications, for as long as the component
 * shows it. The watch starts before the read: a change that arrives while the read is under way is newer than
 * what the read returns, so once a change (or `set`) has given a value the read's answer is dropped, however
 * late it comes. `set` shows a value this page just wrote (a sign-in) without waiting for its notification.
 */
export function useStored<T>(source: Followed<T>): [Stored<T>, (value: T) => void] {
  const { key } = source;
  // What was loaded, and for which key: a value of another key (the page moved to another FMC) is not shown.
  const [stored, setStored] = useState<{ key: string; value: T | undefined } | null>(null);
  // The source as of this render: the effect depends on its key, not on the object's identity.
  const current = useRef(source);
  current.current = source;
  // Set once a change or a `set` has given a value for the current key: the first read is then stale.
  const changed = useRef(false);

  useEffect(() => {
    let live = true;
    changed.current = false;
    const followed = current.current;
    const stop = followed.watch((value) => {
      changed.current = true;
      if (live) setStored({ key, value });
    });
    followed.read().then(
      (value) => {
        if (live && !changed.current) setStored({ key, value });
      },
      () => {
        if (live && !changed.current) setStored({ key, value: undefined });
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, [key]);

  const set = useCallback(
    (value: T) => {
      changed.current = true;
      setStored({ key, value });
    },
    [key],
  );
  const loaded = stored?.key === key;
  return [{ loaded, value: loaded ? stored.value : undefined }, set];
}

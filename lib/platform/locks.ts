/**
 * Named locks shared by every context of the extension: the Web Locks API is scoped to the extension's
 * origin, so the service worker, the popup and the report page all see the same locks, and a lock is released
 * by the browser when the context holding it goes away (a closed page, a stopped worker). Where the API is
 * missing (unit tests under Node) a lock is local to the process, which is all a single context needs.
 * Spec: https://w3c.github.io/web-locks/ (Chromium 69+, Firefox 96+).
 */
export interface Locks {
  /** Runs `task` holding `name`; with `ifAvailable`, runs it at once with `held` false when someone holds it. */
  request<T>(
    name: string,
    options: { ifAvailable?: boolean },
    task: (held: boolean) => Promise<T>,
  ): Promise<T>;
  /** Whether some context holds `name` now. */
  isHeld(name: string): Promise<boolean>;
}

interface WebLockManager {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

export function webLocks(manager: WebLockManager): Locks {
  return {
    request: (name, options, task) => manager.request(name, options, (lock) => task(lock !== null)),
    isHeld: async (name) => ((await manager.query()).held ?? []).some((lock) => lock.name === name),
  };
}

export function memoryLocks(): Locks {
  const queues = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  return {
    async request(name, options, task) {
      if (options.ifAvailable && (held.has(name) || queues.has(name))) return task(false);
      const before = queues.get(name) ?? Promise.resolve();
      const run = before.then(async () => {
        held.add(name);
        try {
          return await task(true);
        } finally {
          held.delete(name);
        }
      });
      const tail = run.catch(() => undefined);
      queues.set(name, tail);
      void tail.then(() => {
        if (queues.get(name) === tail) queues.delete(name);
      });
      return run;
    },
    isHeld: async (name) => held.has(name),
  };
}

const manager = (globalThis.navigator as { locks?: WebLockManager } | undefined)?.locks;

/** The extension's locks: the browser's, or a process-local stand-in. */
export const locks: Locks = manager ? webLocks(manager) : memoryLocks();

/** The lock a diagnosis of `origin` holds while it runs: one run per FMC across the extension. */
export const diagnosisLock = (origin: string) => `fmc-diagnosis:${origin}`;
/** The lock a token renewal of `origin` holds: one renewal at a time across the extension. */
export const tokenLock = (origin: string) => `fmc-token:${origin}`;

import { useEffect, useState } from 'preact/hooks';
import { markIfInterrupted } from '../../lib/features/diagnosis-run';
import {
  type DiagnosisState,
  readDiagnosisState,
  watchDiagnosisState,
} from '../../lib/platform/diagnosis-store';

/** How often a page checks that a run it shows as running is still held by someone. */
const ALIVE_CHECK_MS = 2_000;

/**
 * This FMC's diagnosis as storage.session holds it, kept current: whoever runs it (this page, or the
 * background for the popup) writes there, and every page sees the same state. While it says "running", the
 * run's lock is checked every few seconds: a run whose worker or page went away shows as interrupted instead
 * of running forever.
 */
export function useDiagnosisState(origin: string): { loaded: boolean; state: DiagnosisState | undefined } {
  const [value, setValue] = useState<{ loaded: boolean; state: DiagnosisState | undefined }>({
    loaded: false,
    state: undefined,
  });
  useEffect(() => {
    let live = true;
    let changed = false;
    const stop = watchDiagnosisState(origin, (state) => {
      changed = true;
      if (live) setValue({ loaded: true, state });
    });
    readDiagnosisState(origin).then(
      (state) => {
        // A change seen while the first read was under way is newer than what the read returns.
        if (live && !changed) setValue({ loaded: true, state });
      },
      () => live && !changed && setValue({ loaded: true, state: undefined }),
    );
    return () => {
      live = false;
      stop();
    };
  }, [origin]);

  const running = value.state?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      // The change, if any, comes back through the watch above.
      markIfInterrupted(origin).catch(() => undefined);
    }, ALIVE_CHECK_MS);
    return () => clearInterval(timer);
  }, [origin, running]);
  return value;
}

import { useEffect } from 'preact/hooks';
import { markIfInterrupted } from '../../lib/features/diagnosis-run';
import { STORAGE } from '../../lib/platform/storage';
import type { DiagnosisState } from '../../lib/protocol/diagnosis-state';
import { useStored } from '../common/useStored';

/** How often a page checks that a run it shows as running is still held by someone. */
const ALIVE_CHECK_MS = 2_000;

/**
 * This FMC's diagnosis as storage.session holds it (`STORAGE.diagnosis`), kept current: whoever runs it (this
 * page, or the background for the popup) writes there, and every page sees the same state. While it says
 * "running", the run's lock is checked every few seconds: a run whose worker or page went away shows as
 * interrupted instead of running forever.
 */
export function useDiagnosisState(origin: string): { loaded: boolean; state: DiagnosisState | undefined } {
  const [{ loaded, value: state }] = useStored(STORAGE.diagnosis(origin));

  const running = state?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      // The change, if any, comes back through the watch of `useStored`.
      markIfInterrupted(origin).catch(() => undefined);
    }, ALIVE_CHECK_MS);
    return () => clearInterval(timer);
  }, [origin, running]);
  return { loaded, state };
}

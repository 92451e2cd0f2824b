import { useEffect, useState } from 'preact/hooks';
import type { DiagnosisState } from '../../lib/platform/diagnosis-store';

/**
 * A run owned by another page (or by this page before a reload) that has written nothing for `ms`: its page
 * may be gone, and the state would say "running" forever. Progress is written at least every request, and the
 * longest silence of a live run is a 60 s back-off after a 429, so the default waits longer than that.
 */
export function useStale(state: DiagnosisState | undefined, ownRun: boolean, ms = 90_000): boolean {
  const [stale, setStale] = useState(false);
  useEffect(() => {
    setStale(false);
    if (state?.status !== 'running' || ownRun) return;
    const timer = setTimeout(() => setStale(true), ms);
    return () => clearTimeout(timer);
  }, [state, ownRun, ms]);
  return stale;
}

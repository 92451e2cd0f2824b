import { useCallback, useRef, useState } from 'preact/hooks';
import { cancelDiagnosis, startDiagnosis } from '../../lib/features/diagnosis-run';

/**
 * Runs the diagnosis in this page, so it goes on when the popup closes. `ownRun` is true while a start of this
 * page is under way (a start that joins a run going elsewhere ends at once): only this page's run can be
 * cancelled from here. A second start while one is under way does nothing.
 */
export function useRunner(origin: string): { ownRun: boolean; start(): void; cancel(): void } {
  // Starts of this page under way; read synchronously, so two calls in one task cannot both start.
  const pending = useRef(0);
  const [ownRun, setOwnRun] = useState(false);
  const start = useCallback(() => {
    // Sign-in and the page's own first look may both ask: one start is enough.
    if (pending.current > 0) return;
    pending.current++;
    setOwnRun(true);
    // startDiagnosis records its own failures in the state; a failure to write storage has nowhere to go.
    startDiagnosis(origin, { runner: 'page' })
      .catch((error: unknown) => console.error('[report] diagnosis', error))
      .finally(() => {
        pending.current--;
        setOwnRun(pending.current > 0);
      });
  }, [origin]);
  const cancel = useCallback(() => cancelDiagnosis(origin), [origin]);
  return { ownRun, start, cancel };
}

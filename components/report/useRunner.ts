import { useCallback, useState } from 'preact/hooks';
import { cancelDiagnosis, isDiagnosing, startDiagnosis } from '../../lib/platform/diagnosis-runner';

/**
 * Runs the diagnosis in this page, so it goes on when the popup closes. `ownRun` is true while this page's
 * run is going: only that run can be cancelled from here.
 */
export function useRunner(origin: string): { ownRun: boolean; start(): void; cancel(): void } {
  const [ownRun, setOwnRun] = useState(false);
  const start = useCallback(() => {
    if (isDiagnosing(origin)) return;
    setOwnRun(true);
    // startDiagnosis records its own failures in the state; a failure to write storage has nowhere to go.
    startDiagnosis(origin)
      .catch((error: unknown) => console.error('[report] diagnosis', error))
      .finally(() => setOwnRun(false));
  }, [origin]);
  const cancel = useCallback(() => cancelDiagnosis(origin), [origin]);
  return { ownRun, start, cancel };
}

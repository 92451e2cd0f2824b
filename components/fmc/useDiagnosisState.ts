import { useEffect, useState } from 'preact/hooks';
import {
  type DiagnosisState,
  readDiagnosisState,
  watchDiagnosisState,
} from '../../lib/platform/diagnosis-store';

/**
 * This FMC's diagnosis as storage.session holds it, kept current: whoever runs it (this page, or the
 * background for the popup) writes there, and every page sees the same state.
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
  return value;
}

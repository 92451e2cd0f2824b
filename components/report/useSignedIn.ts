import { useCallback, useEffect, useState } from 'preact/hooks';
import { fmcClientFor } from '../../lib/features/fmc-client';
import type { DiagnosisState } from '../../lib/protocol/diagnosis-state';

/**
 * Whether storage.session holds tokens for this FMC (undefined while reading). Read again whenever the
 * diagnosis changes state: a run that finds the session over clears the tokens, and another page may have
 * signed in.
 */
export function useSignedIn(
  origin: string,
  status: DiagnosisState['status'] | undefined,
): { signedIn: boolean | undefined; setSignedIn(value: boolean): void } {
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  // `status` is the trigger: the tokens are read again each time the run's state changes (a run that finds the
  // session over clears them before it says so).
  useEffect(() => {
    let live = true;
    fmcClientFor(origin)
      .then((client) => client.session.restore())
      .then(
        (session) => live && setSignedIn(session !== undefined),
        () => live && setSignedIn(false),
      );
    return () => {
      live = false;
    };
  }, [origin, status]);
  return { signedIn, setSignedIn: useCallback((value: boolean) => setSignedIn(value), []) };
}

import { useEffect, useState } from 'preact/hooks';
import { patternForUrl } from '../../lib/origins';
import { hasOrigin, onPermissionsChanged } from '../../lib/platform/permissions';

/**
 * Whether the extension holds the host permission for this FMC (undefined while asking). Without it the
 * browser hides the FMC's answers and the sign-in would fail with a misleading network error.
 */
export function useHostAccess(origin: string): boolean | undefined {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    const pattern = patternForUrl(origin);
    if (!pattern) {
      setGranted(false);
      return;
    }
    let live = true;
    const refresh = () =>
      hasOrigin(pattern).then(
        (value) => live && setGranted(value),
        () => live && setGranted(false),
      );
    void refresh();
    const stop = onPermissionsChanged(() => void refresh());
    return () => {
      live = false;
      stop();
    };
  }, [origin]);
  return granted;
}

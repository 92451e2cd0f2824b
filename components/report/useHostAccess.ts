import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { patternForUrl } from '../../lib/origins';

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
      browser.permissions.contains({ origins: [pattern] }).then(
        (value) => live && setGranted(value),
        () => live && setGranted(false),
      );
    void refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [origin]);
  return granted;
}

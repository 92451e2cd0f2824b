import { type Inputs, useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * Runs `refresh` now, again whenever `deps` change, and on every grant or revocation of the extension's
 * permissions, from anywhere (even the browser's UI); stops listening on unmount.
 */
export function usePermissionsChanged(refresh: () => unknown, deps: Inputs): void {
  useEffect(() => {
    const listener = () => void refresh();
    listener();
    browser.permissions.onAdded.addListener(listener);
    browser.permissions.onRemoved.addListener(listener);
    return () => {
      browser.permissions.onAdded.removeListener(listener);
      browser.permissions.onRemoved.removeListener(listener);
    };
  }, deps);
}

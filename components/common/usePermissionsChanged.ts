import { type Inputs, useEffect } from 'preact/hooks';
import { onPermissionsChanged } from '../../lib/platform/permissions';

/**
 * Runs `refresh` now, again whenever `deps` change, and on every grant or revocation of the extension's
 * permissions, from anywhere (even the browser's UI); stops listening on unmount.
 */
export function usePermissionsChanged(refresh: () => unknown, deps: Inputs): void {
  useEffect(() => {
    void refresh();
    return onPermissionsChanged(() => void refresh());
  }, deps);
}

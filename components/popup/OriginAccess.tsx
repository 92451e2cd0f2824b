import { useState } from 'preact/hooks';
import { labelForPattern } from '../../lib/origins';
import { hasOrigin, removeOrigin, requestOrigin } from '../../lib/platform/permissions';
import { usePermissionsChanged } from '../common/usePermissionsChanged';
import { t } from '../i18n';
import { useInitialFocus } from './initial-focus';

export interface OriginAccess {
  /** undefined while the browser answers. */
  enabled: boolean | undefined;
  enable(): void;
  disable(): void;
  denied: boolean;
  removeFailed: boolean;
}

/**
 * Whether the extension may work on this FMC, and the clicks that change it: Enable in the popup's body, Disable
 * in its menu (issue 19). Follows the browser's own settings too (`usePermissionsChanged`).
 */
export function useOriginAccess(pattern: string): OriginAccess {
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  const [denied, setDenied] = useState(false);
  const [removeFailed, setRemoveFailed] = useState(false);

  usePermissionsChanged(() => hasOrigin(pattern).then(setEnabled), [pattern]);

  const enable = () => {
    // permissions.request must run in the click's own task: it needs the user gesture.
    requestOrigin(pattern).then(
      (granted) => {
        setDenied(!granted);
        setEnabled(granted);
      },
      () => setDenied(true),
    );
  };
  const disable = () => {
    // Fails for an origin the installation itself granted (managed or test builds).
    removeOrigin(pattern).then(
      (removed) => (removed ? setEnabled(false) : setRemoveFailed(true)),
      () => setRemoveFailed(true),
    );
  };
  return { enabled, enable, disable, denied, removeFailed };
}

/** The access state in words, and Enable when the FMC is not enabled (the popup's first useful control then). */
export function OriginState({ pattern, access }: { pattern: string; access: OriginAccess }) {
  const { enabled, denied, removeFailed } = access;
  const enableButton = useInitialFocus<HTMLButtonElement>(enabled === false);
  if (enabled === undefined) return null;
  const label = labelForPattern(pattern);
  return (
    <section aria-labelledby="access-heading">
      <p id="access-heading" data-testid="origin-state">
        <span class={`state ${enabled ? 'ok' : 'muted'}`}>
          {enabled ? t('popupEnabled', label) : t('popupDisabled', label)}
        </span>
      </p>
      {!enabled && (
        <>
          <p class="muted">{t('popupEnableExplain')}</p>
          <button type="button" class="primary" ref={enableButton} onClick={access.enable}>
            {t('popupEnable')}
          </button>
        </>
      )}
      {removeFailed && (
        <p class="error" role="alert">
          {t('popupDisableFailed')}
        </p>
      )}
      {denied && (
        <p class="error" role="alert">
          {t('popupEnableDenied')}
        </p>
      )}
    </section>
  );
}

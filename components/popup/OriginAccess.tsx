import { useEffect, useState } from 'preact/hooks';
import { labelForPattern } from '../../lib/origins';
import { hasOrigin, removeOrigin, requestOrigin } from '../../lib/platform/permissions';
import { usePermissionsChanged } from '../common/usePermissionsChanged';
import { t } from '../i18n';

/** Whether the extension may work on this FMC, and the one click that changes it. */
export function OriginAccess({ pattern, onChange }: { pattern: string; onChange(enabled: boolean): void }) {
  const [enabled, setEnabled] = useState<boolean | undefined>(undefined);
  const [denied, setDenied] = useState(false);
  const [removeFailed, setRemoveFailed] = useState(false);
  const label = labelForPattern(pattern);

  usePermissionsChanged(() => hasOrigin(pattern).then(setEnabled), [pattern]);

  useEffect(() => {
    if (enabled !== undefined) onChange(enabled);
  }, [enabled, onChange]);

  if (enabled === undefined) return null;
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

  return (
    <section aria-labelledby="access-heading">
      <p id="access-heading" data-testid="origin-state">
        <span class={`state ${enabled ? 'ok' : 'muted'}`}>
          {enabled ? t('popupEnabled', label) : t('popupDisabled', label)}
        </span>
      </p>
      {enabled ? (
        <button type="button" onClick={disable}>
          {t('popupDisable')}
        </button>
      ) : (
        <>
          <p class="muted">{t('popupEnableExplain')}</p>
          <button type="button" class="primary" onClick={enable}>
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

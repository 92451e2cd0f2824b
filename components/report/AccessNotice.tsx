import { useState } from 'preact/hooks';
import { doorOf } from '../../lib/fmc/doors';
import { patternForUrl } from '../../lib/origins';
import { requestOrigin } from '../../lib/platform/permissions';
import { t } from '../i18n';

/** The FMC is not enabled yet: one click asks the browser for access to it (it needs the user's gesture). */
export function AccessNotice({ origin }: { origin: string }) {
  const [denied, setDenied] = useState(false);
  const pattern = patternForUrl(origin);
  const request = () => {
    if (!pattern) return;
    // In the click's own task: the request needs the user gesture.
    requestOrigin(pattern).then(
      (granted) => setDenied(!granted),
      () => setDenied(true),
    );
  };
  return (
    <div class="fmc-notice">
      <p>{t('reportNoAccess', origin)}</p>
      <button type="button" class="primary" onClick={request}>
        {/* A gateway or an older SCC base serves the cdFMC's API but is not an FMC (issue 20). */}
        {doorOf(origin)?.prefix ? t('reportAllowSccAccess') : t('reportAllowAccess')}
      </button>
      {denied && (
        <p role="alert" class="error">
          {t('reportAccessDenied')}
        </p>
      )}
    </div>
  );
}

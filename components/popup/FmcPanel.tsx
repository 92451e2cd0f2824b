import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { fmcClientFor } from '../../lib/features/fmc-client';
import type { Lang } from '../../lib/i18n';
import { askBackground } from '../../lib/platform/messaging';
import { reportPath } from '../../lib/protocol/report-url';
import { DomainPicker } from '../diagnosis/DomainPicker';
import { ErrorNotice } from '../diagnosis/ErrorNotice';
import { IncompleteNotice } from '../diagnosis/IncompleteNotice';
import { IntegrationSummary } from '../diagnosis/IntegrationSummary';
import { ProgressBar } from '../diagnosis/ProgressBar';
import { SignInForm } from '../diagnosis/SignInForm';
import { useDiagnosisState } from '../diagnosis/useDiagnosisState';
import { DnsPanel } from '../dns/DnsPanel';
import { t } from '../i18n';
import { FailingDevices, PausedWatches } from './FailingDevices';
import { useFmcSession } from './useFmcSession';
import { usePageInfo } from './usePageInfo';

const diagnose = (origin: string) => askBackground({ type: 'diagnose', origin }).catch(() => undefined);

/**
 * The FMC half of the popup: sign in with the API user, then the cached diagnosis at once and a fresh one in
 * the background (the background runs it, so closing the popup does not stop it).
 */
export function FmcPanel({
  tabId,
  origin,
  lang,
  enabled,
}: {
  tabId: number;
  origin: string;
  lang: Lang;
  enabled: boolean;
}) {
  const [session, setSession] = useFmcSession(origin);
  const { state } = useDiagnosisState(origin);
  const page = usePageInfo(tabId, origin);
  const refreshed = useRef(false);

  useEffect(() => {
    // One refresh per popup opening, once the session is known; the background joins a run already going.
    if (enabled && session && !refreshed.current) {
      refreshed.current = true;
      void diagnose(origin);
    }
  }, [enabled, session, origin]);

  if (!enabled || session === undefined) return null;
  if (session === null || state?.status === 'signed-out') {
    return (
      <>
        <PausedWatches origin={origin} />
        <SignInForm
          origin={origin}
          loggedInUiUser={page?.user ?? null}
          onSignedIn={(signedIn) => {
            setSession(signedIn);
            refreshed.current = true;
            void diagnose(origin);
          }}
        />
      </>
    );
  }

  const diagnosis = state?.diagnosis;
  return (
    <section aria-labelledby="fmc-heading" data-testid="fmc-panel">
      <h2 id="fmc-heading">{t('popupDiagnosisHeading')}</h2>
      <div class="row">
        <DomainPicker origin={origin} onChange={() => void diagnose(origin)} />
        <button
          type="button"
          onClick={() =>
            browser.tabs.create({
              url: browser.runtime.getURL(reportPath(origin)),
            })
          }
        >
          {t('popupOpenReport')}
        </button>
        <button
          type="button"
          onClick={async () => {
            await (await fmcClientFor(origin)).signOut();
            setSession(null);
          }}
        >
          {t('popupSignOut')}
        </button>
      </div>
      {state?.status === 'running' && state.progress && <ProgressBar progress={state.progress} />}
      {state?.status === 'error' && state.error && <ErrorNotice error={state.error} lang={lang} />}
      {state?.status === 'interrupted' && (
        <div class="fmc-notice" role="status" data-testid="interrupted">
          <p>{t('fmcInterrupted')}</p>
          <button type="button" class="primary" onClick={() => void diagnose(origin)}>
            {t('popupRunAgain')}
          </button>
        </div>
      )}
      {diagnosis ? (
        <>
          <IncompleteNotice diagnosis={diagnosis} lang={lang} />
          <IntegrationSummary diagnosis={diagnosis} lang={lang} healthPolicyUrl={page?.healthPolicy.url} />
          <FailingDevices diagnosis={diagnosis} origin={origin} lang={lang} />
          <DnsPanel regionHost={diagnosis.integration.sseHost} lang={lang} />
        </>
      ) : (
        state?.status !== 'error' && <p class="muted">{t('popupDiagnosing')}</p>
      )}
    </section>
  );
}

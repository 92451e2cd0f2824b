import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredSession } from '../../lib/fmc';
import type { Lang } from '../../lib/i18n';
import { askBackground } from '../../lib/platform/messaging';
import { diagnosedAtOf, isStale } from '../../lib/protocol/diagnosis-state';
import { reportPath } from '../../lib/protocol/report-url';
import { clock } from '../common/clock';
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
import { useInitialFocus } from './initial-focus';
import { usePageInfo } from './usePageInfo';

const diagnose = (origin: string) => askBackground({ type: 'diagnose', origin }).catch(() => undefined);

/**
 * The FMC half of the popup: sign in with the API user, then the stored diagnosis at once, "as of" its time,
 * with Refresh (issue 19). A new run starts by itself only when the stored one is stale (`isStale`: older than
 * `DIAGNOSIS_FRESH_MS`, or of another domain): opening the popup twice within the window asks the FMC once. The
 * background runs it, so closing the popup does not stop it.
 */
export function FmcPanel({
  tabId,
  origin,
  lang,
  enabled,
  session,
  setSession,
}: {
  tabId: number;
  origin: string;
  lang: Lang;
  enabled: boolean;
  session: StoredSession | null | undefined;
  setSession(session: StoredSession | null): void;
}) {
  const { loaded, state } = useDiagnosisState(origin);
  const page = usePageInfo(tabId, origin);
  const decided = useRef(false);
  // What this opening did, for the tests (`data-auto-run`): "yes" ran the diagnosis (stale, or a sign-in), "no"
  // kept the stored one.
  const [autoRun, setAutoRun] = useState<'yes' | 'no' | undefined>(undefined);

  useEffect(() => {
    // Decided once per popup opening, on the stored state as it was when the popup opened.
    if (!enabled || !session || !loaded || decided.current) return;
    decided.current = true;
    const otherDomain =
      state?.diagnosis !== undefined && state.diagnosis.fmc.domain.uuid !== session.domainUuid;
    const run = otherDomain || isStale(state, Date.now());
    setAutoRun(run ? 'yes' : 'no');
    if (run) void diagnose(origin);
  }, [enabled, session, loaded, state, origin]);

  const signingIn = enabled && (session === null || state?.status === 'signed-out');
  const focusSignIn = useInitialFocus<HTMLDivElement>(signingIn);

  if (!enabled || session === undefined) return null;
  if (signingIn) {
    return (
      <>
        <PausedWatches origin={origin} />
        <div ref={focusSignIn}>
          <SignInForm
            origin={origin}
            loggedInUiUser={page?.user ?? null}
            onSignedIn={(signedIn) => {
              setSession(signedIn);
              // A sign-in always runs the diagnosis (its result is for the session just opened).
              decided.current = true;
              setAutoRun('yes');
              void diagnose(origin);
            }}
          />
        </div>
      </>
    );
  }

  const diagnosis = state?.diagnosis;
  const running = state?.status === 'running';
  return (
    <section aria-labelledby="fmc-heading" data-testid="fmc-panel" data-auto-run={autoRun}>
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
      </div>
      <AsOf
        at={diagnosedAtOf(state)}
        running={running}
        lang={lang}
        focus={!!diagnosis && !running && !diagnosis.devices.some((device) => device.verdict !== 'healthy')}
        onRefresh={() => void diagnose(origin)}
      />
      {running && state.progress && <ProgressBar progress={state.progress} runKey={state.startedAt} />}
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
          <FailingDevices
            diagnosis={diagnosis}
            origin={origin}
            lang={lang}
            healthPolicyUrl={page?.healthPolicy.url}
          />
          <DnsPanel regionHost={diagnosis.integration.sseHost} lang={lang} />
        </>
      ) : (
        state?.status !== 'error' && <p class="muted">{t('popupDiagnosing')}</p>
      )}
    </section>
  );
}

/** "As of 11:12" (the stored diagnosis's time, in the UI's language) and Refresh, disabled while a run goes. */
function AsOf({
  at,
  running,
  lang,
  focus,
  onRefresh,
}: {
  at: number | undefined;
  running: boolean;
  lang: Lang;
  focus: boolean;
  onRefresh(): void;
}) {
  const refresh = useInitialFocus<HTMLButtonElement>(focus);
  return (
    <div class="row as-of">
      {at !== undefined && (
        <span class="muted" data-testid="as-of" data-at={String(at)}>
          {t('popupAsOf', clock(at, lang))}
        </span>
      )}
      <button type="button" class="icon-text" ref={refresh} disabled={running} onClick={onRefresh}>
        <span aria-hidden="true">↻</span> {t('popupRefresh')}
      </button>
    </div>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { formatFmcMessage } from '../../lib/fmc/error-text';
import type { Lang } from '../../lib/i18n';
import type { DiagnosisState } from '../../lib/protocol/diagnosis-state';
import { DomainPicker } from '../diagnosis/DomainPicker';
import { type DiagnosisError, ErrorNotice } from '../diagnosis/ErrorNotice';
import { IncompleteNotice } from '../diagnosis/IncompleteNotice';
import { ProgressBar } from '../diagnosis/ProgressBar';
import { SignInForm } from '../diagnosis/SignInForm';
import { useDiagnosisState } from '../diagnosis/useDiagnosisState';
import { currentLang, t } from '../i18n';
import { AccessNotice } from './AccessNotice';
import { ExportButtons } from './ExportButtons';
import { FleetView } from './FleetView';
import { useHostAccess } from './useHostAccess';
import { useRunner } from './useRunner';
import { useSignedIn } from './useSignedIn';
import './report.css';

const SESSION_ENDED: DiagnosisError = {
  code: 'sign-in-required',
  message: {
    en: formatFmcMessage('sign-in-required', {}, 'en'),
    fr: formatFmcMessage('sign-in-required', {}, 'fr'),
  },
};

/**
 * The full-page report of one FMC. It runs the diagnosis itself (so closing the popup stops nothing) and
 * renders whatever storage.session says about it, which also shows runs the popup started.
 */
export function Report({ origin }: { origin: string }) {
  const lang = currentLang();
  const access = useHostAccess(origin);
  const { loaded, state } = useDiagnosisState(origin);
  const runner = useRunner(origin);
  const { signedIn, setSignedIn } = useSignedIn(origin, state?.status);
  const { start } = runner;

  // Opened signed in, with nothing diagnosed yet in this browser session: diagnose at once, once.
  const startedAtOnce = useRef(false);
  useEffect(() => {
    if (!access || !signedIn || !loaded || startedAtOnce.current) return;
    if (state) return;
    startedAtOnce.current = true;
    start();
  }, [access, signedIn, loaded, state, start]);

  return (
    <main class="report">
      <header class="report-head">
        <h1>{t('reportHeading')}</h1>
        <p class="origin">{origin}</p>
      </header>
      {access === false ? (
        <AccessNotice origin={origin} />
      ) : access === undefined || signedIn === undefined || !loaded ? (
        <p class="muted">{t('reportLoading')}</p>
      ) : !signedIn ? (
        <>
          {state?.status === 'signed-out' && <ErrorNotice error={SESSION_ENDED} lang={lang} />}
          <SignInForm
            origin={origin}
            loggedInUiUser={null}
            onSignedIn={() => {
              setSignedIn(true);
              start();
            }}
          />
        </>
      ) : (
        <SignedIn
          origin={origin}
          lang={lang}
          state={state}
          runner={runner}
          onSignedOut={() => setSignedIn(false)}
        />
      )}
    </main>
  );
}

interface SignedInProps {
  origin: string;
  lang: Lang;
  state: DiagnosisState | undefined;
  runner: ReturnType<typeof useRunner>;
  onSignedOut(): void;
}

function SignedIn({ origin, lang, state, runner, onSignedOut }: SignedInProps) {
  const runAgain = useRef<HTMLButtonElement>(null);
  const running = runner.ownRun || state?.status === 'running';
  // Between "Run again" and the run's first write the store still says done: that result is already the past.
  const done = state?.status === 'done' && !running;
  const diagnosis = state?.diagnosis;

  // The Cancel button goes away when the run has stopped; the focus then goes where the next action is.
  const refocus = useRef(false);
  useEffect(() => {
    if (running || !refocus.current) return;
    refocus.current = false;
    runAgain.current?.focus();
  }, [running]);
  const cancel = () => {
    refocus.current = true;
    runner.cancel();
  };
  const signOut = async () => {
    runner.cancel();
    await (await fmcClientFor(origin)).signOut();
    onSignedOut();
  };

  return (
    <>
      <section class="toolbar" aria-label={t('reportActions')}>
        <fieldset class="inline" disabled={running}>
          <DomainPicker origin={origin} onChange={() => runner.start()} />
        </fieldset>
        <button type="button" ref={runAgain} disabled={running} onClick={() => runner.start()}>
          {t('reportRunAgain')}
        </button>
        {runner.ownRun && (
          <button type="button" onClick={cancel}>
            {t('reportCancel')}
          </button>
        )}
        <ExportButtons
          origin={origin}
          diagnosis={done ? diagnosis : undefined}
          finishedAt={state?.finishedAt}
          lang={lang}
        />
        <button type="button" class="sign-out" onClick={() => void signOut()}>
          {t('reportSignOut')}
        </button>
      </section>

      {running && (
        <ProgressBar
          progress={state?.progress ?? { done: 0, expected: 0, etaMs: 0 }}
          {...(state?.status === 'running' ? { runKey: state.startedAt } : {})}
        />
      )}
      {state?.status === 'interrupted' && (
        <p class="fmc-notice" role="status" data-testid="interrupted">
          {t('fmcInterrupted')}
        </p>
      )}
      {state?.status === 'error' && state.error && <ErrorNotice error={state.error} lang={lang} />}
      {done && state?.finishedAt && (
        <p class="muted" role="status">
          {t('reportFinished', new Date(state.finishedAt).toLocaleTimeString(lang))}
        </p>
      )}
      {diagnosis && !done && <p class="muted">{t('reportPrevious')}</p>}
      {diagnosis && <IncompleteNotice diagnosis={diagnosis} lang={lang} />}
      {diagnosis && <FleetView diagnosis={diagnosis} origin={origin} lang={lang} />}
    </>
  );
}

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { FmcError } from '../../lib/fmc/errors';
import type { StoredSession } from '../../lib/fmc/session';
import type { Lang } from '../../lib/i18n';
import { isPlainHttpRemote } from '../../lib/origins';
import { readRememberedUsername, writeRememberedUsername } from '../../lib/platform/storage';
import { currentLang, t } from '../i18n';
import './diagnosis.css';

/** Cisco's FMC REST API Quick Start Guide, where it warns against sharing a user with the web interface. */
export const QSG_URL =
  'https://www.cisco.com/c/en/us/td/docs/security/firepower/623/api/REST/Firepower_Management_Center_REST_API_Quick_Start_Guide_623/Objects_in_the_REST_API.html';

export interface SignInFormProps {
  origin: string;
  /** The user the FMC page shows as logged in to its web interface; null or undefined when unknown. */
  loggedInUiUser?: string | null;
  onSignedIn(session: StoredSession): void;
}

/**
 * Sign-in to an FMC's REST API with a dedicated API user. The FMC logs a web session out without warning when
 * the same user signs in to the API, so signing in as the user of the open FMC page needs a confirmation.
 * The user name is remembered per FMC; the password only lives in this form until the attempt ends.
 */
export function SignInForm({ origin, loggedInUiUser, onSignedIn }: SignInFormProps) {
  const lang = currentLang();
  const ids = {
    heading: useId(),
    user: useId(),
    password: useId(),
    confirm: useId(),
    warning: useId(),
    http: useId(),
  };
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const plainHttp = isPlainHttpRemote(origin);
  const [httpConsent, setHttpConsent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const typed = useRef(false);
  const userInput = useRef<HTMLInputElement>(null);
  const continueButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    readRememberedUsername(origin).then(
      (name) => {
        // Never overwrite what the user started typing while storage answered.
        if (live && name && !typed.current) setUsername(name);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [origin]);

  const sameAsUi = !!loggedInUiUser && loggedInUiUser.trim().toLowerCase() === username.trim().toLowerCase();

  useEffect(() => {
    if (confirming) continueButton.current?.focus();
  }, [confirming]);

  const attempt = async () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    const name = username.trim();
    try {
      const client = await fmcClientFor(origin);
      // This page's one client of the FMC (fmcClientFor), kept as long as the page: what the page does next with
      // the FMC (a run, a re-check, the domain, the sign-out) goes through it; other pages and the worker use the
      // tokens it stores. It keeps no password: once the token refreshes are spent the user is asked to sign in
      // again, never signed in silently, and the password lives only in this form until the attempt ends.
      const session = await client.signIn(name, password, { keepPassword: false });
      await writeRememberedUsername(origin, name).catch(() => undefined);
      onSignedIn(session);
    } catch (caught) {
      setError(caught);
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    // Nothing is sent to a plain-HTTP FMC on another machine before the user says yes to it.
    if (busy || (plainHttp && !httpConsent)) return;
    if (sameAsUi) setConfirming(true);
    else void attempt();
  };

  const cancel = () => {
    setConfirming(false);
    userInput.current?.focus();
  };

  return (
    <form class="fmc-signin" aria-labelledby={ids.heading} onSubmit={onSubmit} data-testid="sign-in-form">
      <h2 id={ids.heading}>{t('fmcSignInHeading')}</h2>
      <p>{t('fmcDedicatedUser')}</p>
      <figure class="qsg">
        <blockquote cite={QSG_URL}>
          <p>{t('fmcQsgQuote')}</p>
        </blockquote>
        <figcaption>
          —{' '}
          <a href={QSG_URL} target="_blank" rel="noreferrer">
            {t('fmcQsgTitle')}
          </a>
        </figcaption>
      </figure>
      <p class="muted">{t('fmcCreateUser')}</p>

      <div class="fields">
        <label for={ids.user}>{t('fmcUsername')}</label>
        <input
          id={ids.user}
          ref={userInput}
          type="text"
          name="username"
          autocomplete="username"
          autocapitalize="off"
          spellcheck={false}
          required
          value={username}
          onInput={(event) => {
            typed.current = true;
            setUsername(event.currentTarget.value);
            setConfirming(false);
          }}
        />
        <label for={ids.password}>{t('fmcPassword')}</label>
        <input
          id={ids.password}
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </div>

      {confirming && loggedInUiUser && (
        <div
          class="fmc-confirm"
          role="alertdialog"
          aria-labelledby={ids.confirm}
          aria-describedby={ids.warning}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
        >
          <p id={ids.confirm} class="notice-title">
            {t('fmcSameUserTitle')}
          </p>
          <p id={ids.warning}>{t('fmcSameUserWarning', loggedInUiUser)}</p>
          <div class="row">
            <button type="button" class="primary" ref={continueButton} onClick={() => void attempt()}>
              {t('fmcContinue')}
            </button>
            <button type="button" onClick={cancel}>
              {t('fmcCancel')}
            </button>
          </div>
        </div>
      )}

      {plainHttp && (
        <div class="fmc-notice fmc-notice-error" data-testid="plain-http">
          <p id={ids.http}>{t('fmcPlainHttpWarning', origin)}</p>
          <label>
            <input
              type="checkbox"
              checked={httpConsent}
              aria-describedby={ids.http}
              onChange={(event) => setHttpConsent(event.currentTarget.checked)}
            />{' '}
            {t('fmcPlainHttpConsent')}
          </label>
        </div>
      )}

      <div class="row">
        <button
          type="submit"
          class="primary"
          disabled={busy || confirming || (plainHttp && !httpConsent)}
          aria-busy={busy}
        >
          {t('fmcSignIn')}
        </button>
        <span role="status" class="muted">
          {busy ? t('fmcSigningIn') : ''}
        </span>
      </div>
      <p class="muted small">{t('fmcPasswordNotKept')}</p>

      {error !== null && <SignInError error={error} origin={origin} lang={lang} />}
    </form>
  );
}

function SignInError({ error, origin, lang }: { error: unknown; origin: string; lang: Lang }) {
  const text =
    error instanceof FmcError
      ? error.localized(lang)
      : t('fmcSignInFailed', error instanceof Error ? error.message : String(error));
  const unreachable = error instanceof FmcError && error.code === 'tls-or-network';
  return (
    <div class="fmc-notice fmc-notice-error" role="alert">
      <p>{text}</p>
      {unreachable && (
        <p>
          <a href={`${origin}/`} target="_blank" rel="noreferrer">
            {t('fmcOpenFmc')}
          </a>{' '}
          <span class="muted">{t('fmcOpenFmcWhy')}</span>
        </p>
      )}
    </div>
  );
}

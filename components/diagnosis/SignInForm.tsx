import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { CDFMC_PREFIX, type CdfmcDoorKind, doorOf, SCC_REGIONS } from '../../lib/fmc/doors';
import { FmcError } from '../../lib/fmc/errors';
import type { StoredSession } from '../../lib/fmc/session';
import type { Lang } from '../../lib/i18n';
import { isPlainHttpRemote, labelForPattern, patternForUrl } from '../../lib/origins';
import { readRememberedUsername, writeRememberedUsername } from '../../lib/platform/storage';
import { reportPath } from '../../lib/protocol/report-url';
import { currentLang, t } from '../i18n';
import { type DiagnosisError, ErrorNotice } from './ErrorNotice';
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

type FmcKind = 'on-prem' | 'cloud';

/**
 * The sign-in to an FMC's REST API: an on-premises FMC with a dedicated API user and its password, or a
 * cloud-delivered FMC (issue 20) with an SCC API-only user's token. The cloud-delivered choice comes first when
 * the address is a cdFMC door (its own host, an SCC gateway or an older SCC base, `doorOf`).
 */
export function SignInForm(props: SignInFormProps) {
  const ids = { heading: useId(), kind: useId() };
  const [kind, setKind] = useState<FmcKind>(() => (doorOf(props.origin) ? 'cloud' : 'on-prem'));
  const choice = (value: FmcKind, label: string) => (
    <div>
      <label>
        <input
          type="radio"
          name={ids.kind}
          value={value}
          checked={kind === value}
          onChange={() => setKind(value)}
        />{' '}
        {label}
      </label>
    </div>
  );
  return (
    <div class="fmc-signin">
      <h2 id={ids.heading}>{t('fmcSignInHeading')}</h2>
      <fieldset class="fmc-kind" data-testid="fmc-kind">
        <legend>{t('fmcKindLegend')}</legend>
        {choice('on-prem', t('fmcKindOnPrem'))}
        {choice('cloud', t('fmcKindCloud'))}
      </fieldset>
      {kind === 'cloud' ? (
        <TokenSignIn origin={props.origin} headingId={ids.heading} onSignedIn={props.onSignedIn} />
      ) : (
        <PasswordSignIn {...props} headingId={ids.heading} />
      )}
    </div>
  );
}

/**
 * Sign-in to an on-premises FMC's REST API with a dedicated API user. The FMC logs a web session out without
 * warning when the same user signs in to the API, so signing in as the user of the open FMC page needs a
 * confirmation, whose safe answer (Cancel) is the primary button and has the focus (issue 19, item 8).
 * The user name is remembered per FMC; the password only lives in this form until the attempt ends.
 */
function PasswordSignIn({
  origin,
  loggedInUiUser,
  onSignedIn,
  headingId,
}: SignInFormProps & { headingId: string }) {
  const lang = currentLang();
  const ids = {
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
  const cancelButton = useRef<HTMLButtonElement>(null);

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
    // The safe answer has the focus: Enter or Space right after the warning appears never logs the UI out.
    if (confirming) cancelButton.current?.focus();
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
    <form aria-labelledby={headingId} onSubmit={onSubmit} data-testid="sign-in-form">
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
            <button type="button" class="primary" ref={cancelButton} onClick={cancel}>
              {t('fmcCancel')}
            </button>
            <button type="button" onClick={() => void attempt()}>
              {t('fmcContinue')}
            </button>
          </div>
        </div>
      )}

      {plainHttp && (
        <PlainHttpConsent id={ids.http} origin={origin} checked={httpConsent} onChange={setHttpConsent} />
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

function PlainHttpConsent({
  id,
  origin,
  checked,
  onChange,
}: {
  id: string;
  origin: string;
  checked: boolean;
  onChange(value: boolean): void;
}) {
  return (
    <div class="fmc-notice fmc-notice-error" data-testid="plain-http">
      <p id={id}>{t('fmcPlainHttpWarning', origin)}</p>
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={id}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{' '}
        {t('fmcPlainHttpConsent')}
      </label>
    </div>
  );
}

/** One way to a cdFMC's REST API: an origin and the kind of door it is (`lib/fmc/doors.ts`). */
interface DoorChoice {
  origin: string;
  kind: CdfmcDoorKind;
  /** `REGION — host` for an SCC door (region ids read the same in both languages and match the addresses). */
  label: string;
}

/**
 * The doors offered on `origin`'s page: this address first (the cdFMC's own host, or the SCC door the page was
 * opened on), then each SCC region's gateway and older addresses.
 */
export function doorChoices(origin: string): DoorChoice[] {
  const here = doorOf(origin)?.kind ?? 'host';
  const host = (address: string) => new URL(address).host;
  const hereKey =
    here === 'host' ? 'fmcDoorHere' : here === 'gateway' ? 'fmcDoorHereGateway' : 'fmcDoorHereLegacy';
  const choices: DoorChoice[] = [{ origin, kind: here, label: t(hereKey, host(origin)) }];
  for (const kind of ['gateway', 'legacy'] as const) {
    for (const region of SCC_REGIONS) {
      for (const address of kind === 'gateway' ? [region.gateway] : region.legacy) {
        if (address !== origin)
          choices.push({ origin: address, kind, label: `${region.id.toUpperCase()} — ${host(address)}` });
      }
    }
  }
  return choices;
}

/** The doors as a `<select>`'s options: this address, then the gateways and the older addresses in groups. */
function DoorOptions({ choices }: { choices: readonly DoorChoice[] }) {
  const [here, ...others] = choices;
  const group = (kind: CdfmcDoorKind, label: string) => (
    <optgroup label={label}>
      {others
        .filter((choice) => choice.kind === kind)
        .map((choice) => (
          <option key={choice.origin} value={choice.origin}>
            {choice.label}
          </option>
        ))}
    </optgroup>
  );
  return (
    <>
      {here && <option value={here.origin}>{here.label}</option>}
      {group('gateway', t('fmcDoorGroupGateway'))}
      {group('legacy', t('fmcDoorGroupLegacy'))}
    </>
  );
}

/**
 * Sign-in to a cloud-delivered FMC with an SCC API-only user's token (issue 20). The token goes to this page's
 * address only, as `Authorization: Bearer`; it lives in storage.session (`BrowserSessionTokenStore`), never on
 * disk, and in this form until the attempt ends. Another door is another address: its own report page signs in
 * there, after asking the browser for that address only (the report's access check), so the token is never
 * handed from one page to another.
 */
function TokenSignIn({
  origin,
  headingId,
  onSignedIn,
}: {
  origin: string;
  headingId: string;
  onSignedIn(session: StoredSession): void;
}) {
  const lang = currentLang();
  const ids = { token: useId(), door: useId(), http: useId(), kept: useId() };
  const choices = doorChoices(origin);
  const [doorOrigin, setDoorOrigin] = useState(origin);
  const door = choices.find((c) => c.origin === doorOrigin) ?? (choices[0] as DoorChoice);
  const here = door.origin === origin;
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const plainHttp = isPlainHttpRemote(origin);
  const [httpConsent, setHttpConsent] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const attempt = async () => {
    setBusy(true);
    setError(null);
    try {
      const client = await fmcClientFor(origin);
      const session = await client.signInWithToken(token, {
        kind: door.kind,
        prefix: CDFMC_PREFIX[door.kind],
      });
      onSignedIn(session);
    } catch (caught) {
      setError(caught);
    } finally {
      // The token leaves the form with the attempt: on a refusal the user pastes a new one anyway.
      setToken('');
      setBusy(false);
    }
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!here) {
      void browser.tabs.create({ url: browser.runtime.getURL(reportPath(door.origin)) });
      return;
    }
    if (busy || (plainHttp && !httpConsent)) return;
    void attempt();
  };

  return (
    <form aria-labelledby={headingId} onSubmit={onSubmit} data-testid="sign-in-form" data-door={door.kind}>
      <p>{t('fmcTokenIntro')}</p>
      <p class="muted">{t('fmcTokenMint')}</p>
      <div class="fields">
        <label for={ids.door}>{t('fmcDoorLabel')}</label>
        <select
          id={ids.door}
          value={door.origin}
          onChange={(event) => setDoorOrigin(event.currentTarget.value)}
        >
          <DoorOptions choices={choices} />
        </select>
        {here && (
          <>
            <label for={ids.token}>{t('fmcToken')}</label>
            <input
              id={ids.token}
              type="password"
              name="api-token"
              autocomplete="off"
              autocapitalize="off"
              spellcheck={false}
              required
              aria-describedby={ids.kept}
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
            />
          </>
        )}
      </div>
      {here ? (
        <>
          {plainHttp && (
            <PlainHttpConsent id={ids.http} origin={origin} checked={httpConsent} onChange={setHttpConsent} />
          )}
          <div class="row">
            <button
              type="submit"
              class="primary"
              disabled={busy || (plainHttp && !httpConsent)}
              aria-busy={busy}
            >
              {t('fmcSignIn')}
            </button>
            <span role="status" class="muted">
              {busy ? t('fmcSigningIn') : ''}
            </span>
          </div>
        </>
      ) : (
        <>
          <p data-testid="door-elsewhere">
            {t(
              'fmcDoorElsewhere',
              new URL(door.origin).host,
              labelForPattern(patternForUrl(door.origin) ?? door.origin),
            )}
          </p>
          <div class="row">
            <button type="submit" class="primary">
              {t('fmcDoorOpen', new URL(door.origin).host)}
            </button>
          </div>
        </>
      )}
      <p class="muted small" id={ids.kept}>
        {t('fmcTokenKept')}
      </p>
      <p class="muted small">{t('fmcTokenRevoke')}</p>

      {error !== null && (
        <ErrorNotice error={asDiagnosisError(error)} lang={lang} title={t('fmcTokenSignInFailed')} />
      )}
    </form>
  );
}

/** Any failure of the token sign-in, in ErrorNotice's shape: an FmcError's code and words, else its message. */
function asDiagnosisError(error: unknown): DiagnosisError {
  if (error instanceof FmcError)
    return { code: error.code, message: { en: error.localized('en'), fr: error.localized('fr') } };
  // Not one of ours (a browser error): its own text, in the one language the page speaks.
  const text = t('fmcSignInFailed', error instanceof Error ? error.message : String(error));
  return { code: 'unexpected', message: { en: text, fr: text } };
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

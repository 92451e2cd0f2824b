import type { Lang, Localized } from '../../lib/i18n';
import { type MessageKey, t } from '../i18n';
import './diagnosis.css';

/** What the user can do about each error code of a stopped diagnosis (`DiagnosisState.error.code`). */
const WHAT_TO_DO: Record<string, MessageKey> = {
  'tls-or-network': 'fmcTodoNetwork',
  'fmc-unreachable': 'fmcTodoNetwork',
  'retry-after-too-long': 'fmcTodoLater',
  timeout: 'fmcTodoLater',
  'server-error': 'fmcTodoLater',
  'rate-limited': 'fmcTodoRateLimited',
  'bad-credentials': 'fmcTodoSignIn',
  'login-forbidden': 'fmcTodoSignIn',
  'sign-in-required': 'fmcTodoSignIn',
  'token-rejected': 'fmcTodoSignIn',
  'no-token-headers': 'fmcTodoAccess',
  forbidden: 'fmcTodoRole',
  'not-json': 'fmcTodoUnsupported',
  'schema-mismatch': 'fmcTodoUnsupported',
  'unexpected-status': 'fmcTodoUnsupported',
  'invalid-request': 'fmcTodoUnsupported',
  'method-not-allowed': 'fmcTodoUnsupported',
  aborted: 'fmcTodoAborted',
  redirected: 'fmcTodoRedirect',
  'storage-failed': 'fmcTodoStorage',
  // A cdFMC's token refused during a run (issue 20): the message says what is wrong and where to get a new one.
  'token-invalid': 'fmcTodoToken',
  'token-wrong-kind': 'fmcTodoToken',
  'token-wrong-region': 'fmcTodoToken',
  'cdfmc-not-found': 'fmcTodoToken',
  'cdfmc-rate-limited': 'fmcTodoRateLimited',
  'cdfmc-retry-after-too-long': 'fmcTodoLater',
};

/**
 * At the sign-in itself, the message of a refused token already says what to do (lib/fmc/error-text.ts): no
 * second line repeats "sign in again" under the form the user is filling.
 */
const SAID_AT_SIGN_IN = new Set([
  'token-invalid',
  'token-wrong-kind',
  'token-wrong-region',
  'cdfmc-not-found',
]);

/** Not a failure: the user's own cancel. */
const STATUS_ONLY = new Set(['aborted']);

export interface DiagnosisError {
  code: string;
  message: Localized;
}

/**
 * A diagnosis that stopped, or (with `title`) a sign-in that failed: what happened, in the user's language,
 * and what to do next. A cancellation is the user's own doing, so it is a status rather than an alert.
 */
export function ErrorNotice({ error, lang, title }: { error: DiagnosisError; lang: Lang; title?: string }) {
  const status = STATUS_ONLY.has(error.code);
  const cancelled = error.code === 'aborted';
  const signIn = title !== undefined;
  const todo =
    signIn && SAID_AT_SIGN_IN.has(error.code) ? undefined : (WHAT_TO_DO[error.code] ?? 'fmcTodoGeneric');
  return (
    <div
      class={status ? 'fmc-notice' : 'fmc-notice fmc-notice-error'}
      role={status ? 'status' : 'alert'}
      data-error-code={error.code}
    >
      {!status && <p class="notice-title">{title ?? t('fmcStopped')}</p>}
      {!cancelled && <p>{error.message[lang]}</p>}
      {todo && <p>{t(todo)}</p>}
    </div>
  );
}

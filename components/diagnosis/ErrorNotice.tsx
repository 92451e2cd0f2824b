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
};

/** Not a failure: the user's own cancel. */
const STATUS_ONLY = new Set(['aborted']);

export interface DiagnosisError {
  code: string;
  message: Localized;
}

/**
 * A diagnosis that stopped: what happened, in the user's language, and what to do next. A cancellation is
 * the user's own doing, so it is a status rather than an alert.
 */
export function ErrorNotice({ error, lang }: { error: DiagnosisError; lang: Lang }) {
  const status = STATUS_ONLY.has(error.code);
  const cancelled = error.code === 'aborted';
  return (
    <div
      class={status ? 'fmc-notice' : 'fmc-notice fmc-notice-error'}
      role={status ? 'status' : 'alert'}
      data-error-code={error.code}
    >
      {!status && <p class="notice-title">{t('fmcStopped')}</p>}
      {!cancelled && <p>{error.message[lang]}</p>}
      <p>{t(WHAT_TO_DO[error.code] ?? 'fmcTodoGeneric')}</p>
    </div>
  );
}

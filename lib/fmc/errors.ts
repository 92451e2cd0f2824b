import type { Lang } from '../i18n';
import { type FmcMessageCode, type FmcMessageParams, formatFmcMessage } from './error-text';

export interface FmcErrorInit {
  code: FmcMessageCode;
  params?: FmcMessageParams;
  status?: number;
  /** `messages[].description` of the FMC's error body, shown after our own sentence. */
  fmcMessages?: readonly string[];
  /**
   * Whose error body it was: the FMC's `{error:{messages}}`, or SCC's API gateway's
   * `{timestamp, path, status, error, requestId}` (../shared/docs/cdfmc.md, "Key"); absent when neither.
   */
  envelope?: ErrorEnvelope;
  cause?: unknown;
}

export type ErrorEnvelope = 'fmc' | 'gateway';

/**
 * Every failure of the FMC client. The English `message` is for logs and tests; the UI renders `code` and
 * `params` in the user's language with `localized()`.
 */
export class FmcError extends Error {
  readonly code: FmcMessageCode;
  readonly params: FmcMessageParams;
  readonly status: number | undefined;
  readonly fmcMessages: readonly string[];
  readonly envelope: ErrorEnvelope | undefined;

  constructor(init: FmcErrorInit) {
    const fmcMessages = init.fmcMessages ?? [];
    super(render(init.code, init.params ?? {}, fmcMessages, 'en'), { cause: init.cause });
    this.name = 'FmcError';
    this.code = init.code;
    this.params = init.params ?? {};
    this.status = init.status;
    this.fmcMessages = fmcMessages;
    this.envelope = init.envelope;
  }

  localized(lang: Lang): string {
    return render(this.code, this.params, this.fmcMessages, lang);
  }
}

function render(
  code: FmcMessageCode,
  params: FmcMessageParams,
  fmcMessages: readonly string[],
  lang: Lang,
): string {
  const text = formatFmcMessage(code, params, lang);
  if (fmcMessages.length === 0) return text;
  return `${text} ${formatFmcMessage('fmc-says', { detail: fmcMessages.join(' ') }, lang)}`;
}

export function isFmcError(error: unknown, code?: FmcMessageCode): error is FmcError {
  return error instanceof FmcError && (code === undefined || error.code === code);
}

/** Failures after which nothing else can work: the whole collection stops instead of degrading. */
const FATAL: ReadonlySet<FmcMessageCode> = new Set([
  'tls-or-network',
  'fmc-unreachable',
  // Every request would be refused the same way for longer than a run may wait.
  'retry-after-too-long',
  'aborted',
  'bad-credentials',
  'login-forbidden',
  'no-token-headers',
  'sign-in-required',
  // Every request would be redirected the same way; following none, the run cannot go on.
  'redirected',
  // A cdFMC's token refused: every request would be, and it is never renewed (issue 20).
  'token-invalid',
  'token-wrong-kind',
  'token-wrong-region',
  'cdfmc-not-found',
  'cdfmc-retry-after-too-long',
]);

export function isFatal(error: unknown): boolean {
  return error instanceof FmcError && FATAL.has(error.code);
}

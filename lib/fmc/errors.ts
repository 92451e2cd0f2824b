import type { Lang } from '../i18n';
import { type FmcMessageCode, type FmcMessageParams, formatFmcMessage } from './error-text';

export interface FmcErrorInit {
  code: FmcMessageCode;
  params?: FmcMessageParams;
  status?: number;
  /** `messages[].description` of the FMC's error body, shown after our own sentence. */
  fmcMessages?: readonly string[];
  cause?: unknown;
}

/**
 * Every failure of the FMC client. The English `message` is for logs and tests; the UI renders `code` and
 * `params` in the user's language with `localized()`.
 */
export class FmcError extends Error {
  readonly code: FmcMessageCode;
  readonly params: FmcMessageParams;
  readonly status: number | undefined;
  readonly fmcMessages: readonly string[];

  constructor(init: FmcErrorInit) {
    const fmcMessages = init.fmcMessages ?? [];
    super(render(init.code, init.params ?? {}, fmcMessages, 'en'), { cause: init.cause });
    this.name = 'FmcError';
    this.code = init.code;
    this.params = init.params ?? {};
    this.status = init.status;
    this.fmcMessages = fmcMessages;
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
]);

export function isFatal(error: unknown): boolean {
  return error instanceof FmcError && FATAL.has(error.code);
}

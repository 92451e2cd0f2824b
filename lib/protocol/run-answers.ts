import type { Localized } from '../i18n';
import { fillLocalized } from '../i18n';

/**
 * Why a run stopped when the FMC client is not the reason: error codes of `DiagnosisState.error`, worded in
 * both languages here and rendered by the pages (`ErrorNotice`).
 */
export const RUN_MESSAGES = {
  'storage-failed': {
    en: 'The diagnosis finished but the browser refused to keep its result ({detail}). Run it again; if this goes on, restart the browser.',
    fr: 'Le diagnostic s’est terminé mais le navigateur a refusé d’en garder le résultat ({detail}). Relancez-le ; si cela continue, redémarrez le navigateur.',
  },
  internal: {
    en: 'The diagnosis stopped: {detail}',
    fr: 'Le diagnostic s’est arrêté : {detail}',
  },
} satisfies Record<string, Localized>;

export type RunMessageCode = keyof typeof RUN_MESSAGES;

export function runError(
  code: RunMessageCode,
  vars: Record<string, string>,
): { code: RunMessageCode; message: Localized } {
  return { code, message: fillLocalized(RUN_MESSAGES[code], vars) };
}

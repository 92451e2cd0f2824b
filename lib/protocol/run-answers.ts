import type { Localized } from '../i18n';
import { fillLocalized } from '../i18n';

/**
 * Why a run stopped when the FMC client is not the reason: error codes of `DiagnosisState.error`, worded in
 * both languages here and rendered by the pages (`ErrorNotice`).
 */
export const RUN_MESSAGES = {
  'storage-failed': {
    en: 'The diagnosis finished but the browser refused to keep its result ({detail}). Run it again; if this goes on, restart the browser.',
    fr: "Le diagnostic s'est terminé mais le navigateur a refusé d'en garder le résultat ({detail}). Relancez-le ; si cela continue, redémarrez le navigateur.",
  },
  'handed-to-report': {
    en: "The extension's background could not reach this FMC, though this page could: Chromium may apply a certificate you accepted in a tab to the extension's pages only. The diagnosis goes on in the report tab just opened beside this one.",
    fr: "L'arrière-plan de l'extension n'a pas pu joindre ce FMC, alors que cette page le peut : Chromium peut n'appliquer qu'aux pages de l'extension un certificat accepté dans un onglet. Le diagnostic continue dans l'onglet du rapport qui vient de s'ouvrir à côté.",
  },
  internal: {
    en: 'The diagnosis stopped: {detail}',
    fr: "Le diagnostic s'est arrêté : {detail}",
  },
} satisfies Record<string, Localized>;

export type RunMessageCode = keyof typeof RUN_MESSAGES;

export function runError(
  code: RunMessageCode,
  vars: Record<string, string>,
): { code: RunMessageCode; message: Localized } {
  return { code, message: fillLocalized(RUN_MESSAGES[code], vars) };
}

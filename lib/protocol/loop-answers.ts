import { fillLocalized, type Lang, type Localized } from '../i18n';

/**
 * What the loop in the page (issue 10) tells the user when a re-check or a watch cannot go on, and what its
 * notifications say: error codes of `LoopAnswer`, worded in both languages here and shown as they are.
 */
export const LOOP_MESSAGES = {
  'no-diagnosis': {
    en: 'This FMC has no finished diagnosis in this browser session: run one from the popup or the report first.',
    fr: "Ce FMC n'a pas de diagnostic terminé dans cette session du navigateur : lancez-en un depuis la fenêtre de l'extension ou le rapport.",
  },
  'unknown-device': {
    en: 'This device is not in the last diagnosis of this FMC: run the diagnosis again.',
    fr: 'Cet équipement ne figure pas dans le dernier diagnostic de ce FMC : relancez le diagnostic.',
  },
  'run-in-progress': {
    en: 'A diagnosis of this FMC is running: its result will include this device.',
    fr: 'Un diagnostic de ce FMC est en cours : son résultat inclura cet équipement.',
  },
  'signed-out': {
    en: 'Signed out of this FMC’s REST API: sign in again from the popup or the report, then re-check.',
    fr: "Session de l'API REST de ce FMC terminée : reconnectez-vous depuis la fenêtre de l'extension ou le rapport, puis revérifiez.",
  },
  'storage-failed': {
    en: 'The browser refused to keep the re-check’s result ({detail}).',
    fr: 'Le navigateur a refusé de garder le résultat de la revérification ({detail}).',
  },
  failed: {
    en: 'The re-check failed: {detail}',
    fr: 'La revérification a échoué : {detail}',
  },
  'notify-cleared-title': {
    en: 'Cloud Configuration cleared: {device}',
    fr: 'Cloud Configuration rétablie : {device}',
  },
  'notify-cleared-body': {
    en: 'The Cloud Configuration alert of {device} on {fmc} is no longer red or yellow ({time}).',
    fr: "L'alerte Cloud Configuration de {device} sur {fmc} n'est plus rouge ni jaune ({time}).",
  },
  'notify-limit-title': {
    en: 'Still failing: {device}',
    fr: 'Toujours en échec : {device}',
  },
  'notify-limit-body': {
    en: 'The watch of {device} on {fmc} ended after {minutes} min: its Cloud Configuration alert is still there. Open the report for its runbook.',
    fr: "La surveillance de {device} sur {fmc} s'est arrêtée après {minutes} min : son alerte Cloud Configuration est toujours là. Ouvrez le rapport pour sa procédure.",
  },
  'notify-stopped-title': {
    en: 'Watch stopped: {device}',
    fr: 'Surveillance arrêtée : {device}',
  },
  'notify-stopped-body': {
    en: 'The watch of {device} on {fmc} stopped: {detail}',
    fr: 'La surveillance de {device} sur {fmc} s’est arrêtée : {detail}',
  },
} satisfies Record<string, Localized>;

export type LoopMessageCode = keyof typeof LOOP_MESSAGES;

export function loopText(code: LoopMessageCode, lang: Lang, vars: Record<string, string> = {}): string {
  return fillLocalized(LOOP_MESSAGES[code], vars)[lang];
}

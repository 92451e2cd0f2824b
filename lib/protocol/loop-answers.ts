import { fillLocalized, type Lang, type Localized } from '../i18n';
import { type WatchEntry, type WatchReason, watchState } from './watch';

/**
 * What the loop in the page (issue 10) tells the user when a re-check or a watch cannot go on, and what its
 * notifications say: error codes of `LoopAnswer`, worded in both languages here and shown as they are.
 */
export const LOOP_MESSAGES = {
  'no-diagnosis': {
    en: 'This FMC has no finished diagnosis in this browser session: run one from the popup or the report first.',
    fr: 'Ce FMC n’a pas de diagnostic terminé dans cette session du navigateur : lancez-en un depuis la fenêtre de l’extension ou le rapport.',
  },
  'unknown-device': {
    en: 'This device is not in the last diagnosis of this FMC: run the diagnosis again.',
    fr: 'Cet équipement ne figure pas dans le dernier diagnostic de ce FMC : relancez le diagnostic.',
  },
  'not-watchable': {
    en: 'This failure is expected while cloud integration is off (scenario 1) and never clears by itself: there is nothing to watch. Open the health policy instead.',
    fr: 'Cet échec est attendu tant que l’intégration cloud est désactivée (scénario 1) et ne se lève jamais seul : il n’y a rien à surveiller. Ouvrez plutôt la politique d’intégrité.',
  },
  'run-in-progress': {
    en: 'A diagnosis of this FMC is running: its result will include this device.',
    fr: 'Un diagnostic de ce FMC est en cours : son résultat inclura cet équipement.',
  },
  'signed-out': {
    en: 'Signed out of this FMC’s REST API: sign in again from the popup or the report, then re-check.',
    fr: 'Session de l’API REST de ce FMC terminée : reconnectez-vous depuis la fenêtre de l’extension ou le rapport, puis revérifiez.',
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
    fr: 'Alerte Cloud Configuration levée : {device}',
  },
  'notify-cleared-body': {
    en: 'The Cloud Configuration alert of {device} on {fmc} is no longer red or yellow ({time}).',
    fr: 'L’alerte Cloud Configuration de {device} sur {fmc} n’est plus rouge ni jaune ({time}).',
  },
  // A watch ends in one of three ways (issue 17), each said only when seen: cleared, still failing at the limit
  // (the last tick read the alert red or yellow), or not checked at the limit (the last ticks read nothing).
  'notify-limit-title': {
    en: 'Still failing: {device}',
    fr: 'Toujours en échec : {device}',
  },
  'notify-limit-body': {
    en: 'The watch of {device} on {fmc} ended after {minutes} min: its Cloud Configuration alert had not cleared at the last check ({time}). Open the report to see what to do.',
    fr: 'La surveillance de {device} sur {fmc} s’est arrêtée après {minutes} min : son alerte Cloud Configuration n’était pas levée à la dernière vérification ({time}). Ouvrez le rapport pour voir que faire.',
  },
  'notify-unchecked-title': {
    en: 'Could not check: {device}',
    fr: 'Vérification impossible : {device}',
  },
  'notify-unchecked-body': {
    en: 'The watch of {device} on {fmc} ended after {minutes} min without an answer: could not check since {since}: {reason}. Its state is not known.',
    fr: 'La surveillance de {device} sur {fmc} s’est arrêtée après {minutes} min sans réponse : vérification impossible depuis {since} : {reason}. Son état n’est pas connu.',
  },
  'notify-stopped-title': {
    en: 'Watch stopped: {device}',
    fr: 'Surveillance arrêtée : {device}',
  },
  'notify-stopped-body': {
    en: 'The watch of {device} on {fmc} stopped: {detail}',
    fr: 'La surveillance de {device} sur {fmc} s’est arrêtée : {detail}',
  },
  // What a watch says now (lib/protocol/watch.ts `watchState`), in the popup, the report and the expanded hint.
  'state-watching': {
    en: 'Watching until {until}: not checked yet.',
    fr: 'Surveillé jusqu’à {until} : pas encore vérifié.',
  },
  'state-watching-seen': {
    en: 'Watching until {until}: not cleared at {time}.',
    fr: 'Surveillé jusqu’à {until} : pas levée à {time}.',
  },
  'state-unchecked': {
    en: 'Watching until {until}: could not check since {since}: {reason}.',
    fr: 'Surveillé jusqu’à {until} : vérification impossible depuis {since} : {reason}.',
  },
  'state-paused': {
    en: 'Sign in to resume watching (paused since {since}, until {until}).',
    fr: 'Connectez-vous pour reprendre la surveillance (en pause depuis {since}, jusqu’à {until}).',
  },
  'state-cleared': {
    en: 'Watch ended: cleared at {time}.',
    fr: 'Surveillance terminée : alerte levée à {time}.',
  },
  'state-limit': {
    en: 'Watch ended: still failing at the limit ({time}).',
    fr: 'Surveillance terminée : toujours en échec à la limite ({time}).',
  },
  'state-ended-unchecked': {
    en: 'Watch ended: could not check since {since}: {reason}.',
    fr: 'Surveillance terminée : vérification impossible depuis {since} : {reason}.',
  },
  // Why a tick could not check (lib/protocol/watch.ts `WatchReason`).
  'reason-unreachable': {
    en: 'the FMC did not answer (network, VPN, certificate or timeout)',
    fr: 'le FMC n’a pas répondu (réseau, VPN, certificat ou délai dépassé)',
  },
  'reason-server-error': {
    en: 'the FMC answered with server errors (5xx) after retries',
    fr: 'le FMC a répondu par des erreurs serveur (5xx) malgré les nouvelles tentatives',
  },
  'reason-rate-limited': {
    en: 'the FMC kept asking to wait (429, too many requests)',
    fr: 'le FMC a continué de demander d’attendre (429, trop de requêtes)',
  },
  'reason-signed-out': {
    en: 'signed out of the FMC’s REST API',
    fr: 'session de l’API REST du FMC terminée',
  },
  'reason-refused': {
    en: 'the FMC refused the request (REST API disabled, rights, or a redirect)',
    fr: 'le FMC a refusé la requête (API REST désactivée, droits, ou redirection)',
  },
  'reason-unreadable': {
    en: 'the FMC’s answer could not be read',
    fr: 'la réponse du FMC était illisible',
  },
  'reason-failed': {
    en: 'the read failed',
    fr: 'la lecture a échoué',
  },
  // The toolbar button's title (the badge counts the running watches).
  'badge-watching': {
    en: 'Watching {count} {count|device until its|devices until their} alert clears',
    fr: '{count} {count|équipement surveillé jusqu’à la levée de son|équipements surveillés jusqu’à la levée de leur} alerte',
  },
  'badge-unchecked': {
    en: '{fmc}: could not check since {since}: {reason}',
    fr: '{fmc} : vérification impossible depuis {since} : {reason}',
  },
  'badge-paused': {
    en: '{fmc}: sign in to resume watching {count} {count|device|devices}',
    fr: '{fmc} : connectez-vous pour reprendre la surveillance de {count} {count|équipement|équipements}',
  },
} satisfies Record<string, Localized>;

export type LoopMessageCode = keyof typeof LOOP_MESSAGES;

export function loopText(code: LoopMessageCode, lang: Lang, vars: Record<string, string> = {}): string {
  return fillLocalized(LOOP_MESSAGES[code], vars)[lang];
}

/** `10:42`, or a date and time when not today, in `lang` (as components/common/clock.ts words the pages' times). */
export function clockText(ms: number, lang: Lang, now = Date.now()): string {
  const date = new Date(ms);
  const today = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(lang, {
    ...(today ? {} : { dateStyle: 'short' }),
    timeStyle: 'short',
  }).format(date);
}

export function reasonText(reason: WatchReason, lang: Lang): string {
  return loopText(`reason-${reason}`, lang);
}

/** What a watch says now, in `lang`: the popup's, the report's and the expanded hint's line (issue 17). */
export function watchStatusText(entry: WatchEntry, lang: Lang, now = Date.now()): string {
  const at = (ms: number) => clockText(ms, lang, now);
  const until = at(entry.until);
  const state = watchState(entry);
  const since = entry.unchecked ? at(entry.unchecked.since) : '';
  const reason = entry.unchecked ? reasonText(entry.unchecked.reason, lang) : '';
  const ended = entry.ended ? at(entry.ended.at) : '';
  switch (state) {
    case 'watching':
      return entry.seen
        ? loopText('state-watching-seen', lang, { until, time: at(entry.seen.at) })
        : loopText('state-watching', lang, { until });
    case 'unchecked':
      return loopText('state-unchecked', lang, { until, since, reason });
    case 'paused':
      return loopText('state-paused', lang, { until, since });
    case 'cleared':
      return loopText('state-cleared', lang, { time: ended });
    case 'limit':
      return loopText('state-limit', lang, { time: entry.seen ? at(entry.seen.at) : ended });
    case 'ended-unchecked':
      return loopText('state-ended-unchecked', lang, { since, reason });
  }
}

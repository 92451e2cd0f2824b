import type { Localized } from '../i18n';
import { DEVICE_TEXT } from './device-text';

/**
 * The report's fixed wording, as data. Counts use `fill`'s `{n|one form|other form}` (lib/i18n.ts), so the forms
 * follow each language's plural rules.
 */
export const MD_TEXT = {
  title: {
    en: 'FMC Cloud Doctor: Cisco Cloud Configuration failure report',
    fr: 'FMC Cloud Doctor : rapport sur l’échec Cisco Cloud Configuration',
  },
  summary: { en: 'Summary', fr: 'Résumé' },
  fmc: { en: 'FMC', fr: 'FMC' },
  fmcLine: {
    en: '{origin}, version {version}, domain {domain}',
    fr: '{origin}, version {version}, domaine {domain}',
  },
  diagnosed: { en: 'Diagnosed', fr: 'Diagnostic' },
  notDated: { en: 'time not recorded', fr: 'heure non enregistrée' },
  exportedBy: { en: 'Exported by', fr: 'Exporté par' },
  extension: { en: 'FMC Cloud Doctor {version}', fr: 'FMC Cloud Doctor {version}' },
  extensionUnknown: { en: 'FMC Cloud Doctor (version unknown)', fr: 'FMC Cloud Doctor (version inconnue)' },
  integration: { en: 'Cloud integration', fr: 'Intégration cloud' },
  integrationOn: { en: 'on', fr: 'activée' },
  integrationOff: { en: 'off', fr: 'désactivée' },
  /** A cloud-delivered FMC whose reads cannot tell scenario 1 from 2 (issue 20). */
  integrationUndetermined: { en: 'undetermined', fr: 'indéterminée' },
  scenarioUndetermined: {
    en: 'the reads cannot tell scenario 1 from scenario 2',
    fr: 'les lectures ne permettent pas de distinguer le scénario 1 du scénario 2',
  },
  scenarioInferred: { en: 'scenario {n} (inferred)', fr: 'scénario {n} (déduit)' },
  scenarioUncertain: { en: 'scenario {n} (inferred, uncertain)', fr: 'scénario {n} (déduit, incertain)' },
  cloudEvents: { en: 'Cloud events', fr: 'Événements cloud' },
  cloudIntegration: { en: 'cloud integration setting', fr: 'paramètre d’intégration cloud' },
  securex: { en: 'SecureX', fr: 'SecureX' },
  region: { en: 'region', fr: 'région' },
  sseHost: { en: 'SSE host', fr: 'hôte SSE' },
  regionUnknown: { en: 'unknown, US host assumed', fr: 'inconnue, hôte américain retenu par défaut' },
  devices: { en: 'Devices', fr: 'Équipements' },
  deviceCounts: {
    en: '{total}: {failing} failing, {healthy} healthy',
    fr: '{total} : {failing} en échec, {healthy} {healthy|sain|sains}',
  },
  verdicts: { en: 'Failing, by verdict', fr: 'En échec, par verdict' },
  failing: { en: 'Failing devices', fr: 'Équipements en échec' },
  noFailing: {
    en: 'No device reports a Cloud Configuration failure.',
    fr: 'Aucun équipement ne signale d’échec Cloud Configuration.',
  },
  colName: { en: 'Name', fr: 'Nom' },
  colAddress: { en: 'Management address', fr: 'Adresse de gestion' },
  colVersion: { en: 'Version', fr: 'Version' },
  colVerdict: { en: 'Verdict', fr: 'Verdict' },
  // The settings' columns say what every device view says (./device-text.ts).
  colDns: DEVICE_TEXT.dns,
  colProxy: DEVICE_TEXT.proxy,
  colGateway: DEVICE_TEXT.gateway,
  colFailingSince: { en: 'Failing since', fr: 'En échec depuis' },
  // What a cell says when the FMC gave no value (French agrees with the column's noun).
  addressNotGiven: { en: 'not given', fr: 'non fournie' },
  versionUnknown: { en: 'unknown', fr: 'inconnue' },
  sinceUnknown: { en: 'unknown', fr: 'inconnu' },
  version: { en: 'version {version}', fr: 'version {version}' },
  failingSince: { en: 'failing since {at}', fr: 'en échec depuis le {at}' },
  // The card's section names (issue 19's order, lib/diagnose/sections.ts), as the popup and the report say them.
  fix: { en: 'Fix', fr: 'Corriger' },
  verify: { en: 'Verify the fix', fr: 'Vérifier la correction' },
  check: { en: 'Find the cause', fr: 'Trouver la cause' },
  step: { en: 'Step', fr: 'Étape' },
  expected: { en: 'Expected', fr: 'Attendu' },
  source: { en: 'Source', fr: 'Source' },
  sourceSeed: { en: 'TAC note 217616', fr: 'note TAC 217616' },
  sourceCisco: { en: 'Cisco', fr: 'Cisco' },
  sourceInferred: { en: 'inferred', fr: 'déduit' },
  noSteps: { en: 'Nothing to do.', fr: 'Rien à faire.' },
  cli: { en: 'CLI', fr: 'CLI' },
  expert: { en: 'expert mode', fr: 'mode expert' },
  why: { en: 'Why this verdict', fr: 'Pourquoi ce verdict' },
  alertResults: { en: 'Alert results', fr: 'Résultats de l’alerte' },
  crossCheck: { en: 'Cross-check', fr: 'Vérification croisée' },
  showNetwork: { en: 'show network output', fr: 'Sortie de show network' },
  showNetworkNotRead: {
    en: 'None: show network could not be read on this device (see "Why this verdict").',
    fr: 'Aucune : show network n’a pas pu être lu sur cet équipement (voir « Pourquoi ce verdict »).',
  },
  showNetworkNotKept: {
    en: 'None: this diagnosis did not keep the output (it was made before the extension kept it). Run show network on the device.',
    fr: 'Aucune : ce diagnostic n’a pas gardé la sortie (il date d’avant que l’extension la garde). Lancez show network sur l’équipement.',
  },
  showNetworkClipped: {
    en: 'Truncated by FMC Cloud Doctor: only the first {kept} KB of {total} bytes are kept.',
    fr: 'Tronquée par FMC Cloud Doctor : seuls les {kept} premiers Ko sur {total} octets sont gardés.',
  },
  healthy: { en: 'Healthy devices', fr: 'Équipements sains' },
  healthyCount: {
    en: '{n} {n|device reports|devices report} no Cloud Configuration failure.',
    fr: '{n} {n|équipement ne signale|équipements ne signalent} aucun échec Cloud Configuration.',
  },
  /** Where the pieces that name the failing devices are missing: "reports no failure" could be untrue. */
  healthyCountIncomplete: {
    en: '{n} {n|device was|devices were} not found failing; whether {n|it fails|they fail} cannot be told, as the pieces that would show it could not be read.',
    fr: '{n} {n|équipement n’a pas été trouvé|équipements n’ont pas été trouvés} en échec ; impossible de dire {n|s’il échoue|s’ils échouent}, les parties qui le montreraient n’ont pas pu être lues.',
  },
  noHealthy: { en: 'No device is healthy.', fr: 'Aucun équipement n’est sain.' },
  healthyRead: {
    en: 'show network was read on {n} of them, for comparison; management DNS:',
    fr: 'show network a été lu sur {n} d’entre eux, pour comparaison ; DNS de gestion :',
  },
  healthyNoneRead: {
    en: 'show network was read on none of them.',
    fr: 'show network n’a été lu sur aucun d’entre eux.',
  },
  dnsSetUse: {
    en: '{servers} on {n} {n|device|devices}',
    fr: '{servers} sur {n} {n|équipement|équipements}',
  },
  dnsNoneUse: {
    en: 'no DNS server on {n} {n|device|devices}',
    fr: 'aucun serveur DNS sur {n} {n|équipement|équipements}',
  },
  cleared: {
    en: 'Cleared after a re-check or a watch',
    fr: 'Alerte levée après une revérification ou une surveillance',
  },
  clearedLine: { en: 'cleared at {at}', fr: 'alerte levée le {at}' },
  recheckedLine: { en: 're-checked at {at}', fr: 'revérifié le {at}' },
  crossChecks: { en: 'Cross-checks across devices', fr: 'Vérifications croisées entre équipements' },
  noFlags: { en: 'The cross-checks found nothing.', fr: 'Les vérifications croisées n’ont rien relevé.' },
  /** French sets a space before a colon and a semicolon. */
  colon: { en: ':', fr: ' :' },
  semicolon: { en: '; ', fr: ' ; ' },
} satisfies Record<string, Localized>;

export { VERDICT_LABELS } from './labels';

export const CLOUD_EVENTS_LABELS: Record<string, Localized> = {
  sent: { en: '{kinds} events sent', fr: 'envoi des événements {kinds}' },
  none: { en: 'none sent', fr: 'aucun envoi' },
  absent: { en: 'no such setting on this FMC', fr: 'paramètre absent de ce FMC' },
  error: { en: 'could not be read', fr: 'lecture impossible' },
};

/** A cloud-delivered FMC's `cloudintegrations` (issue 20), as read. */
export const CLOUD_INTEGRATION_LABELS: Record<string, Localized> = {
  enabled: { en: 'enabled', fr: 'activée' },
  disabled: { en: 'disabled', fr: 'désactivée' },
  absent: { en: 'no such endpoint on this FMC', fr: 'point d’accès absent de ce FMC' },
  error: { en: 'could not be read', fr: 'lecture impossible' },
};

export const SECUREX_LABELS: Record<string, Localized> = {
  enabled: { en: 'enabled', fr: 'activé' },
  disabled: { en: 'disabled', fr: 'désactivé' },
  absent: { en: 'no such setting on this FMC (before 7.0)', fr: 'paramètre absent de ce FMC (avant la 7.0)' },
  error: { en: 'could not be read', fr: 'lecture impossible' },
  /** A cloud-delivered FMC's API has no SecureX setting (issue 20). */
  cdfmc: { en: 'no such setting on a cloud-delivered FMC', fr: 'paramètre absent d’un FMC cloud' },
};

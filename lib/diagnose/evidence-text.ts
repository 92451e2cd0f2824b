import type { Localized } from '../i18n';

/**
 * How each fact is worded, as data: `{name}` placeholders are filled by evidence.ts. The wording quotes the
 * FMC and the CLI (labels such as "DNS Servers" or "Proxy State" stay in English, as the device prints them).
 */
export const EVIDENCE_TEXT = {
  alertFailing: {
    en: 'Health alert: {status} — {details}',
    fr: 'Alerte d’intégrité : {status} — {details}',
  },
  alertUnknown: {
    en: 'Health alert: {status}, a status that does not say whether the check fails (examined as a possible failure, not as healthy) — {details}',
    fr: 'Alerte d’intégrité : {status}, un état qui ne dit pas si la vérification échoue (examiné comme un échec possible, pas comme sain) — {details}',
  },
  /** `{status}` when the FMC gave none (a device without `healthStatus`). */
  noStatus: { en: 'no status', fr: 'aucun état' },
  alertClear: {
    en: 'Health alert: {status}, not a failure',
    fr: 'Alerte d’intégrité : {status}, pas un échec',
  },
  alertNone: {
    en: 'No Cloud Configuration failure reported for this device',
    fr: 'Aucun échec Cloud Configuration signalé pour cet équipement',
  },
  eventsSent: {
    en: 'Cloud events: {kinds} events sent',
    fr: 'Événements cloud : envoi des événements {kinds}',
  },
  eventsNone: {
    en: 'Cloud events: none sent (every send*Events setting is off)',
    fr: 'Événements cloud : aucun envoi (tous les paramètres send*Events sont désactivés)',
  },
  eventsAbsent: {
    en: 'Cloud events: this FMC has no such setting',
    fr: 'Événements cloud : ce FMC n’a pas ce paramètre',
  },
  eventsError: {
    en: 'Cloud events: the settings could not be read',
    fr: 'Événements cloud : les paramètres n’ont pas pu être lus',
  },
  securexEnabled: { en: 'SecureX: enabled', fr: 'SecureX : activé' },
  securexDisabled: { en: 'SecureX: disabled', fr: 'SecureX : désactivé' },
  securexAbsent: {
    en: 'SecureX: no such setting on this FMC (before 7.0)',
    fr: 'SecureX : ce FMC n’a pas ce paramètre (antérieur à la 7.0)',
  },
  securexError: {
    en: 'SecureX: the setting could not be read',
    fr: 'SecureX : le paramètre n’a pas pu être lu',
  },
  regionKnown: {
    en: 'Cloud region: {region}, SSE host {host}',
    fr: 'Région cloud : {region}, hôte SSE {host}',
  },
  regionAssumed: {
    en: 'Cloud region: unknown, the US host {host} is assumed',
    fr: 'Région cloud : inconnue, l’hôte américain {host} est retenu par défaut',
  },
  showNetworkUnsupported: {
    en: 'show network: cannot be run through the FMC on this device (version {version}){message}',
    fr: 'show network : impossible à lancer depuis le FMC sur cet équipement (version {version}){message}',
  },
  showNetworkFailed: {
    en: 'show network: the command failed{message}',
    fr: 'show network : la commande a échoué{message}',
  },
  showNetworkNotRead: {
    en: 'show network: not read for this device',
    fr: 'show network : non lu pour cet équipement',
  },
  showNetworkTruncated: {
    en: 'show network: the output is cut off mid-section; what follows was not seen',
    fr: 'show network : la sortie s’interrompt au milieu d’une section ; la suite n’a pas été lue',
  },
  showNetworkTruncatedIn: {
    en: 'show network: the output is cut off in the {section} section; what follows was not seen',
    fr: 'show network : la sortie s’interrompt dans la section {section} ; la suite n’a pas été lue',
  },
  dnsServers: { en: 'show network: DNS Servers {servers}', fr: 'show network : DNS Servers {servers}' },
  dnsAbsent: {
    en: 'show network: DNS Servers line absent',
    fr: 'show network : ligne DNS Servers absente',
  },
  dnsCutOff: {
    en: 'show network: the output stops before the DNS Servers line',
    fr: 'show network : la sortie s’arrête avant la ligne DNS Servers',
  },
  proxyEnabled: { en: 'Proxy State: Enabled ({proxy})', fr: 'Proxy State : Enabled ({proxy})' },
  proxyEnabledNoAddress: {
    en: 'Proxy State: Enabled (address not shown)',
    fr: 'Proxy State : Enabled (adresse non affichée)',
  },
  proxyDisabled: { en: 'Proxy State: Disabled', fr: 'Proxy State : Disabled' },
  proxyUnseen: {
    en: 'show network: no Proxy Information section seen before the cut',
    fr: 'show network : aucune section Proxy Information lue avant l’interruption',
  },
  proxyNoSection: {
    en: 'show network: the complete output has no Proxy Information section (older releases such as 6.2.3 print none), so no management proxy is shown',
    fr: 'show network : la sortie complète n’a pas de section Proxy Information (des versions anciennes comme la 6.2.3 n’en affichent pas) ; aucun proxy de gestion n’apparaît',
  },
  gateway: { en: 'Gateway: {gateway}', fr: 'Gateway : {gateway}' },
  browserResolves: {
    en: 'This browser resolves {host}: {addresses}',
    fr: 'Ce navigateur résout {host} : {addresses}',
  },
  browserFails: {
    en: 'This browser cannot resolve {host} either{error}',
    fr: 'Ce navigateur ne résout pas non plus {host}{error}',
  },
} satisfies Record<string, Localized>;

/** Event kinds from `send<Kind>Events`; a kind not listed here is shown as the FMC names it. */
export const EVENT_KINDS: Record<string, Localized> = {
  intrusion: { en: 'intrusion', fr: 'd’intrusion' },
  file: { en: 'file', fr: 'de fichiers' },
  connection: { en: 'connection', fr: 'de connexion' },
};

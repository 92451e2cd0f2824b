import type { Localized } from '../i18n';

/**
 * The pieces of a diagnosis that can be missing, as the JSON export names them (`incomplete[].part`). A piece
 * the FMC's version does not have is absent by design, not missing, and is never listed.
 */
export const INCOMPLETE_PARTS = [
  'devices',
  'alerts',
  'serverVersion',
  'cloudEvents',
  'securex',
  'cloudRegions',
  'dnsServerGroups',
  // A cdFMC's `cloudintegrations` (issue 20): one of its two scenario signals.
  'cloudIntegration',
] as const;
export type IncompletePart = (typeof INCOMPLETE_PARTS)[number];

/** One piece that could not be read (or only in part) after the retries, and why, as the user reads it. */
export interface IncompleteEntry {
  part: IncompletePart;
  reason: Localized;
}

/** How the popup, the report and the Markdown name each piece. */
export const PART_LABELS: Record<IncompletePart, Localized> = {
  devices: { en: 'Device list', fr: 'Liste des équipements' },
  alerts: { en: 'Health alerts', fr: 'Alertes d’intégrité' },
  serverVersion: { en: 'FMC version', fr: 'Version du FMC' },
  cloudEvents: { en: 'Cloud events settings', fr: 'Paramètres des événements cloud' },
  securex: { en: 'SecureX settings', fr: 'Paramètres SecureX' },
  cloudRegions: { en: 'Cloud region', fr: 'Région cloud' },
  dnsServerGroups: { en: 'DNS server groups', fr: 'Groupes de serveurs DNS' },
  cloudIntegration: { en: 'Cloud integration (cdFMC)', fr: 'Intégration cloud (cdFMC)' },
};

/**
 * What each missing piece means for the result. `{error}` is the FMC client's own message (what failed and
 * why), `{host}` the SSE host assumed in its place.
 */
export const INCOMPLETE_REASONS = {
  devicesFailed: {
    en: '{error} The devices the health alerts name were read one by one; other devices are not in this result.',
    fr: '{error} Les équipements que nomment les alertes d’intégrité ont été lus un par un ; les autres ne figurent pas dans ce résultat.',
  },
  devicesPartial: {
    en: 'The device list is incomplete: {error} The devices the health alerts name were read one by one.',
    fr: 'La liste des équipements est incomplète : {error} Les équipements que nomment les alertes d’intégrité ont été lus un par un.',
  },
  alertsFailed: {
    en: '{error} Devices whose health is not green (red, yellow, black or unknown) were examined instead.',
    fr: '{error} Les équipements dont l’état d’intégrité n’est pas vert (rouge, jaune, noir ou inconnu) ont été examinés à la place.',
  },
  alertsPartial: {
    en: 'The health alerts are incomplete: {error}',
    fr: 'Les alertes d’intégrité sont incomplètes : {error}',
  },
  serverVersion: {
    en: '{error} The FMC was read as a current version would be, at 120 requests a minute.',
    fr: '{error} Le FMC a été lu comme une version récente, à 120 requêtes par minute.',
  },
  setting: {
    en: '{error} The scenario cannot rest on this setting and is uncertain.',
    fr: '{error} Le scénario ne peut pas s’appuyer sur ce paramètre et reste incertain.',
  },
  cloudRegions: {
    en: '{error} The US host {host} was assumed.',
    fr: '{error} L’hôte américain {host} a été retenu par défaut.',
  },
  dnsServerGroups: {
    en: '{error} They are context only; the verdicts do not use them.',
    fr: '{error} Ils ne servent que de contexte ; les verdicts ne les utilisent pas.',
  },
} satisfies Record<string, Localized>;

/** The notice the popup, the report and the Markdown open with when something is missing. */
export const INCOMPLETE_TEXT = {
  heading: { en: 'Incomplete', fr: 'Incomplet' },
  intro: {
    en: 'Some pieces could not be read after the retries; this result lacks them:',
    fr: 'Certaines parties n’ont pas pu être lues malgré les nouvelles tentatives ; ce résultat en est privé :',
  },
  /** Replaces "no device reports the failure" when the pieces that would show one are missing. */
  failingUnknown: {
    en: 'Whether a device reports the Cloud Configuration failure cannot be told: the pieces that would show it could not be read.',
    fr: 'Impossible de dire si un équipement signale l’échec Cloud Configuration : les parties qui le montreraient n’ont pas pu être lues.',
  },
  /** Under a list of failing devices that may not be the whole list. */
  failingMaybeMore: {
    en: 'Other devices may fail too: the pieces that would show them could not be read.',
    fr: 'D’autres équipements peuvent aussi être en échec : les parties qui les montreraient n’ont pas pu être lues.',
  },
} satisfies Record<string, Localized>;

import type { Localized, LocalizedPlural } from '../i18n';

/**
 * The cross-checks' wording, as data: one text for the device flagged, one for the fleet summary. What was read
 * is stated; what we conclude from it is worded as an inference (issue 18). A count's noun and verb agree with
 * it (`{count|one|other}`, see `fill` in lib/i18n.ts).
 */
export const FLAG_TEXT = {
  dnsDiffersDevice: {
    en: 'Its DNS servers ({servers}) match no healthy device’s. {healthy}',
    fr: 'Ses serveurs DNS ({servers}) ne correspondent à ceux d’aucun équipement sain. {healthy}',
  },
  dnsDiffersFleet: {
    en: '{count} failing {count|device uses|devices use} DNS servers no healthy device read uses: {names}. {healthy}',
    fr: '{count} {count|équipement en échec utilise|équipements en échec utilisent} des serveurs DNS qu’aucun équipement sain lu n’utilise : {names}. {healthy}',
  },
  sharedDnsDevice: {
    en: 'It shares its DNS servers ({servers}) with the failing {peerCount|device|devices} {peers}{healthyNote}. Inferred: a resolver they share is a likely cause.',
    fr: 'Il partage ses serveurs DNS ({servers}) avec {peerCount|l’équipement en échec|les équipements en échec} {peers}{healthyNote}. Déduit : un résolveur commun est une cause probable.',
  },
  sharedDnsFleet: {
    en: '{names} all use the DNS servers {servers} and all fail{healthyNote}. Inferred: check these resolvers first.',
    fr: '{names} utilisent tous les serveurs DNS {servers} et sont tous en échec{healthyNote}. Déduit : vérifiez d’abord ces résolveurs.',
  },
  browserDevice: {
    en: 'This browser cannot resolve {host} either{error}: if it uses the same resolvers as the device, the fault is not this device alone.',
    fr: 'Ce navigateur ne résout pas non plus {host}{error} : s’il utilise les mêmes résolveurs que l’équipement, la panne ne vient pas de cet équipement seul.',
  },
  browserFleet: {
    en: 'This browser cannot resolve {host} either{error}. If it shares the devices’ resolvers, check the site’s DNS (or a DNS filter, or an outage) before each device.',
    fr: 'Ce navigateur ne résout pas non plus {host}{error}. S’il partage les résolveurs des équipements, vérifiez le DNS du site (ou un filtrage DNS, ou une panne) avant chaque équipement.',
  },
  dataInterfacesDevice: {
    en: 'Gateway: data-interfaces. Its management traffic leaves through the data interfaces, whose routes and access rules must let it reach {host} on TCP 443.',
    fr: 'Gateway : data-interfaces. Son trafic de gestion sort par les interfaces de données, dont les routes et les règles d’accès doivent le laisser joindre {host} en TCP 443.',
  },
  dataInterfacesFleet: {
    en: '{count} failing {count|device sends|devices send} management traffic through the data interfaces (Gateway: data-interfaces): {names}. Check the data-plane routes and access rules towards {host}.',
    fr: '{count} {count|équipement en échec envoie|équipements en échec envoient} le trafic de gestion par les interfaces de données (Gateway : data-interfaces) : {names}. Vérifiez les routes et les règles d’accès du plan de données vers {host}.',
  },
  noHealthyUses: {
    en: ', and no healthy device read uses them',
    fr: ', et aucun équipement sain lu ne les utilise',
  },
  noHealthyRead: {
    en: ' (no healthy device was read to compare with)',
    fr: ' (aucun équipement sain n’a été lu pour comparer)',
  },
  more: { en: '{names} and {count} more', fr: '{names} et {count} de plus' },
} satisfies Record<string, Localized>;

/**
 * The healthy devices' DNS servers, stated exactly (issue 19): how many were read, how many of those use each
 * set, how many list none, and how many were not read, so that no two statements of one diagnosis can disagree.
 * "Of the 3 healthy devices read, 2 use 10.30.0.53 and 1 uses 10.20.0.53, 10.20.1.53."
 */
export const HEALTHY_DNS_TEXT = {
  /** No device is healthy. */
  noHealthy: {
    en: 'No device is healthy: no peer to compare with.',
    fr: 'Aucun équipement n’est sain : aucun pair de comparaison.',
  },
  /** Healthy devices exist, none read; `count` = the healthy devices. */
  noneRead: {
    en: {
      one: 'The only healthy device was not read: no peer to compare with.',
      other: 'None of the {count} healthy devices was read: no peer to compare with.',
    },
    fr: {
      one: 'Le seul équipement sain n’a pas été lu : aucun pair de comparaison.',
      other: 'Aucun des {count} équipements sains n’a été lu : aucun pair de comparaison.',
    },
  },
  /** Every device read uses one set; `count` = the devices read. */
  allUse: {
    en: {
      one: 'The only healthy device read uses {servers}.',
      other: 'All {count} healthy devices read use {servers}.',
    },
    fr: {
      one: 'Le seul équipement sain lu utilise {servers}.',
      other: 'Les {count} équipements sains lus utilisent tous {servers}.',
    },
  },
  /** No device read lists a DNS server; `count` = the devices read. */
  allNone: {
    en: {
      one: 'The only healthy device read lists no DNS server.',
      other: 'None of the {count} healthy devices read lists a DNS server.',
    },
    fr: {
      one: 'Le seul équipement sain lu n’affiche aucun serveur DNS.',
      other: 'Aucun des {count} équipements sains lus n’affiche de serveur DNS.',
    },
  },
  /** The devices read fall in several groups; `count` = the devices read (2 or more), `groups` = the groups. */
  split: {
    en: {
      one: 'Of the {count} healthy device read, {groups}.',
      other: 'Of the {count} healthy devices read, {groups}.',
    },
    fr: {
      one: 'Sur le {count} équipement sain lu, {groups}.',
      other: 'Sur les {count} équipements sains lus, {groups}.',
    },
  },
  /** One group of `split`: `count` devices use `servers`. */
  group: {
    en: { one: '{count} uses {servers}', other: '{count} use {servers}' },
    fr: { one: '{count} utilise {servers}', other: '{count} utilisent {servers}' },
  },
  /** The group of `split` that lists no DNS server. */
  groupNone: {
    en: { one: '{count} lists no DNS server', other: '{count} list no DNS server' },
    fr: { one: '{count} n’affiche aucun serveur DNS', other: '{count} n’affichent aucun serveur DNS' },
  },
  /** After the statement on the devices read: `count` healthy devices were not read. */
  unread: {
    en: {
      one: '{count} other healthy device was not read.',
      other: '{count} other healthy devices were not read.',
    },
    fr: {
      one: '{count} autre équipement sain n’a pas été lu.',
      other: '{count} autres équipements sains n’ont pas été lus.',
    },
  },
  /** Joins the groups of `split`: two with "and", more with semicolons (a set lists its servers with commas). */
  and: { en: ' and ', fr: ' et ' },
  lastOfMany: { en: '; and ', fr: ' ; et ' },
  between: { en: '; ', fr: ' ; ' },
} satisfies Record<string, Localized | LocalizedPlural>;

import type { Localized } from '../i18n';

/**
 * The cross-checks' wording, as data: one text for the device flagged, one for the fleet summary. What was read
 * is stated; what we conclude from it is worded as an inference (issue 18).
 */
export const FLAG_TEXT = {
  dnsDiffersDevice: {
    en: 'Its DNS servers ({servers}) match no healthy device’s; healthy devices use {healthySets}.',
    fr: 'Ses serveurs DNS ({servers}) ne correspondent à ceux d’aucun équipement sain ; les équipements sains utilisent {healthySets}.',
  },
  dnsDiffersFleet: {
    en: '{count} failing device(s) use DNS servers no healthy device uses: {names}. Healthy devices use {healthySets}.',
    fr: '{count} équipement(s) en échec utilise(nt) des serveurs DNS qu’aucun équipement sain n’utilise : {names}. Les équipements sains utilisent {healthySets}.',
  },
  sharedDnsDevice: {
    en: 'It shares its DNS servers ({servers}) with failing peer(s) {peers}{healthyNote}. Inferred: a resolver they share is a likely cause.',
    fr: 'Il partage ses serveurs DNS ({servers}) avec un ou des équipements en échec, {peers}{healthyNote}. Déduit : un résolveur commun est une cause probable.',
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
    en: '{count} failing device(s) send management traffic through their data interfaces (Gateway: data-interfaces): {names}. Check the data-plane routes and access rules towards {host}.',
    fr: '{count} équipement(s) en échec envoie(nt) le trafic de gestion par les interfaces de données (Gateway : data-interfaces) : {names}. Vérifiez les routes et les règles d’accès du plan de données vers {host}.',
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

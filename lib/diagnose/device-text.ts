import { dataTypeResults } from '../alert/phrases';
import { fill, type Lang, type Localized, type LocalizedPlural, plural } from '../i18n';
import { alertResultsSplit } from './sections';
import { isShellSafeHost } from './shell-safe';
import type { DeviceDiagnosis, Verdict } from './types';

/**
 * A device's management settings in words, as `show network` showed them: its management DNS, its proxy and its
 * gateway. The one wording of the Markdown export, the report's table and the in-page hint's device view.
 */
export const DEVICE_TEXT = {
  dns: { en: 'Management DNS', fr: 'DNS de gestion' },
  proxy: { en: 'Proxy', fr: 'Proxy' },
  gateway: { en: 'Gateway', fr: 'Passerelle' },
  notRead: { en: 'not read', fr: 'non lu' },
  none: { en: 'none', fr: 'aucun' },
  enabled: { en: 'enabled', fr: 'activé' },
  disabled: { en: 'disabled', fr: 'désactivé' },
  addressNotShown: { en: 'address not shown', fr: 'adresse non affichée' },
} satisfies Record<string, Localized>;

/** An IPv6 address is bracketed before a port (`[2001:db8::8]:3128`), in words as in curl's `-x`. */
export function bracketHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * A proxy's address as every text writes it: `10.99.0.8:3128`, `[2001:db8::8]:3128` (an IPv6 address is
 * bracketed before a port), or the address alone when no port was printed; null without an address.
 */
export function proxyAddress(proxy: { address?: unknown; port?: unknown }): string | null {
  if (typeof proxy.address !== 'string' || proxy.address === '') return null;
  const host = bracketHost(proxy.address);
  return typeof proxy.port === 'number' && Number.isFinite(proxy.port)
    ? `${host}:${proxy.port}`
    : proxy.address;
}

/** The DNS servers, "none" when `show network` listed none, "not read" when it was not read. */
export function dnsText(device: Pick<DeviceDiagnosis, 'managementDns'>, lang: Lang): string {
  if (!device.managementDns) return DEVICE_TEXT.notRead[lang];
  const { servers } = device.managementDns;
  return servers.length === 0 ? DEVICE_TEXT.none[lang] : servers.join(', ');
}

/** "enabled (10.99.0.8:3128)", "enabled" when no address was printed, "disabled", or "not read". */
export function proxyText(device: Pick<DeviceDiagnosis, 'proxy'>, lang: Lang): string {
  const { proxy } = device;
  if (!proxy) return DEVICE_TEXT.notRead[lang];
  if (!proxy.enabled) return DEVICE_TEXT.disabled[lang];
  const address = proxyAddress(proxy);
  return address === null ? DEVICE_TEXT.enabled[lang] : `${DEVICE_TEXT.enabled[lang]} (${address})`;
}

/** The management interface's IPv4 default gateway, or "not read". */
export function gatewayText(device: Pick<DeviceDiagnosis, 'gateway'>, lang: Lang): string {
  return device.gateway ?? DEVICE_TEXT.notRead[lang];
}

/**
 * The verdict's cause in one line, first on a device's card (issue 19), filled with the device's own values.
 * Only what was read: the verdict's evidence, folded below it, says where each value comes from.
 */
export const CAUSE_TEXT = {
  healthy: {
    en: 'The Cisco Cloud Configuration check does not fail on this device.',
    fr: 'La vérification Cisco Cloud Configuration n’échoue pas sur cet équipement.',
  },
  'expected-integration-off': {
    en: 'Cloud integration looks off on this FMC, so this failure is expected: switch the check off in the health policy.',
    fr: 'L’intégration cloud semble désactivée sur ce FMC, cet échec est donc attendu : désactivez la vérification dans la politique d’intégrité.',
  },
  'dns-missing': {
    en: 'show network lists no management DNS server, so the device cannot resolve the cloud’s host names (option 1 of the TAC note).',
    fr: 'show network ne liste aucun serveur DNS de gestion, l’équipement ne peut donc pas résoudre les noms d’hôte du cloud (option 1 de la note TAC).',
  },
  proxy: {
    en: 'The device’s management traffic goes through a proxy ({proxy}); Cisco bug CSCvs05084 may apply.',
    fr: 'Le trafic de gestion de l’équipement passe par un proxy ({proxy}) ; le bug Cisco CSCvs05084 peut s’appliquer.',
  },
  connectivity: {
    en: 'The device has management DNS servers ({dns}) and no enabled proxy was read, yet it fails: name resolution or the way to the cloud. The checks below tell which.',
    fr: 'L’équipement a des serveurs DNS de gestion ({dns}) et aucun proxy activé n’a été lu, pourtant il échoue : la résolution des noms ou le chemin vers le cloud. Les vérifications ci-dessous disent lequel.',
  },
  unknown: {
    en: 'The device’s management settings could not be read: run the checks below on its CLI.',
    fr: 'Les paramètres de gestion de l’équipement n’ont pas pu être lus : lancez les vérifications ci-dessous depuis sa CLI.',
  },
} satisfies Record<Verdict, Localized>;

/** The one-line cause of the device's verdict, with its DNS servers or its proxy. */
export function causeText(device: DeviceDiagnosis, lang: Lang): string {
  const template = CAUSE_TEXT[device.verdict] ?? CAUSE_TEXT.unknown;
  const proxy = device.proxy ? proxyAddress(device.proxy) : null;
  return fill(template[lang], {
    dns: dnsText(device, lang),
    proxy: proxy ?? DEVICE_TEXT.addressNotShown[lang],
  });
}

/**
 * The device's management address as the FMC's REST API gives it (`hostName`, the host it manages the device
 * at), trimmed; null when it gave none.
 */
export function managementAddress(device: Pick<DeviceDiagnosis, 'hostName'>): string | null {
  const host = typeof device.hostName === 'string' ? device.hostName.trim() : '';
  return host === '' ? null : host;
}

/** "name · management address", the device as an admin finds it; the name alone without an address. */
export function deviceAddressLine(device: Pick<DeviceDiagnosis, 'name' | 'id' | 'hostName'>): string {
  const name = device.name?.trim() || device.id;
  const address = managementAddress(device);
  // A device registered by its address is named by it too: "10.0.0.5", not "10.0.0.5 · 10.0.0.5".
  return address === null || address === name ? name : `${name} · ${address}`;
}

/**
 * The command that opens the device's CLI from the admin's computer, ready to paste: `ssh admin@<address>`.
 * `admin` is the CLI account every threat defence device has (Cisco's FTD getting-started guides log in as
 * admin); null when the address is not a plain address or host name, so nothing the API sent runs in a shell.
 */
export function sshCommand(device: Pick<DeviceDiagnosis, 'hostName'>): string | null {
  const address = managementAddress(device);
  return isShellSafeHost(address) ? `ssh admin@${address}` : null;
}

/** "8 other data types: Success", folded on the card; "data types" alone when the alert has no Cloud Configuration line. */
const OTHER_RESULTS: Record<'others' | 'all' | 'lines' | 'moreLines', LocalizedPlural> = {
  others: {
    en: { one: '{count} other data type: {results}', other: '{count} other data types: {results}' },
    fr: {
      one: '{count} autre type de données : {results}',
      other: '{count} autres types de données : {results}',
    },
  },
  all: {
    en: { one: '{count} data type: {results}', other: '{count} data types: {results}' },
    fr: { one: '{count} type de données : {results}', other: '{count} types de données : {results}' },
  },
  /** Lines of the alert that name no data type (a time, a note): counted, never given a result. */
  lines: {
    en: { one: '{count} other line of the alert', other: '{count} other lines of the alert' },
    fr: { one: '{count} autre ligne de l’alerte', other: '{count} autres lignes de l’alerte' },
  },
  moreLines: {
    en: { one: '{text}, and {count} other line', other: '{text}, and {count} other lines' },
    fr: { one: '{text}, et {count} autre ligne', other: '{text}, et {count} autres lignes' },
  },
};

/**
 * The alert's other results in one line: how many data types, then each result word with how many say it
 * ("Success"; "2 Success, 1 Failure"), in the order they first come, as the FMC wrote them after the data type
 * (lib/alert/phrases.ts). A line that names no data type is counted apart, with no result read into it.
 */
export function otherResultsText(device: Pick<DeviceDiagnosis, 'alert'>, lang: Lang): string {
  const { lead, others } = alertResultsSplit(device);
  const words = new Map<string, number>();
  let lines = 0;
  for (const line of others) {
    const word = dataTypeResults(line).find((result) => result.result !== null)?.result;
    if (word) words.set(word, (words.get(word) ?? 0) + 1);
    else lines++;
  }
  const typed = others.length - lines;
  if (typed === 0) return plural(OTHER_RESULTS.lines, lines)[lang];
  const results =
    words.size === 1 ? [...words.keys()].join('') : [...words].map(([word, n]) => `${n} ${word}`).join(', ');
  const text = plural(OTHER_RESULTS[lead.length > 0 ? 'others' : 'all'], typed, { results })[lang];
  return lines === 0 ? text : plural(OTHER_RESULTS.moreLines, lines, { text })[lang];
}

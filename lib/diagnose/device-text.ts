import type { Lang, Localized } from '../i18n';
import type { DeviceDiagnosis } from './types';

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

/** The three settings, labelled, in the order an admin checks them. */
export function deviceSettings(
  device: Pick<DeviceDiagnosis, 'managementDns' | 'proxy' | 'gateway'>,
  lang: Lang,
): { label: string; value: string }[] {
  return [
    { label: DEVICE_TEXT.dns[lang], value: dnsText(device, lang) },
    { label: DEVICE_TEXT.proxy[lang], value: proxyText(device, lang) },
    { label: DEVICE_TEXT.gateway[lang], value: gatewayText(device, lang) },
  ];
}

import { browser } from 'wxt/browser';
import { createDohResolver } from '../dns/doh';
import { DEFAULT_DOH, type DohSettings, type ResolverUrlProblem, validateResolverUrl } from '../dns/settings';
import { createSystemResolver, type FirefoxDnsApi } from '../dns/system';
import type { DnsResolver } from '../dns/types';
import { STORAGE } from './storage';

/**
 * The stored resolver (storage.local, next to the other settings: a resolver address is not a secret and
 * syncs nowhere), or the default when none is stored or what is stored no longer passes validation.
 */
export async function readDohSettings(): Promise<DohSettings> {
  return (await STORAGE.dnsResolver.read()) ?? { ...DEFAULT_DOH };
}

export type WriteDohResult = { ok: true; settings: DohSettings } | { ok: false; problem: ResolverUrlProblem };

/** Validates before storing, so a bad address is explained on the options page rather than at lookup time. */
export async function writeDohSettings(settings: DohSettings): Promise<WriteDohResult> {
  const url = validateResolverUrl(settings.url);
  if (!url.ok) return url;
  const normalized: DohSettings = { url: url.url, format: settings.format === 'wire' ? 'wire' : 'json' };
  await STORAGE.dnsResolver.write(normalized);
  return { ok: true, settings: normalized };
}

export async function resetDohSettings(): Promise<void> {
  await STORAGE.dnsResolver.remove();
}

/**
 * `browser.dns` is Firefox's, and present only with the `dns` permission. The build flag is checked as well
 * because Chromium has a different, dev-channel-only `dns` API with the same method name.
 */
export function firefoxDnsApi(
  source: object = browser,
  firefox = import.meta.env?.FIREFOX === true,
): FirefoxDnsApi | undefined {
  if (!firefox) return undefined;
  const dns = (source as { dns?: Partial<FirefoxDnsApi> }).dns;
  return typeof dns?.resolve === 'function' ? (dns as FirefoxDnsApi) : undefined;
}

/**
 * Firefox's system resolver when the browser offers one (the DNS servers the admin's own network uses), the
 * chosen DoH resolver otherwise.
 */
export async function currentResolver(
  options: { preferDoh?: boolean; dnsApi?: FirefoxDnsApi } = {},
): Promise<DnsResolver> {
  const dns = options.dnsApi ?? firefoxDnsApi();
  if (dns && !options.preferDoh) return createSystemResolver(dns);
  return createDohResolver(await readDohSettings());
}

import { z } from 'zod';
import type { Localized } from '../i18n';
import { regionByApiHost } from '../knowledge/regions';
import { canonicalName } from './names';

export const DOH_FORMATS = ['json', 'wire'] as const;
export type DohFormat = (typeof DOH_FORMATS)[number];

export interface DohSettings {
  url: string;
  format: DohFormat;
}

export type ResolverUrlProblem = 'not-a-url' | 'not-https' | 'credentials';
export type ResolverUrlCheck = { ok: true; url: string } | { ok: false; problem: ResolverUrlProblem };

// Plain http only on this machine, for the test DoH server: anywhere else a proxy could read or change answers.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https only (loopback http for tests), no user name or password: URLs are shown and stored in the clear. */
export function validateResolverUrl(input: string): ResolverUrlCheck {
  // Resolver lists publish RFC 8484 URI templates (`…/dns-query{?dns}`); the template part is ours to fill.
  const text = input.trim().replace(/\{\?dns\}$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!allowed) return { ok: false, problem: 'not-https' };
  url.hash = '';
  return { ok: true, url: url.href };
}

export const RESOLVER_URL_PROBLEMS: Record<ResolverUrlProblem, Localized> = {
  'not-a-url': {
    en: 'This is not a web address. Enter the full address, such as https://dns.example.com/dns-query.',
    fr: 'Ce n’est pas une adresse web. Saisissez l’adresse complète, par exemple https://dns.example.com/dns-query.',
  },
  'not-https': {
    en: 'The resolver address must start with https:// so that nobody on the way can read or change the answers.',
    fr: 'L’adresse du résolveur doit commencer par https:// pour que personne sur le trajet ne puisse lire ni modifier les réponses.',
  },
  credentials: {
    en: 'Remove the user name and password from the address: they would be stored and shown in the clear.',
    fr: 'Retirez le nom d’utilisateur et le mot de passe de l’adresse : ils seraient enregistrés et affichés en clair.',
  },
};

export const DohSettingsSchema = z.object({
  url: z.string().refine((url) => validateResolverUrl(url).ok, {
    error: 'an https:// URL without credentials (http only on loopback)',
  }),
  format: z.enum(DOH_FORMATS),
});

/**
 * Cloudflare answers both formats at one address (JSON when asked with `accept: application/dns-json`), sends
 * CORS headers so an extension page may read the answer without a host permission, and publishes a privacy
 * policy for its public resolver. JSON is the default because an admin can read it in the network panel.
 */
export const DEFAULT_DOH: DohSettings = { url: 'https://cloudflare-dns.com/dns-query', format: 'json' };

export interface DohPreset extends DohSettings {
  id: string;
  /** Who receives the queries, for the options page's "what is sent where". */
  operator: string;
}

export const DOH_PRESETS: readonly DohPreset[] = [
  { id: 'cloudflare-json', operator: 'Cloudflare', ...DEFAULT_DOH },
  {
    id: 'cloudflare-wire',
    operator: 'Cloudflare',
    url: 'https://cloudflare-dns.com/dns-query',
    format: 'wire',
  },
  { id: 'google-json', operator: 'Google', url: 'https://dns.google/resolve', format: 'json' },
  { id: 'google-wire', operator: 'Google', url: 'https://dns.google/dns-query', format: 'wire' },
  // Quad9 serves its JSON API on a separate port.
  { id: 'quad9-json', operator: 'Quad9', url: 'https://dns.quad9.net:5053/dns-query', format: 'json' },
];

export function presetFor(settings: DohSettings): DohPreset | undefined {
  return DOH_PRESETS.find((preset) => preset.url === settings.url && preset.format === settings.format);
}

/** The malware cloud names the TAC note tells admins to `nslookup` besides the SSE hosts (domain.md §2). */
export const MALWARE_CLOUD_HOSTS = [
  'cloud-sa.amp.cisco.com',
  'cloud-sa.amp.sourcefire.com',
  'api.amp.sourcefire.com',
  'panacea.threatgrid.com',
] as const;

// Every device's connector starts at api-sse.cisco.com (`connector_fqdn` and the region discovery endpoint in
// connector.properties, domain.md §2), whatever its region.
const SSE_DISCOVERY_HOST = 'api-sse.cisco.com';

/**
 * The names to resolve for a region, in the order to show them: the region's API host, the discovery host,
 * the region's other hosts, then the malware cloud. Patterns such as `mx*.…` stand for numbered hosts that
 * cannot be looked up by the pattern, so they are skipped. An API host that no region knows is still checked.
 */
export function requiredHosts(regionApiHost: string): string[] {
  const region = regionByApiHost(regionApiHost);
  const names = [
    region?.apiHost ?? canonicalName(regionApiHost),
    SSE_DISCOVERY_HOST,
    ...(region?.otherHosts ?? []),
    ...MALWARE_CLOUD_HOSTS,
  ];
  return [...new Set(names.filter((name) => name && !name.includes('*')))];
}

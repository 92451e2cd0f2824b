import type { Lang } from '../i18n';
import type { DnsError, DnsErrorCode, DnsLookupResult, DnsResolverInfo } from './types';

type Texts = Readonly<Record<Lang, string>>;

/**
 * Every sentence the DNS lookups can put in front of an admin, as data. `{name}` placeholders are filled by
 * `formatDnsMessage`: `{resolver}` is the DoH URL or "Firefox system resolver", `{name}` the looked-up host.
 */
export const DNS_MESSAGES = {
  unreachable: {
    en: 'The DNS-over-HTTPS resolver {resolver} cannot be reached from this browser (network, proxy or TLS), or it does not accept requests from extensions (CORS). Check the resolver address in the options.',
    fr: 'Le résolveur DNS-over-HTTPS {resolver} est injoignable depuis ce navigateur (réseau, proxy ou TLS), ou il n’accepte pas les requêtes des extensions (CORS). Vérifiez l’adresse du résolveur dans les options.',
  },
  refused: {
    en: 'The resolver refused the query (REFUSED): it may only answer its own clients or names. Choose another resolver in the options.',
    fr: 'Le résolveur a refusé la requête (REFUSED) : il ne répond peut-être qu’à ses propres clients ou pour ses propres noms. Choisissez un autre résolveur dans les options.',
  },
  servfail: {
    en: 'The resolver could not resolve {name} (SERVFAIL): a DNS server it depends on failed or did not answer. Try again; if it persists, the name’s own DNS servers may be failing.',
    fr: 'Le résolveur n’a pas pu résoudre {name} (SERVFAIL) : un serveur DNS dont il dépend a échoué ou n’a pas répondu. Réessayez ; si cela persiste, les serveurs DNS du nom lui-même sont peut-être en panne.',
  },
  timeout: {
    en: 'The resolver {resolver} did not answer within {seconds} s.',
    fr: 'Le résolveur {resolver} n’a pas répondu en {seconds} s.',
  },
  'bad-response': {
    en: 'The answer from {resolver} is not a DNS answer. Check that the address is a DNS-over-HTTPS endpoint in the chosen format (JSON or wire), and that no proxy or login page answers instead.',
    fr: 'La réponse de {resolver} n’est pas une réponse DNS. Vérifiez que l’adresse est un point d’accès DNS-over-HTTPS au format choisi (JSON ou binaire), et qu’aucun proxy ni page de connexion ne répond à sa place.',
  },
  'http-status': {
    en: 'The resolver {resolver} answered with HTTP status {status} instead of a DNS answer. Check the address and the format in the options.',
    fr: 'Le résolveur {resolver} a répondu avec le statut HTTP {status} au lieu d’une réponse DNS. Vérifiez l’adresse et le format dans les options.',
  },
  'invalid-name': {
    en: '“{name}” is not a host name. Enter a name such as api-sse.cisco.com, without https:// or a path; an IP address needs no lookup.',
    fr: '« {name} » n’est pas un nom d’hôte. Saisissez un nom comme api-sse.cisco.com, sans https:// ni chemin ; une adresse IP n’a pas besoin d’être résolue.',
  },
  'not-allowed': {
    en: 'The resolver address {resolver} is not allowed: use an https:// address without a user name or password.',
    fr: 'L’adresse de résolveur {resolver} n’est pas autorisée : utilisez une adresse https:// sans nom d’utilisateur ni mot de passe.',
  },
} as const satisfies Record<DnsErrorCode, Texts>;

/** Firefox's resolver fails differently from a DoH server; these replace the DoH wording for it. */
export const DNS_SYSTEM_MESSAGES = {
  unreachable: {
    en: 'Firefox could not use this computer’s DNS servers ({detail}). Check the network connection and proxy settings.',
    fr: 'Firefox n’a pas pu utiliser les serveurs DNS de cet ordinateur ({detail}). Vérifiez la connexion réseau et les réglages du proxy.',
  },
  servfail: {
    en: 'Firefox’s resolver failed for {name} ({detail}).',
    fr: 'Le résolveur de Firefox a échoué pour {name} ({detail}).',
  },
  'not-allowed': {
    en: 'Firefox does not let the extension resolve names (the “dns” permission is missing).',
    fr: 'Firefox ne permet pas à l’extension de résoudre des noms (la permission « dns » manque).',
  },
} as const satisfies Partial<Record<DnsErrorCode, Texts>>;

/** Outcomes that are answers, not errors, still deserve a sentence. */
export const DNS_STATUS_MESSAGES = {
  nxdomain: {
    en: '{name} does not exist (NXDOMAIN) according to {resolver}.',
    fr: '{name} n’existe pas (NXDOMAIN) selon {resolver}.',
  },
  'nxdomain-system': {
    en: 'Firefox’s system resolver found no address for {name}: the name does not exist, or this computer’s DNS servers cannot be reached.',
    fr: 'Le résolveur système de Firefox n’a trouvé aucune adresse pour {name} : le nom n’existe pas, ou les serveurs DNS de cet ordinateur sont injoignables.',
  },
  'no-data': {
    en: '{name} exists but has no address (no A or AAAA record).',
    fr: '{name} existe mais n’a aucune adresse (ni enregistrement A ni AAAA).',
  },
} as const satisfies Record<string, Texts>;

/** For the options page and the lookup panel: what is sent where, and what the answers do not prove. */
export const DNS_NOTES = {
  'sent-doh': {
    en: 'Each lookup sends only the host name and record type (A, AAAA) to the DNS-over-HTTPS resolver {resolver}, over HTTPS, without cookies. Nothing else is sent, and nothing is sent anywhere but your FMC and this resolver.',
    fr: 'Chaque résolution envoie seulement le nom d’hôte et le type d’enregistrement (A, AAAA) au résolveur DNS-over-HTTPS {resolver}, en HTTPS, sans cookies. Rien d’autre n’est envoyé, et rien n’est envoyé ailleurs qu’à votre FMC et à ce résolveur.',
  },
  'sent-system': {
    en: 'In Firefox, lookups use this computer’s own DNS servers (the system resolver, as nslookup would), not an Internet service: only the host name leaves this computer, to those servers.',
    fr: 'Dans Firefox, les résolutions utilisent les serveurs DNS de cet ordinateur (le résolveur système, comme nslookup), pas un service Internet : seul le nom d’hôte quitte cet ordinateur, vers ces serveurs.',
  },
  scope: {
    en: 'These lookups run from this computer, not from the FMC or its devices: a device that uses other DNS servers (see show network) may still fail to resolve a name that resolves here.',
    fr: 'Ces résolutions partent de cet ordinateur, pas du FMC ni de ses équipements : un équipement qui utilise d’autres serveurs DNS (voir show network) peut échouer à résoudre un nom résolu ici.',
  },
} as const satisfies Record<string, Texts>;

export type DnsMessageParams = Readonly<Record<string, string | number>>;

export function formatDnsMessage(texts: Texts, params: DnsMessageParams = {}, lang: Lang = 'en'): string {
  return texts[lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** The sentence for an error, in the right wording for the resolver that produced it. */
export function describeDnsError(
  error: DnsError,
  context: { resolver: DnsResolverInfo; name: string },
  lang: Lang = 'en',
): string {
  const system =
    context.resolver.kind === 'system' && error.code in DNS_SYSTEM_MESSAGES
      ? DNS_SYSTEM_MESSAGES[error.code as keyof typeof DNS_SYSTEM_MESSAGES]
      : undefined;
  return formatDnsMessage(
    system ?? DNS_MESSAGES[error.code],
    {
      resolver: context.resolver.label,
      name: context.name,
      status: error.httpStatus ?? '?',
      seconds: error.timeoutMs === undefined ? '?' : Math.round(error.timeoutMs / 100) / 10,
      detail: error.message ?? error.code,
    },
    lang,
  );
}

/** One sentence for any lookup that found no address; undefined when it did. */
export function describeLookup(result: DnsLookupResult, lang: Lang = 'en'): string | undefined {
  const params = { name: result.name, resolver: result.resolver.label };
  switch (result.status) {
    case 'ok':
      return undefined;
    case 'nxdomain':
      return formatDnsMessage(
        DNS_STATUS_MESSAGES[result.resolver.kind === 'system' ? 'nxdomain-system' : 'nxdomain'],
        params,
        lang,
      );
    case 'no-data':
      return formatDnsMessage(DNS_STATUS_MESSAGES['no-data'], params, lang);
    case 'error':
      return describeDnsError(
        result.error ?? { code: 'bad-response' },
        { resolver: result.resolver, name: result.name },
        lang,
      );
  }
}

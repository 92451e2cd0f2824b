/**
 * Where each sentence of the advice comes from, as data (issue 18): the seed (Cisco TAC note 217616, kept in
 * ../shared/seed/cloud-configuration-failure.fr.md), another Cisco document with its address, or our own
 * inference, which the sentence then says in its own words ("Inferred: …" / "Déduit : …"). Small and free of
 * zod: the hint bundles it.
 */
import type { Lang, Localized } from '../i18n';

export type Source =
  /** Cisco TAC note 217616, the seed. */
  | { readonly kind: 'seed' }
  /** Another Cisco document: its own title (never translated) and its address, one of CISCO_HOSTS. */
  | { readonly kind: 'cisco'; readonly title: string; readonly url: string }
  /** Ours: not stated by any document we could read; the sentence says so. */
  | { readonly kind: 'inferred' };

/** One sentence (or a short run of them) in every language, with where it comes from. */
export interface Sourced extends Localized {
  /** One source, or several when the sentence sets two documents side by side. */
  readonly source: Source | readonly Source[];
}

export const SEED: Source = { kind: 'seed' };
export const INFERRED: Source = { kind: 'inferred' };

/** The seed's public addresses, English and French (the seed is the French translation). */
export const SEED_URL: Localized = {
  en: 'https://www.cisco.com/c/en/us/support/docs/security/firepower-ngfw/217616-troubleshoot-cisco-cloud-configuration.html',
  fr: 'https://www.cisco.com/c/fr_ca/support/docs/security/firepower-ngfw/217616-troubleshoot-cisco-cloud-configuration.html',
};

/** The only hosts a source may link to: Cisco's documentation sites. */
export const CISCO_HOSTS: readonly string[] = [
  'www.cisco.com',
  'cisco.com',
  'netascode.cisco.com',
  'securitydocs.cisco.com',
];

// Plain literals, no calls: a bundler drops the list where it is not read (the hint reads only the helpers).
// Every Cisco document the advice cites, once. Each address was read (issue 18's sources), none is guessed.
export const DOCS = {
  /** Lists the regional hosts (outbound 443), 6.4 for the US cloud, 6.5 for the others. */
  xdrDirect: {
    kind: 'cisco',
    title:
      'Cisco Secure Firewall Threat Defense and XDR Integration Guide: Send Events to the Cloud Directly',
    url: 'https://www.cisco.com/c/en/us/td/docs/security/secure-firewall/integrations/xdr/secure-firewall-threat-defense-and-xdr-integration-guide/send_events_to_the_cloud_directly.html',
  },
  /** SSEConnector, registration tokens, pmtool status. */
  sseCtr: {
    kind: 'cisco',
    title: 'Cisco TAC 215547: Troubleshoot the FMC integration with SSE and Cisco Threat Response',
    url: 'https://www.cisco.com/c/en/us/support/docs/security/amp-endpoints/215547-toubleshoot-on-the-fmc-and-ctr-integrati.html',
  },
  /** "Security, Internet Access, and Communication Ports": 443/tcp and 80/tcp by default, the hosts table. */
  ports: {
    kind: 'cisco',
    title: 'Cisco cdFMC guide: Security, Internet Access, and Communication Ports',
    url: 'https://cisco.com/c/en/us/td/docs/security/cdo/cloud-delivered-firewall-management-center-in-cdo/managing-firewall-threat-defense-services-with-cisco-defense-orchestrator/m_reference-ports.html',
  },
  /** "Location in GUI: Troubleshooting » Health » Policy" for current releases. */
  nacHealthPolicy: {
    kind: 'cisco',
    title: 'Cisco Network as Code, FMC data model: Health Policy',
    url: 'https://netascode.cisco.com/docs/data_models/fmc/policies/health_policy',
  },
  /** On-premises FMC 7.2 and later integrate with the Cisco Security Cloud. */
  securityCloud: {
    kind: 'cisco',
    title: 'Cisco Security Cloud Control: Basics (create a tenant; FMC 7.2 and later)',
    url: 'https://cisco.com/c/en/us/td/docs/security/cdo/managing-ssh-devices-with-cdo/managing-ssh-with-cisco-defense-orchestrator/basics-of-cisco-defense-orchestrator.html',
  },
  /** Cisco Secure Access, a different product, reaches its API at api.sse.cisco.com. */
  secureAccess: {
    kind: 'cisco',
    title: 'Cisco Secure Access: AD Connector network requirements',
    url: 'https://securitydocs.cisco.com/docs/csa/olh/122468.dita',
  },
  fn72332: {
    kind: 'cisco',
    title: 'Cisco field notice FN72332',
    url: 'https://www.cisco.com/c/en/us/support/docs/field-notices/723/fn72332.html',
  },
  fn74272: {
    kind: 'cisco',
    title: 'Cisco field notice FN74272',
    url: 'https://www.cisco.com/c/en/us/support/docs/field-notices/742/fn74272.html',
  },
} satisfies Record<string, Source>;

/** A sentence's sources as a list, whichever form it was written in. */
export function sourcesOf(sourced: { source?: unknown } | null | undefined): Source[] {
  const source = sourced?.source;
  const list = Array.isArray(source) ? source : source === undefined ? [] : [source];
  return list.filter(isSource);
}

/** Read back from storage, a value may be anything: only a well-formed source counts. */
export function isSource(value: unknown): value is Source {
  if (value === null || typeof value !== 'object') return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'seed' || kind === 'inferred') return true;
  const { title, url } = value as { title?: unknown; url?: unknown };
  return kind === 'cisco' && typeof title === 'string' && typeof url === 'string';
}

/**
 * The address a source may link to, or null: only https on Cisco's documentation hosts, whatever the data says
 * (a stored diagnosis could have been edited by hand).
 */
export function sourceUrl(source: Source, lang: Lang): string | null {
  if (source.kind === 'seed') return SEED_URL[lang];
  if (source.kind !== 'cisco') return null;
  try {
    const url = new URL(source.url);
    return url.protocol === 'https:' && CISCO_HOSTS.includes(url.hostname) && url.username === ''
      ? url.href
      : null;
  } catch {
    return null;
  }
}

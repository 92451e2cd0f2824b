import type { AlertMatcher } from '../detect/types';
import type { Lang } from './schema';

/**
 * The Health Monitor rows the knowledge base explains, apart from its prose: the content script bundles
 * only this (a few hundred bytes) and fetches an entry's text from the background when a hint opens.
 */
export const HEALTH_MODULE = 'Threat Data Updates';

export const ALERT_DATA_TYPES = {
  'cloud-configuration': 'Cisco Cloud Configuration',
  'si-url-feeds': 'SI URL Lists and Feeds',
  'si-network-feeds': 'SI Network Lists and Feeds',
  'si-dns-feeds': 'SI DNS Lists and Feeds',
  'url-category-reputation': 'URL Category and Reputation',
  'local-malware-signatures': 'Local Malware Analysis Signatures',
  'amp-dynamic-analysis': 'AMP Dynamic Analysis',
} as const;
export type AlertId = keyof typeof ALERT_DATA_TYPES;

export function failureMatch(dataType: string) {
  return { module: HEALTH_MODULE, dataType, status: 'Failure' };
}

export const alertMatchers: AlertMatcher[] = Object.entries(ALERT_DATA_TYPES).map(([id, dataType]) => ({
  id,
  ...failureMatch(dataType),
}));

/** Browser locales come as `fr`, `fr-CA`, `fr_FR`…; every other language falls back to English. */
export function uiLang(locale: string): Lang {
  return locale.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function bugUrl(id: string): string {
  return `https://bst.cloudapps.cisco.com/bugsearch/bug/${encodeURIComponent(id)}`;
}

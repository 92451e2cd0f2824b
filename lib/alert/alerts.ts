import { FAILURE_WORDS, HEALTH_MODULE_NAMES } from './phrases';

/**
 * How a health check's result reads in a row: the data type's name followed by one of its result words
 * (`Cisco Cloud Configuration` | `Failure`), the module's name maybe first. The page detection (`lib/detect`)
 * compiles these; the phrases are this folder's.
 */
export interface AlertMatcher {
  /** Knowledge-base id of the entry that explains this alert. */
  id: string;
  /** Names of the health module; may precede the data type in the row, never required. */
  modules: readonly string[];
  dataType: string;
  /** The result words that report this alert (the failure words). */
  results: readonly string[];
}

/**
 * The Health Monitor rows the knowledge base explains, apart from its prose: the content script bundles
 * only this (a few hundred bytes) and fetches an entry's text from the background when a hint opens.
 * Rows of the module left out ("SI SHA Lists (from TID)", "Threat Configuration"): no public Cisco document
 * says what their failure means; they are still read as rows (`SEED_DATA_TYPES`), never annotated.
 */
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

/** How a row of the module reports a failure of `dataType`: the data type, then one of the failure words. */
export function failureMatch(dataType: string): { modules: string[]; dataType: string; results: string[] } {
  return { modules: [...HEALTH_MODULE_NAMES], dataType, results: [...FAILURE_WORDS] };
}

/** In the knowledge base's order, which is also the order of priority when one row reports several. */
export const alertMatchers: AlertMatcher[] = Object.entries(ALERT_DATA_TYPES).map(([id, dataType]) => ({
  id,
  ...failureMatch(dataType),
}));

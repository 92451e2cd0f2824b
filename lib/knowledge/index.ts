import { cloudConfiguration, TAC_NOTE } from './entries/cloud-configuration';
import { ampDynamicAnalysis } from './entries/dynamic-analysis';
import { localMalwareSignatures } from './entries/local-malware';
import { siDnsFeeds, siNetworkFeeds, siUrlFeeds } from './entries/security-intelligence';
import { urlCategoryReputation } from './entries/url-category';
import type { KnowledgeEntry } from './schema';

// Type-only imports from schema.ts keep zod out of the content-script bundle; the tests validate the data.

export { bugUrl } from './bugs';
export type { Bug, Command, KnowledgeEntry, Link, Section, Sourced, Step } from './schema';
export type { Source } from './sources';
export { DOCS, INFERRED, SEED, SEED_URL, sourcesOf, sourceUrl } from './sources';
export { TAC_NOTE };

// Rows of "Threat Data Updates on Devices" left out: "SI SHA Lists (from TID)" and "Threat Configuration" are
// pushed by the FMC (Threat Intelligence Director) and no public Cisco document says what their failure means.
export const knowledgeBase: readonly KnowledgeEntry[] = [
  cloudConfiguration,
  siUrlFeeds,
  siNetworkFeeds,
  siDnsFeeds,
  urlCategoryReputation,
  localMalwareSignatures,
  ampDynamicAnalysis,
];

export function entryById(id: string): KnowledgeEntry | undefined {
  return knowledgeBase.find((entry) => entry.id === id);
}

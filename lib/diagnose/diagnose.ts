import { isObject, text } from './coerce';
import { decideDevices } from './devices';
import { INCOMPLETE_PARTS, type IncompleteEntry, type IncompletePart } from './incomplete';
import { decideIntegration } from './integration';
import { DIAGNOSIS_SCHEMA_ID, type DiagnoseInput, type Diagnosis } from './types';

/**
 * The whole diagnosis of one FMC's fleet: the integration's verdict (./integration.ts), then every device's
 * against it (./devices.ts). Pure and total: the same input gives the same output, and no combination of missing
 * or unreadable pieces makes it throw (the UI feeds it whatever the FMC answered).
 */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const integration = decideIntegration(input?.integration);
  const decided = decideDevices(integration, Array.isArray(input?.devices) ? input.devices : [], {
    browserDns: input?.browserDns,
  });
  const fmc = isObject(input?.fmc) ? input.fmc : null;
  const domain = isObject(fmc?.domain) ? fmc.domain : null;
  return {
    schema: DIAGNOSIS_SCHEMA_ID,
    fmc: {
      origin: text(fmc?.origin),
      version: text(fmc?.version),
      domain: { uuid: text(domain?.uuid), name: text(domain?.name) },
    },
    integration,
    devices: decided.devices,
    flags: decided.flags,
    counts: decided.counts,
    peerDns: decided.peerDns,
    incomplete: normalizeIncomplete(input?.incomplete),
    failingComplete: input?.failingComplete !== false,
  };
}

const PARTS = new Set<string>(INCOMPLETE_PARTS);

/** Entries with a known part and a reason in both languages; anything else a caller passed is dropped. */
function normalizeIncomplete(entries: unknown): IncompleteEntry[] {
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry): IncompleteEntry[] => {
    if (!isObject(entry)) return [];
    const { part, reason } = entry as { part?: unknown; reason?: { en?: unknown; fr?: unknown } };
    if (typeof part !== 'string' || !PARTS.has(part) || !isObject(reason)) return [];
    return [{ part: part as IncompletePart, reason: { en: text(reason.en), fr: text(reason.fr) } }];
  });
}

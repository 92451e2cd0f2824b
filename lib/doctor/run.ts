import { type BrowserDnsResult, type Diagnosis, diagnose } from '../diagnose';
import { chooseRegion } from '../diagnose/region';
import type { DnsResolver } from '../dns';
import { lookupHost, lookupOutcome } from '../dns/lookup';
import { collectFleet, type FleetSnapshot, type FmcClient } from '../fmc';
import { regionByApiHost } from '../knowledge/regions';
import { diagnoseInputFrom } from './input';

export interface DoctorProgress {
  /** Requests answered so far (pages of a list count once, retries once each), and how many in all. */
  done: number;
  expected: number;
  /** Time the remaining requests need at the FMC's allowed rate: what is left at worst. */
  etaMs: number;
  /**
   * The run's phase (issue 19): the session checked (`sign-in`, written by the runner before collecting), the
   * FMC's version, devices, alerts and settings (`fleet`), `show network` with `commands` answered of asked,
   * then the region's host looked up from the browser (`dns`). Absent in states written before it.
   */
  phase?: 'sign-in' | 'fleet' | 'show-network' | 'dns';
  commands?: { done: number; total: number };
}

export interface DoctorOptions {
  client: FmcClient;
  domain: { uuid: string; name: string };
  signal?: AbortSignal;
  onProgress?(progress: DoctorProgress): void;
  /** Healthy devices whose management DNS is read for comparison. */
  peers?: number;
  /** Resolves the region's SSE host from the browser too (the cross-check "not even from here"). */
  resolver?: DnsResolver | null;
}

export interface DoctorResult {
  diagnosis: Diagnosis;
  snapshot: FleetSnapshot;
}

/**
 * The whole diagnosis of one FMC domain: collect (fewest requests, within the FMC's rate limit, healthy peers
 * included), resolve the region's host from the browser, and decide every device's verdict.
 */
export async function runDiagnosis(options: DoctorOptions): Promise<DoctorResult> {
  const { client, signal } = options;
  let last = { done: 0, expected: 0 };
  const snapshot = await collectFleet(client, {
    ...(signal ? { signal } : {}),
    ...(options.peers === undefined ? {} : { peers: options.peers }),
    onProgress: ({ done, expected, stage, commands }) => {
      const { perWindow, windowMs } = client.limiter.requests;
      const etaMs = Math.max(0, expected - done) * (windowMs / Math.max(1, perWindow));
      last = { done, expected };
      options.onProgress?.({ done, expected, etaMs, phase: stage, ...(commands ? { commands } : {}) });
    },
  });
  const host = knowledgeBaseHost(snapshot);
  if (options.resolver && host !== null) options.onProgress?.({ ...last, etaMs: 0, phase: 'dns' });
  const browserDns = options.resolver ? await resolveFromBrowser(host, options.resolver, signal) : undefined;
  const input = diagnoseInputFrom(client.origin, options.domain, snapshot, browserDns);
  return { diagnosis: diagnose(input), snapshot };
}

/**
 * The SSE host to resolve without asking: only one of the knowledge base's region hosts. A host name the FMC
 * supplies that the knowledge base does not list goes to the resolver only when the user asks (the popup's
 * DNS panel), so that nothing the FMC says is sent to a third party on its own.
 */
function knowledgeBaseHost(snapshot: FleetSnapshot): string | null {
  const regions = snapshot.integration.cloudRegions;
  const current = regions.ok ? regions.value.find((region) => region.current) : undefined;
  return knowledgeBaseHostOf(chooseRegion(current?.domain ?? null).host);
}

/** The host, when it is one of the knowledge base's region hosts; else null (never resolved on its own). */
export function knowledgeBaseHostOf(host: string): string | null {
  return regionByApiHost(host) ? host : null;
}

export async function resolveFromBrowser(
  host: string | null,
  resolver: DnsResolver,
  signal: AbortSignal | undefined,
): Promise<BrowserDnsResult[] | undefined> {
  if (host === null) return undefined;
  const result = await lookupHost(host, resolver, { signal });
  // Only the resolver's own verdict on the name counts: an unreachable or refusing resolver says nothing
  // about the name, and must not read as "does not resolve from here either" (lib/dns `lookupOutcome`).
  const outcome = lookupOutcome(result);
  if (outcome === 'not-checked') return undefined;
  return [
    {
      host,
      ok: outcome === 'resolves',
      addresses: result.addresses,
      ...(result.error
        ? { error: result.error.code }
        : result.status !== 'ok'
          ? { error: result.status }
          : {}),
    },
  ];
}

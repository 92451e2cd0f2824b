import { type BrowserDnsResult, type Diagnosis, diagnose } from '../diagnose';
import type { DnsResolver } from '../dns';
import { lookupHost } from '../dns/lookup';
import {
  collectFleet,
  type FleetSnapshot,
  type FmcClient,
  type Part,
  parseShowNetwork,
  runShowNetwork,
} from '../fmc';
import { FmcError, isFatal } from '../fmc/errors';
import { versionAtLeast } from '../fmc/version';
import { diagnoseInputFrom, type PeerOutputs } from './input';

export interface DoctorProgress {
  /** Requests answered so far (pages of a list count once), and how many the run expects in all. */
  done: number;
  expected: number;
  /** Time the remaining requests need at the FMC's allowed rate: what is left at worst. */
  etaMs: number;
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

const DEFAULT_PEERS = 3;
/** `show network` through the command API exists for devices from 6.6 on. */
const COMMANDS_SINCE = '6.6';

/**
 * The whole diagnosis of one FMC domain: collect (fewest requests, within the FMC's rate limit), read a few
 * healthy peers' DNS, resolve the region's host from the browser, and decide every device's verdict.
 */
export async function runDiagnosis(options: DoctorOptions): Promise<DoctorResult> {
  const { client, signal } = options;
  let collected = { done: 0, expected: 0 };
  let peerTotal = 0;
  let peerDone = 0;
  const report = () => {
    const done = collected.done + peerDone;
    const expected = collected.expected + peerTotal;
    const { perWindow, windowMs } = rateOf(client);
    options.onProgress?.({ done, expected, etaMs: Math.max(0, expected - done) * (windowMs / perWindow) });
  };

  const snapshot = await collectFleet(client, {
    signal,
    onProgress: (progress) => {
      collected = progress;
      report();
    },
  });

  const peerIds = pickPeers(snapshot, options.peers ?? DEFAULT_PEERS);
  peerTotal = peerIds.length;
  report();
  const regionHost = currentRegionHost(snapshot);
  const [peerParts, browserDns] = await Promise.all([
    Promise.all(
      peerIds.map(
        async (id): Promise<[string, Part<{ raw: string; parsed: ReturnType<typeof parseShowNetwork> }>]> => {
          try {
            const raw = await runShowNetwork(client, id, { signal });
            return [id, { ok: true, value: { raw, parsed: parseShowNetwork(raw) } }];
          } catch (error) {
            // A peer is only for comparison: its failure never fails the diagnosis, unless it stops everything.
            if (!(error instanceof FmcError) || isFatal(error)) throw error;
            return [id, { ok: false, error }];
          } finally {
            peerDone++;
            report();
          }
        },
      ),
    ),
    options.resolver ? resolveFromBrowser(regionHost, options.resolver, signal) : Promise.resolve(undefined),
  ]);
  const peers: PeerOutputs = Object.fromEntries(peerParts);
  const input = diagnoseInputFrom(client.origin, options.domain, snapshot, peers, browserDns);
  return { diagnosis: diagnose(input), snapshot };
}

function rateOf(client: FmcClient): { perWindow: number; windowMs: number } {
  const { requests } = client.limiter;
  return { perWindow: Math.max(1, requests.perWindow), windowMs: requests.windowMs };
}

function currentRegionHost(snapshot: FleetSnapshot): string {
  const regions = snapshot.integration.cloudRegions;
  return (regions.ok && regions.value.find((region) => region.current)?.domain) || 'api-sse.cisco.com';
}

/** Healthy devices that can run the command, spread over the list so that sites and models mix. */
function pickPeers(snapshot: FleetSnapshot, count: number): string[] {
  if (!snapshot.devices.ok || count <= 0) return [];
  const failing = new Set(snapshot.failingDeviceIds);
  const candidates = snapshot.devices.value.filter(
    (device) =>
      !failing.has(device.id) && (!device.sw_version || versionAtLeast(device.sw_version, COMMANDS_SINCE)),
  );
  if (candidates.length <= count) return candidates.map((device) => device.id);
  const step = candidates.length / count;
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(i * step)]?.id).filter(
    (id): id is string => id !== undefined,
  );
}

async function resolveFromBrowser(
  host: string,
  resolver: DnsResolver,
  signal: AbortSignal | undefined,
): Promise<BrowserDnsResult[] | undefined> {
  const result = await lookupHost(host, resolver, { signal });
  // Only the resolver's own verdict on the name counts: an unreachable or refusing resolver says nothing
  // about the name, and must not read as "does not resolve from here either".
  if (result.status === 'error' && result.error?.code !== 'servfail') return undefined;
  return [
    {
      host,
      ok: result.status === 'ok' && result.addresses.length > 0,
      addresses: result.addresses,
      ...(result.error
        ? { error: result.error.code }
        : result.status !== 'ok'
          ? { error: result.status }
          : {}),
    },
  ];
}

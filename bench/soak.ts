/**
 * Soak run: the real `runDiagnosis` against a simulated fleet, round after round for a bounded time, while a
 * seeded schedule of faults is applied to the simulator: 5xx bursts (FMC error bodies, cut JSON, HTML error
 * pages), 429s from "another client" with and without Retry-After, tokens the FMC expires early, 200 answers
 * that are not JSON (a command or a list page), slow answers and latency.
 *
 * What must hold (issue "hardening"):
 * - every round ends, and every device of the fleet gets a verdict in it: the right one, or `unknown` for a
 *   failing device whose `show network` a fault took away; never a wrong one;
 * - no request beyond the retry budget: requests ≤ rounds × the minimum of a round + one retry per failure
 *   answer served (injected 5xx and 429, 401 for an expired token) + the refresh / sign-in requests;
 * - no 429 caused by us, no unhandled rejection;
 * - memory stays flat: heap after a full GC at the start (after a warm-up round), the middle and the end.
 *
 * Faults are scheduled so that no single request meets more failures than the client's policy retries
 * (2 × 5xx, 3 × 429): one burst queued at a time, of at most that many answers, and the next only once every
 * request that met a 5xx or a 429 has had its answer (watched through the client's `fetch`); a burst no request
 * meets within half a window is withdrawn. A device list that cannot be read gives no device a verdict, by
 * design, so non-JSON 200s go to the other endpoints only; a 5xx on the list is retried.
 *
 * `npm run bench -- soak` runs the bench size (1,000 devices, about 3 minutes; SOAK_SECONDS and SOAK_SEED
 * override); test/integration/soak.test.ts runs a short one in CI (300 devices, 20 s).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { VERDICTS, type Verdict } from '../lib/diagnose';
import { runDiagnosis } from '../lib/doctor/run';
import { FmcClient } from '../lib/fmc/client';
import type { RetryPolicy } from '../lib/fmc/http';
import { type FailureCause, prng, type SimDevice } from '../test/fmc-sim/fleet';
import type { InjectedAnswerInput } from '../test/fmc-sim/rest';
import { SIM_PASSWORD, SIM_USER, type SimHarness, startSim } from '../test/integration/sim-harness';
import type { BenchFigure } from './types';

export interface SoakOptions {
  devices: number;
  failing: number;
  durationMs: number;
  /** Seed of the fleet and of the fault schedule. */
  seed: number;
  /** The FMC's rate limit, scaled: `perWindow` requests per `windowMs` (the client is told the same). */
  rate: { perWindow: number; windowMs: number };
  /**
   * The client's margin on the window (its default is 2 % of it, at least 50 ms). The simulator runs in the
   * client's process: a stalled event loop delays arrivals as a slow network would, so a scaled-down window
   * needs the margin the real one has in absolute terms.
   */
  safetyMarginMs?: number;
  pageSize: number;
  /** Base latency of every answer. */
  latencyMs: number;
  retry: Partial<RetryPolicy> & Pick<RetryPolicy, 'transientRetries' | 'rateLimitRetries' | 'maxBackoffMs'>;
  /** Time between two fault decisions. */
  tickMs: number;
  /** Early token expiry the FMC applies, chosen in this range each time it changes. */
  tokenLifetimeMs: [number, number];
  /** Slow phases: extra delay on one endpoint. */
  slowMs: [number, number];
  /** Retry-After seconds of an injected 429 that carries one. */
  retryAfterSec: [number, number];
  /** Share of devices on versions without `show network` (their failure is `unknown` by design). */
  oldVersionRatio: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  options: SoakOptions;
  wallMs: number;
  rounds: number;
  roundsFailed: number;
  /** Wall time of each round after the warm-up. */
  roundMs: number[];
  roundErrors: string[];
  /** Device verdicts over all rounds. */
  verdicts: number;
  devicesWithoutVerdict: number;
  /**
   * Devices lost without a word: a wrong verdict, a failing device missing from a round, or a device missing
   * from a round whose result does not say the device list is incomplete. Must be 0.
   */
  silentLosses: number;
  /** Rounds whose result listed missing pieces (`incomplete`), and which pieces. */
  incompleteRounds: Record<string, number>;
  correct: number;
  /** Failing devices whose `show network` a fault took away: `unknown` instead of their cause. */
  degraded: number;
  wrong: number;
  wrongExamples: string[];
  verdictCounts: Record<Verdict, number>;
  requests: number;
  minimumPerRound: number;
  cleanRoundRequests: number;
  requestBound: number;
  served: { serverError: number; rateLimited: number; malformed: number; expiredToken: number };
  authRequests: { refreshes: number; logins: number };
  overshoot429: number;
  faultsScheduled: Record<string, number>;
  unhandledRejections: number;
  heapMb: { start: number; middle: number; end: number };
  gc: boolean;
  maxInFlight: number;
  maxInWindow: number;
}

/** `--expose-gc` at run time: `global.gc` when the process was started with it, else the V8 flag. */
function gcFunction(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function heapMb(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The verdict the simulated device deserves, from what the simulator knows of it. */
function truth(device: SimDevice): Verdict {
  if (device.cause === null) return 'healthy';
  if (!device.showNetworkSupported) return 'unknown';
  const causes: Record<FailureCause, Verdict> = {
    'dns-missing': 'dns-missing',
    proxy: 'proxy',
    connectivity: 'connectivity',
  };
  return causes[device.cause];
}

type FaultKind = 'serverError' | 'rateLimited' | 'malformed';
const TAG: Record<FaultKind, string> = {
  serverError: 'soak:5xx',
  rateLimited: 'soak:429',
  malformed: 'soak:malformed',
};

/** Endpoints (substrings of the simulator's endpoint keys) a burst may hit; undefined: any `/api` request. */
const ANY_ENDPOINT = [
  undefined,
  undefined,
  undefined,
  'GET devices/devicerecords',
  'GET devices/devicerecords',
  'operational/commands',
  'operational/commands',
  'health/alerts',
  'integration/',
  'info/serverversion',
  'object/dnsservergroups',
  'auth/',
];
/** A 200 that is not JSON is retried like a 5xx: the device list too (never the tokens, which are not GETs). */
const MALFORMED_ENDPOINTS = [
  'GET devices/devicerecords',
  'operational/commands',
  'operational/commands',
  'operational/commands',
  'health/alerts',
  'integration/',
  'object/dnsservergroups',
];

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const rand = prng(options.seed);
  const between = ([min, max]: [number, number]) => min + rand() * (max - min);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

  let unhandled = 0;
  const onUnhandled = (reason: unknown) => {
    unhandled++;
    log(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  };
  process.on('unhandledRejection', onUnhandled);

  const sim: SimHarness = await startSim({
    fleet: {
      devices: options.devices,
      failing: options.failing,
      seed: options.seed,
      serverVersion: '7.4.1',
      oldVersionRatio: options.oldVersionRatio,
    },
    faults: {
      latencyMs: options.latencyMs,
      rateLimit: { perMinute: options.rate.perWindow, windowMs: options.rate.windowMs, retryAfterSec: null },
      maxPageSize: options.pageSize,
    },
  });
  const fleet = sim.fleet();
  const expected = new Map(fleet.devices.map((device) => [device.id, truth(device)]));
  const gc = gcFunction();

  const failingWithCommand = fleet.devices.filter((d) => d.cause !== null && d.showNetworkSupported).length;
  const healthyPeers = Math.min(3, fleet.devices.filter((d) => d.cause === null).length);
  const pages = (count: number) => Math.max(1, Math.ceil(count / options.pageSize));
  // Server version, device pages, alert pages, 4 integration reads, a command per failing device, 3 peers.
  const minimumPerRound =
    1 + pages(options.devices) + pages(options.failing) + 4 + failingWithCommand + healthyPeers;

  const result: SoakResult = {
    options,
    wallMs: 0,
    rounds: 0,
    roundsFailed: 0,
    roundMs: [],
    roundErrors: [],
    verdicts: 0,
    devicesWithoutVerdict: 0,
    silentLosses: 0,
    incompleteRounds: {},
    correct: 0,
    degraded: 0,
    wrong: 0,
    wrongExamples: [],
    verdictCounts: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>,
    requests: 0,
    minimumPerRound,
    cleanRoundRequests: 0,
    requestBound: 0,
    served: { serverError: 0, rateLimited: 0, malformed: 0, expiredToken: 0 },
    authRequests: { refreshes: 0, logins: 0 },
    overshoot429: 0,
    faultsScheduled: {},
    unhandledRejections: 0,
    heapMb: { start: 0, middle: 0, end: 0 },
    gc: gc !== undefined,
    maxInFlight: 0,
    maxInWindow: 0,
  };

  // Requests (by URL) whose last answer was a 5xx, a 429 or an injected 200 that is not JSON: they are
  // retrying. Watched from the client's side.
  const retrying = new Map<string, number>();
  const watched: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (response.status >= 500 || response.status === 429 || response.headers.has('x-sim-injected'))
      retrying.set(url, Date.now());
    else retrying.delete(url);
    return response;
  };
  const client = new FmcClient({
    url: sim.origin,
    limits: {
      perMinute: options.rate.perWindow,
      windowMs: options.rate.windowMs,
      ...(options.safetyMarginMs === undefined ? {} : { safetyMarginMs: options.safetyMarginMs }),
    },
    retry: options.retry,
    fetch: watched,
  });
  let domain = { uuid: '', name: 'Global' };

  const oneRound = async (round: number): Promise<void> => {
    const started = performance.now();
    try {
      const { diagnosis } = await runDiagnosis({ client, domain, peers: 3 });
      result.rounds++;
      const seen = new Set<string>();
      for (const device of diagnosis.devices) {
        if (!VERDICTS.includes(device.verdict)) continue;
        seen.add(device.id);
        result.verdicts++;
        result.verdictCounts[device.verdict]++;
        const want = expected.get(device.id);
        if (device.verdict === want) result.correct++;
        else if (device.verdict === 'unknown' && want !== 'healthy') result.degraded++;
        else {
          result.wrong++;
          result.silentLosses++;
          if (result.wrongExamples.length < 5)
            result.wrongExamples.push(`${device.name}: ${device.verdict}, expected ${want}`);
        }
      }
      const missing = fleet.devices.filter((device) => !seen.has(device.id));
      result.devicesWithoutVerdict += missing.length;
      const listIncomplete = diagnosis.incomplete.some((entry) => entry.part === 'devices');
      for (const entry of diagnosis.incomplete)
        result.incompleteRounds[entry.part] = (result.incompleteRounds[entry.part] ?? 0) + 1;
      result.silentLosses += missing.filter((d) => d.cause !== null || !listIncomplete).length;
      log(
        `round ${round}: ${diagnosis.devices.length} verdicts in ${Math.round(performance.now() - started)} ms (${VERDICTS.map((v) => `${v} ${diagnosis.counts[v]}`).join(', ')})`,
      );
    } catch (error) {
      result.roundsFailed++;
      result.devicesWithoutVerdict += fleet.devices.length;
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (result.roundErrors.length < 5) result.roundErrors.push(message);
      log(`round ${round} failed: ${message}`);
    }
  };

  // Sign-in and a clean round: warms the process up and checks the minimum a round needs.
  const wallStarted = performance.now();
  await client.signIn(SIM_USER, SIM_PASSWORD);
  domain = { uuid: client.session.domainUuid ?? '', name: 'Global' };
  await oneRound(0);
  result.cleanRoundRequests = sim.api.stats().requests - 1;
  result.heapMb.start = heapMb(gc);

  // The fault schedule: one burst of failure answers queued at a time, and a new one only once every request
  // that met the last one has been answered: a request never meets two bursts, so never more failures than
  // the client retries.
  const added: Record<FaultKind, number> = { serverError: 0, rateLimited: 0, malformed: 0 };
  const scheduled = result.faultsScheduled;
  const note = (what: string) => {
    scheduled[what] = (scheduled[what] ?? 0) + 1;
  };
  const pending = (kind?: FaultKind) =>
    sim.api
      .faults()
      .inject.filter((answer) => kind === undefined || answer.description === TAG[kind])
      .reduce((sum, answer) => sum + answer.times, 0);
  let burstAt = 0;
  const inject = (kind: FaultKind, answer: Omit<InjectedAnswerInput, 'description'>) => {
    added[kind] += answer.times;
    burstAt = Date.now();
    sim.api.setFaults({ inject: [...sim.api.faults().inject, { ...answer, description: TAG[kind] }] });
  };
  /** A burst no request has met for a while (an endpoint asked once a round) is withdrawn, never served. */
  const withdrawStale = (now: number) => {
    if (pending() === 0 || now - burstAt < Math.max(1_000, options.rate.windowMs / 2)) return;
    for (const kind of Object.keys(TAG) as FaultKind[]) added[kind] -= pending(kind);
    sim.api.setFaults({ inject: [] });
  };
  const ready = () => pending() === 0 && retrying.size === 0;

  let stopping = false;
  let slowUntil = 0;
  const schedule = (async () => {
    while (!stopping) {
      await sleep(options.tickMs);
      if (stopping) break;
      const now = Date.now();
      withdrawStale(now);
      const choice = rand();
      if (choice < 0.55) {
        if (!ready()) continue;
        // A kind never served yet goes first, so that even a short run meets every kind.
        const unserved = (Object.keys(TAG) as FaultKind[]).filter((kind) => added[kind] === 0);
        const kind: FaultKind =
          unserved[0] ?? (choice < 0.2 ? 'serverError' : choice < 0.4 ? 'rateLimited' : 'malformed');
        if (kind === 'serverError') {
          const body = pick(['error', 'error', 'malformed-json', 'html'] as const);
          const times = 1 + Math.floor(rand() * options.retry.transientRetries);
          inject('serverError', {
            match: pick(ANY_ENDPOINT),
            status: pick([500, 502, 503, 504]),
            body,
            times,
          });
          note(`5xx burst (${body})`);
        } else if (kind === 'rateLimited') {
          const withRetryAfter = rand() < 0.5;
          const times = 1 + Math.floor(rand() * options.retry.rateLimitRetries);
          inject('rateLimited', {
            match: pick(ANY_ENDPOINT),
            status: 429,
            times,
            ...(withRetryAfter
              ? { retryAfterSec: Math.round(between(options.retryAfterSec) * 10) / 10 }
              : {}),
          });
          note(withRetryAfter ? '429 burst, Retry-After' : '429 burst, no Retry-After');
        } else {
          const body = pick(['malformed-json', 'html'] as const);
          inject('malformed', { match: pick(MALFORMED_ENDPOINTS), status: 200, body, times: 1 });
          note(`200 not JSON (${body})`);
        }
      } else if (choice < 0.65) {
        sim.api.setFaults({ tokenLifetimeMs: Math.round(between(options.tokenLifetimeMs)) });
        note('token lifetime shortened');
      } else if (choice < 0.8) {
        if (now < slowUntil) continue;
        const match = pick([
          'operational/commands',
          'GET devices/devicerecords',
          'health/alerts',
          'integration/',
        ]);
        sim.api.setFaults({ slow: { match, ms: Math.round(between(options.slowMs)) } });
        slowUntil = now + 2_000 + rand() * 4_000;
        note('slow endpoint');
      } else if (choice < 0.9) {
        if (now < slowUntil) continue;
        sim.api.setFaults({ slow: null, latencyMs: Math.round(options.latencyMs * (0.5 + rand() * 2)) });
        note('latency changed');
      }
    }
  })();

  let round = 1;
  let middleTaken = false;
  const deadline = performance.now() + options.durationMs;
  while (performance.now() < deadline) {
    const roundStarted = performance.now();
    await oneRound(round++);
    result.roundMs.push(performance.now() - roundStarted);
    if (!middleTaken && performance.now() >= deadline - options.durationMs / 2) {
      middleTaken = true;
      result.heapMb.middle = heapMb(gc);
    }
  }
  stopping = true;
  await schedule;
  result.wallMs = performance.now() - wallStarted;

  const stats = sim.api.stats();
  const remaining = (kind: FaultKind) => pending(kind);
  result.served = {
    serverError: added.serverError - remaining('serverError'),
    rateLimited: added.rateLimited - remaining('rateLimited'),
    malformed: added.malformed - remaining('malformed'),
    // 401s to expired tokens on reads; refreshes refused once spent are auth requests, counted there.
    expiredToken: (stats.byStatus['401'] ?? 0) - stats.failedRefreshes - stats.failedLogins,
  };
  result.authRequests = {
    refreshes: stats.byEndpoint['POST auth/refreshtoken'] ?? 0,
    logins: stats.byEndpoint['POST auth/generatetoken'] ?? 0,
  };
  result.requests = stats.requests;
  // Every failure answer that is retried allows one more request: 5xx, 429, 401, and a 200 that is not JSON.
  result.requestBound =
    (result.rounds + result.roundsFailed) * minimumPerRound +
    result.served.serverError +
    result.served.malformed +
    result.served.rateLimited +
    result.served.expiredToken +
    result.authRequests.refreshes +
    result.authRequests.logins;
  result.overshoot429 = stats.overshoot429;
  result.maxInFlight = stats.maxInFlight;
  result.maxInWindow = stats.maxInWindow;
  if (!middleTaken) result.heapMb.middle = heapMb(gc);
  result.heapMb.end = heapMb(gc);

  await sim.close();
  // Let late timers (none expected) surface before the count is taken.
  await sleep(50);
  process.off('unhandledRejection', onUnhandled);
  result.unhandledRejections = unhandled;
  return result;
}

/** Heap growth from the start (after the warm-up round) to the end that still counts as flat. */
export function heapFlat(result: SoakResult): boolean {
  const { start, end } = result.heapMb;
  return end - start <= Math.max(8, start * 0.25);
}

function roundTimes(ms: readonly number[]): string {
  if (ms.length === 0) return 'n/a';
  const sorted = [...ms].sort((a, b) => a - b);
  const s = (value: number) => (value / 1000).toFixed(1);
  return `${s(sorted[0] as number)} / ${s(sorted[Math.floor(sorted.length / 2)] as number)} / ${s(sorted[sorted.length - 1] as number)}`;
}

export function soakFigures(result: SoakResult): BenchFigure[] {
  const o = result.options;
  const devices = o.devices;
  const s = result.served;
  const scheduled = Object.entries(result.faultsScheduled)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([what, n]) => `${what} ${n}`)
    .join(', ');
  return [
    {
      name: 'fleet',
      value: `${devices} devices, ${o.failing} failing, seed ${o.seed}, ${o.rate.perWindow} requests per ${o.rate.windowMs / 1000} s, pages of ${o.pageSize}`,
    },
    { name: 'duration', value: Math.round(result.wallMs / 100) / 10, unit: 's' },
    { name: 'rounds (full diagnoses)', value: result.rounds + result.roundsFailed },
    {
      name: 'round wall time: min / median / max',
      value: roundTimes(result.roundMs),
      unit: 's',
      budget: `info: ${result.minimumPerRound} requests ÷ the rate = ${Math.round((result.minimumPerRound / o.rate.perWindow) * o.rate.windowMs) / 1000} s; a rolling window lets the first ${o.rate.perWindow} go at once`,
    },
    {
      name: 'rounds that failed',
      value: result.roundsFailed,
      budget: '0',
      pass: result.roundsFailed === 0,
    },
    {
      name: 'device verdicts',
      value: `${result.verdicts} (${VERDICTS.map((v) => `${v} ${result.verdictCounts[v]}`).join(', ')})`,
    },
    {
      name: 'devices left without a verdict',
      value: result.devicesWithoutVerdict,
      budget: '0',
      pass: result.devicesWithoutVerdict === 0,
    },
    {
      name: 'silent losses (wrong verdict, or a device missing while nothing says the list is incomplete)',
      value: result.silentLosses,
      budget: '0',
      pass: result.silentLosses === 0,
    },
    {
      name: 'rounds with an incomplete piece (info)',
      value:
        Object.entries(result.incompleteRounds)
          .map(([part, n]) => `${part} ${n}`)
          .join(', ') || 'none',
    },
    {
      name: 'verdicts: right / unknown for want of show network / wrong',
      value: `${result.correct} / ${result.degraded} / ${result.wrong}`,
      budget: 'wrong = 0',
      pass: result.wrong === 0,
    },
    { name: 'faults scheduled', value: scheduled || 'none' },
    {
      name: 'retries by cause (failure answers served)',
      value: `5xx ${s.serverError}, 429 from another client ${s.rateLimited}, 401 expired token ${s.expiredToken}; 200 not JSON ${s.malformed} (not retried: that piece is missing)`,
    },
    {
      name: 'token renewals',
      value: `${result.authRequests.refreshes} refreshes, ${result.authRequests.logins} sign-ins`,
    },
    {
      name: 'requests',
      value: result.requests,
      budget: `≤ ${result.requestBound} (${result.rounds + result.roundsFailed} rounds × ${result.minimumPerRound} + one retry per 5xx, 429, 401 + renewals)`,
      pass: result.requests <= result.requestBound,
    },
    {
      name: 'requests of the clean warm-up round',
      value: result.cleanRoundRequests,
      budget: `= ${result.minimumPerRound} (minimum)`,
      pass: result.cleanRoundRequests === result.minimumPerRound,
    },
    { name: '429s caused by us', value: result.overshoot429, budget: '0', pass: result.overshoot429 === 0 },
    {
      name: 'most requests in flight / in one window',
      value: `${result.maxInFlight} / ${result.maxInWindow} (limits 10 / ${o.rate.perWindow})`,
    },
    {
      name: 'unhandled rejections',
      value: result.unhandledRejections,
      budget: '0',
      pass: result.unhandledRejections === 0,
    },
    {
      name: result.gc
        ? 'heap used after GC: start / middle / end'
        : 'heap used (no GC available): start / middle / end',
      value: `${result.heapMb.start} / ${result.heapMb.middle} / ${result.heapMb.end}`,
      unit: 'MB',
      budget: 'end ≤ start + max(8 MB, 25 %)',
      pass: heapFlat(result),
    },
  ];
}

/**
 * The bench size: 1,000 devices (100 failing) for about 3 minutes (no round starts after 160 s), at the 7.4.1
 * rate (300 a minute) counted in 10-s windows, so that a round (113 requests) is rate-bound.
 */
export const BENCH_SOAK: SoakOptions = {
  devices: 1_000,
  failing: 100,
  durationMs: Number(process.env.SOAK_SECONDS ?? 160) * 1000,
  seed: Number(process.env.SOAK_SEED ?? 20261127),
  rate: { perWindow: 50, windowMs: 10_000 },
  pageSize: 250,
  latencyMs: 20,
  retry: {
    transientRetries: 2,
    transientBackoffMs: 250,
    rateLimitRetries: 3,
    rateLimitBackoffMs: 1_000,
    maxBackoffMs: 4_000,
  },
  tickMs: 500,
  tokenLifetimeMs: [20_000, 60_000],
  slowMs: [300, 2_000],
  retryAfterSec: [0.5, 3],
  oldVersionRatio: 0.02,
};

export default async function (): Promise<BenchFigure[]> {
  const result = await runSoak({ ...BENCH_SOAK, log: (line) => console.log(`  ${line}`) });
  return soakFigures(result);
}

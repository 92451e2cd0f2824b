import { afterEach, expect } from 'vitest';
import { FmcClient, type FmcClientOptions, FmcError } from '../../lib/fmc';
import { type FmcSimulator, type FmcSimulatorOptions, startFmcSimulator } from '../fmc-sim/server';

/** The simulator, with its REST fault switches as `api`; every test gets its own. */
export interface SimHarness extends FmcSimulator {
  api: FmcSimulator['rest'];
}

export type SimHarnessOptions = Omit<FmcSimulatorOptions, 'port' | 'host'>;

export async function startSim(options: SimHarnessOptions = {}): Promise<SimHarness> {
  const sim = await startFmcSimulator(options);
  return Object.assign(sim, { api: sim.rest });
}

/**
 * Closes a simulator, then fails if our client made it answer 429 on its own: every test doubles as a check
 * that the limiter kept within the FMC's limits.
 */
export async function closeChecked(sim: SimHarness | undefined): Promise<void> {
  if (!sim) return;
  const { overshoot429 } = sim.api.stats();
  await sim.close();
  if (overshoot429 > 0)
    throw new Error(`The client made the simulated FMC answer 429 ${overshoot429} time(s)`);
}

export const SIM_USER = 'api-user';
export const SIM_PASSWORD = 'api-password';

/**
 * A client whose limits match the simulator's (short windows in tests) and whose waits are short, so fault
 * scenarios run in milliseconds.
 */
export function clientFor(sim: SimHarness, options: Partial<FmcClientOptions> = {}): FmcClient {
  const rate = sim.api.faults().rateLimit;
  return new FmcClient({
    url: sim.origin,
    limits: { windowMs: rate.windowMs, maxInFlight: rate.maxInFlight, ...options.limits },
    retry: { rateLimitBackoffMs: 20, transientBackoffMs: 10, maxBackoffMs: 200, ...options.retry },
    timeoutMs: 5_000,
    ...withoutKeys(options, ['limits', 'retry']),
  });
}

function withoutKeys<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** The simulators of the test that is running, and how it starts them. */
export interface SimPerTest {
  /** Starts a simulator (`defaults` first, `options` over them, shallowly); it is closed, checked, after the test. */
  start(options?: SimHarnessOptions): Promise<SimHarness>;
  /** Starts a simulator and signs in a `clientFor` it. */
  signedIn(
    options?: SimHarnessOptions,
    clientOptions?: Partial<FmcClientOptions>,
  ): Promise<{ sim: SimHarness; client: FmcClient }>;
  /** Closes, checked, a simulator the test wants gone before it ends (an FMC that stops answering). */
  stop(sim: SimHarness): Promise<void>;
}

/**
 * Registers an `afterEach` that closes, with `closeChecked`, every simulator the test started through the
 * returned functions. Call it once, at the top of a test file or a `describe`.
 */
export function simPerTest(defaults: SimHarnessOptions = {}): SimPerTest {
  let running: SimHarness[] = [];
  afterEach(async () => {
    const done = running;
    running = [];
    // Every one is closed even when one fails its check; the first failure is the test's.
    const results = await Promise.allSettled(done.map((sim) => closeChecked(sim)));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });

  const start = async (options: SimHarnessOptions = {}) => {
    const sim = await startSim({ ...defaults, ...options });
    running.push(sim);
    return sim;
  };
  return {
    start,
    async signedIn(options, clientOptions) {
      const sim = await start(options);
      const client = clientFor(sim, clientOptions);
      await client.signIn(SIM_USER, SIM_PASSWORD);
      return { sim, client };
    },
    async stop(sim) {
      running = running.filter((other) => other !== sim);
      await closeChecked(sim);
    },
  };
}

/** The FmcError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<FmcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FmcError);
  return error as FmcError;
}

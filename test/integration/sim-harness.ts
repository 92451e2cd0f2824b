import { FmcClient, type FmcClientOptions } from '../../lib/fmc';
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
    retry: { rateLimitBackoffMs: 20, serverErrorBackoffMs: 10, maxBackoffMs: 200, ...options.retry },
    timeoutMs: 5_000,
    ...withoutKeys(options, ['limits', 'retry']),
  });
}

function withoutKeys<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

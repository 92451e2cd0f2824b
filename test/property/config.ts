import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Seeds and run counts of the property tests. CI runs a fixed seed, so a failure is reproducible from the log;
 * `npm run test:fuzz` draws a random one (FC_SEED=random) and many runs. Reproduce any run with
 * `FC_SEED=<printed seed> FC_RUNS=<n> npx vitest run <file>`; fast-check also prints the seed and the path of
 * a failing case.
 */
export const DEFAULT_SEED = 20261127;
export const DEFAULT_RUNS = 150;

export interface PropertyConfig {
  seed: number;
  numRuns: number;
}

function seedFromEnv(): number {
  const raw = process.env.FC_SEED?.trim();
  if (!raw) return DEFAULT_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number.parseInt(raw, 10);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${raw}`);
  return seed;
}

function runsFromEnv(): number {
  const raw = process.env.FC_RUNS?.trim();
  const runs = raw ? Number.parseInt(raw, 10) : DEFAULT_RUNS;
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new Error(`FC_RUNS must be a positive integer, got ${raw}`);
  return runs;
}

/**
 * The seed and run count for one test file, printed once. `scale` shrinks (or grows) the run count for a
 * property whose runs are costly; every file still uses one seed.
 */
export function propertyConfig(fileUrl: string): PropertyConfig & {
  params(scale?: number): { seed: number; numRuns: number };
  /** A test timeout for properties whose runs take up to `perRunMs` (generous: CI machines are slow). */
  timeout(perRunMs: number, scale?: number): number;
} {
  const seed = seedFromEnv();
  const numRuns = runsFromEnv();
  console.log('fast-check seed', seed, `(${basename(fileURLToPath(fileUrl))}, ${numRuns} runs)`);
  return {
    seed,
    numRuns,
    params: (scale = 1) => ({ seed, numRuns: Math.max(1, Math.round(numRuns * scale)) }),
    timeout: (perRunMs, scale = 1) => Math.max(10_000, Math.round(numRuns * scale * perRunMs * 4)),
  };
}

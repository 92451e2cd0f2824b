/**
 * A short soak in CI: 300 devices, the real `runDiagnosis` round after round for about 20 s while the simulator
 * serves random 5xx bursts, 429s from another client, early token expiry, non-JSON answers and slow phases.
 * The bench (`npm run bench -- soak`) runs the same with 1,000 devices for 3 minutes; see bench/soak.ts.
 */
import { describe, expect, it } from 'vitest';
import { heapFlat, runSoak, soakFigures } from '../../bench/soak';

const SEED = Number(process.env.SOAK_SEED ?? 20261127);

describe('soak: diagnosis of a faulty FMC, round after round', () => {
  it('gives every device a verdict every round, within the retry budget, with no 429 of ours, no unhandled rejection and a flat heap', async () => {
    const lines: string[] = [];
    const result = await runSoak({
      devices: 300,
      failing: 30,
      durationMs: Number(process.env.SOAK_SECONDS ?? 20) * 1000,
      seed: SEED,
      rate: { perWindow: 20, windowMs: 1_000 },
      // CI machines are loaded: the in-process simulator may see a request a few hundred ms after it left.
      safetyMarginMs: 250,
      pageSize: 100,
      latencyMs: 5,
      retry: {
        transientRetries: 2,
        transientBackoffMs: 20,
        rateLimitRetries: 3,
        rateLimitBackoffMs: 50,
        maxBackoffMs: 400,
      },
      tickMs: 150,
      tokenLifetimeMs: [4_000, 10_000],
      slowMs: [50, 400],
      retryAfterSec: [0.2, 0.8],
      oldVersionRatio: 0.03,
      log: (line) => lines.push(line),
    });
    const figures = soakFigures(result);
    console.log(
      [
        `soak seed ${SEED}`,
        ...figures.map(
          (f) =>
            `${f.name}: ${f.value}${f.unit ? ` ${f.unit}` : ''}${f.budget ? ` (budget ${f.budget})` : ''}`,
        ),
      ].join('\n'),
    );

    expect(result.overshoot429).toBe(0);
    expect(result.roundErrors).toEqual([]);
    expect(result.rounds).toBeGreaterThanOrEqual(3);
    expect(result.devicesWithoutVerdict).toBe(0);
    expect(result.silentLosses).toBe(0);
    expect(result.verdicts).toBe(result.rounds * 300);
    expect(result.wrongExamples).toEqual([]);
    expect(result.cleanRoundRequests).toBe(result.minimumPerRound);
    expect(result.requests).toBeLessThanOrEqual(result.requestBound);
    expect(result.unhandledRejections).toBe(0);
    // The schedule really ran: every kind of fault was served at least once.
    expect(result.served.serverError).toBeGreaterThan(0);
    expect(result.served.rateLimited).toBeGreaterThan(0);
    expect(result.served.expiredToken).toBeGreaterThan(0);
    expect(result.served.malformed).toBeGreaterThan(0);
    if (result.gc) expect(heapFlat(result), JSON.stringify(result.heapMb)).toBe(true);
  }, 90_000);
});

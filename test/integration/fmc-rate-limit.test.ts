import { describe, expect, it } from 'vitest';
import { collectFleet } from '../../lib/fmc/collect';
import { getServerVersion } from '../../lib/fmc/resources';
import { simPerTest } from './sim-harness';

const { signedIn } = simPerTest();

describe('client-side limits against an FMC that enforces them', () => {
  it('never earns a 429 when the rate binds: short window, few in flight, many devices failing', async () => {
    const limits = { perMinute: 8, windowMs: 1_000, maxInFlight: 3 };
    // The margin must cover how late a request may reach the FMC after the limiter let it go: on a loaded test
    // machine the simulator shares one event loop with the client and other test files share the two cores, and
    // a 150 ms margin on a 400 ms window earned a 429 now and then (seen in runs beside the e2e suites). The
    // window and margin are scaled so that a 400 ms stall still lands in the right window.
    const margin = 400;
    const { sim, client } = await signedIn(
      { fleet: { devices: 40, failing: 12, seed: 21 }, faults: { latencyMs: 5, rateLimit: limits } },
      { limits: { ...limits, safetyMarginMs: margin } },
    );
    const started = Date.now();
    const snapshot = await collectFleet(client, { peers: 0 });
    const elapsed = Date.now() - started;

    const stats = sim.api.stats();
    expect(stats.overshoot429).toBe(0);
    expect(stats.maxInWindow).toBeLessThanOrEqual(8);
    expect(stats.maxInFlight).toBeLessThanOrEqual(3);
    expect(Object.values(snapshot.showNetwork).filter((p) => p.ok)).toHaveLength(12);
    // 1 login + 7 reads + 12 commands = 20 requests at 8 per window: the last starts in the third window.
    expect(stats.requests).toBe(20);
    // The third window had to be reached; a generous ceiling only catches a limiter that stalls.
    expect(elapsed).toBeGreaterThanOrEqual(2 * (limits.windowMs + margin) - 100);
    expect(elapsed).toBeLessThan(6_000);
  });

  it('keeps the command API at one request per device and its device cap', async () => {
    const { sim, client } = await signedIn(
      {
        fleet: { devices: 30, failing: 30, seed: 4 },
        faults: { latencyMs: 15, commandApi: { maxDevices: 4 } },
      },
      { limits: { commandDevices: 4 } },
    );
    await collectFleet(client);
    const stats = sim.api.stats();
    expect(stats.overshoot429).toBe(0);
    expect(stats.maxCommandDevices).toBe(4);
  });

  it('is what keeps the count at zero: a client that ignores the limits is caught by the simulator', async () => {
    const { sim, client: reckless } = await signedIn(
      {
        fleet: { devices: 40, failing: 12, seed: 21 },
        faults: { latencyMs: 5, rateLimit: { perMinute: 8, windowMs: 400, maxInFlight: 3 } },
      },
      { limits: { perMinute: 1_000, maxInFlight: 50, commandDevices: 50 } },
    );
    await collectFleet(reckless);
    expect(sim.api.stats().overshoot429).toBeGreaterThan(0);
    // Counted; forgotten before the check every other test ends with.
    sim.api.reset();
  });
});

describe('rate by FMC version', () => {
  it.each([
    ['7.2.5', 120],
    ['7.4.0', 120],
    ['7.4.1', 300],
    ['7.6.0', 300],
  ] as const)('FMC %s: %i requests per minute', async (version, rate) => {
    const { client } = await signedIn({ fleet: { devices: 2, serverVersion: version } });
    await getServerVersion(client);
    expect(client.limiter.requests.perWindow).toBe(rate);
  });

  it('keeps the user’s setting over the detected rate', async () => {
    const { client } = await signedIn(
      { fleet: { devices: 2, serverVersion: '7.6.0' } },
      { limits: { perMinute: 60 } },
    );
    await getServerVersion(client);
    expect(client.limiter.requests.perWindow).toBe(60);
  });
});

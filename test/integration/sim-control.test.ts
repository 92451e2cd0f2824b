import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimHarness, startSim } from './sim-harness';

let sim: SimHarness;
beforeAll(async () => {
  sim = await startSim({ fleet: { devices: 3 } });
});
afterAll(() => sim.close());

const post = (path: string, body?: unknown) =>
  fetch(`${sim.origin}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('simulator REST fault switches over HTTP', () => {
  it('merges a fault patch and shows it', async () => {
    const answer = await post('/__sim/rest/faults', { latencyMs: 5, rateLimit: { windowMs: 1_000 } });
    expect(answer.status).toBe(200);
    const faults = await (await fetch(`${sim.origin}/__sim/rest/faults`)).json();
    expect(faults).toMatchObject({
      latencyMs: 5,
      rateLimit: { windowMs: 1_000, maxInFlight: 10, enforced: true },
    });
    expect(sim.api.faults().latencyMs).toBe(5);
  });

  it('rejects an unknown or ill-typed switch with 400', async () => {
    expect((await post('/__sim/rest/faults', { latency: 5 })).status).toBe(400);
    expect((await post('/__sim/rest/faults', { rateLimit: { windowMs: -1 } })).status).toBe(400);
    expect((await fetch(`${sim.origin}/__sim/rest/faults`, { method: 'POST', body: '{' })).status).toBe(400);
  });

  it('counts requests and resets to a healthy FMC', async () => {
    await post('/__sim/rest/faults', { inject: [{ status: 503, times: 1 }] });
    const refused = await fetch(`${sim.origin}/api/fmc_platform/v1/info/serverversion`);
    expect(refused.status).toBe(503);
    const stats = await (await fetch(`${sim.origin}/__sim/rest/stats`)).json();
    expect(stats).toMatchObject({
      requests: 1,
      byEndpoint: { 'GET info/serverversion': 1 },
      byStatus: { '503': 1 },
    });
    expect((await post('/__sim/rest/reset')).status).toBe(200);
    expect(sim.api.stats().requests).toBe(0);
    expect(sim.api.faults()).toMatchObject({ latencyMs: 0, inject: [] });
  });

  it('enforces 10 in flight by default with a 429 that carries no Retry-After, counted as overshoot', async () => {
    sim.api.reset();
    sim.api.setFaults({ latencyMs: 150 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${sim.origin}/api/fmc_platform/v1/info/serverversion`)),
    );
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(2);
    expect(refused.every((a) => a.headers.get('retry-after') === null)).toBe(true);
    expect(sim.api.stats()).toMatchObject({ overshoot429: 2, injected429: 0, maxInFlight: 10 });
    sim.api.reset();
  });

  it('enforces the rate per rolling window, counted on arrival', async () => {
    sim.api.setFaults({ rateLimit: { perMinute: 3, windowMs: 600 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await fetch(`${sim.origin}/api/fmc_platform/v1/info/serverversion`)).status);
    }
    await new Promise((resolve) => setTimeout(resolve, 620));
    statuses.push((await fetch(`${sim.origin}/api/fmc_platform/v1/info/serverversion`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 401]);
    sim.api.reset();
  });

  it('answers 404 for other control paths and leaves non-REST paths to the UI pages', async () => {
    expect((await fetch(`${sim.origin}/__sim/rest/nope`)).status).toBe(404);
    const page = await fetch(`${sim.origin}/health/monitor`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Health Monitor');
  });
});

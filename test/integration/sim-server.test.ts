import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FmcClient } from '../../lib/fmc/client';
import { collectFleet } from '../../lib/fmc/collect';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import { SIM_PASSWORD, SIM_USER } from './sim-harness';

let sim: FmcSimulator;
beforeAll(async () => {
  sim = await startFmcSimulator({ fleet: { devices: 8, failing: 2, seed: 3 } });
});
afterAll(() => sim.close());

describe('the REST API inside the full simulator (UI pages and REST on one server)', () => {
  it('serves the REST API, its fault switches and its counters next to the pages', async () => {
    const client = new FmcClient({ url: sim.origin });
    await client.signIn(SIM_USER, SIM_PASSWORD);
    const snapshot = await collectFleet(client);
    expect(snapshot.failingDeviceIds).toEqual(
      sim
        .fleet()
        .devices.filter((d) => d.failingDataTypes.length > 0)
        .map((d) => d.id),
    );
    const stats = await (await fetch(sim.url('/__sim/rest/stats'))).json();
    expect(stats).toMatchObject({ logins: 1, overshoot429: 0 });
    expect((await fetch(sim.url('/__sim/rest/reset'), { method: 'POST' })).status).toBe(200);
  });

  it('answers with the fleet the server swaps in', async () => {
    sim.setFleet({ devices: 3, serverVersion: '7.0.6' });
    const client = new FmcClient({ url: sim.origin });
    await client.signIn(SIM_USER, SIM_PASSWORD);
    const snapshot = await collectFleet(client);
    expect(snapshot.serverVersion).toMatchObject({ ok: true, value: { version: '7.0.6' } });
    expect(snapshot.devices.ok && snapshot.devices.value).toHaveLength(3);
  });
});

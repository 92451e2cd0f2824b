import { describe, expect, it } from 'vitest';
import { recheckDevice } from '../../lib/doctor/recheck';
import { runDiagnosis } from '../../lib/doctor/run';
import { simPerTest } from './sim-harness';

const sims = simPerTest();
const domain = { uuid: 'e276abec-e0f2-11e3-8169-6d9ed49b625f', name: 'Global' };

async function diagnosed(causes: Array<'dns-missing' | 'proxy' | 'connectivity'>) {
  const signed = await sims.signedIn({ fleet: { devices: 12, failing: causes.length, seed: 5, causes } });
  const { diagnosis } = await runDiagnosis({ client: signed.client, domain, peers: 2 });
  return { ...signed, diagnosis };
}

describe('re-check of one device (issue 10)', () => {
  it('reads the device again in at most 3 requests and finds it healthy once the simulator fixed it', async () => {
    const { sim, client, diagnosis } = await diagnosed(['dns-missing', 'proxy']);
    const failing = diagnosis.devices.filter((device) => device.verdict !== 'healthy');
    expect(failing.map((device) => device.verdict).sort()).toEqual(['dns-missing', 'proxy']);
    const target = failing.find((device) => device.verdict === 'dns-missing');
    if (!target) throw new Error('no dns-missing device');
    expect(sim.fixDevice(target.id)).toBe(true);

    const before = sim.api.stats().requests;
    const next = await recheckDevice({
      client,
      previous: diagnosis,
      deviceId: target.id,
      now: () => new Date('2026-12-03T10:00:00Z'),
    });
    const requests = sim.api.stats().requests - before;
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThanOrEqual(3);

    const rechecked = next.devices.find((device) => device.id === target.id);
    expect(rechecked?.verdict).toBe('healthy');
    expect(rechecked?.alert).toBeNull();
    expect(rechecked?.managementDns?.servers.length).toBeGreaterThan(0);
    expect(rechecked?.recheckedAt).toBe('2026-12-03T10:00:00.000Z');
    expect(rechecked?.clearedAt).toBe('2026-12-03T10:00:00.000Z');
    expect(next.counts['dns-missing']).toBe(0);
    expect(next.counts.healthy).toBe(diagnosis.counts.healthy + 1);
    // The other devices are what the full run found.
    for (const device of next.devices.filter((d) => d.id !== target.id)) {
      const old = diagnosis.devices.find((d) => d.id === device.id);
      expect(device.verdict).toBe(old?.verdict);
      expect(device.evidence).toEqual(old?.evidence);
      expect(device.recheckedAt).toBeUndefined();
    }
    expect(next.devices.map((d) => d.id)).toEqual(diagnosis.devices.map((d) => d.id));
  });

  it('keeps a device that still fails failing, with its verdict and no "cleared" time', async () => {
    const { client, diagnosis } = await diagnosed(['proxy']);
    const target = diagnosis.devices.find((device) => device.verdict === 'proxy');
    if (!target) throw new Error('no proxy device');
    const next = await recheckDevice({ client, previous: diagnosis, deviceId: target.id });
    const rechecked = next.devices.find((device) => device.id === target.id);
    expect(rechecked?.verdict).toBe('proxy');
    expect(rechecked?.clearedAt).toBeUndefined();
    expect(rechecked?.recheckedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(rechecked?.alert?.status).toMatch(/red|yellow/i);
    expect(next.counts).toEqual(diagnosis.counts);
  });

  it('rejects with the FMC error when the alerts cannot be read (never a wrong "healthy")', async () => {
    const { sim, client, diagnosis } = await diagnosed(['connectivity']);
    const target = diagnosis.devices.find((device) => device.verdict === 'connectivity');
    if (!target) throw new Error('no failing device');
    sim.api.setFaults({ inject: [{ match: 'health/alerts', times: 100, status: 500 }] });
    await expect(recheckDevice({ client, previous: diagnosis, deviceId: target.id })).rejects.toMatchObject({
      name: 'FmcError',
    });
  });
});

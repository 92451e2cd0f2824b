import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { recheckDevice } from '../../lib/doctor/recheck';
import { runDiagnosis } from '../../lib/doctor/run';
import { watchTick } from '../../lib/features/watch';
import { readDiagnosisState, STORAGE, writeDiagnosisState } from '../../lib/platform/storage';
import { watchState } from '../../lib/protocol/watch';
import { stubI18n } from '../unit/support/i18n-stub';
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

/** Watched devices as storage.local holds them, without a diagnosis (as after a browser restart). */
async function watchOnly(origin: string, ids: readonly string[]) {
  const now = Date.now();
  await STORAGE.watches(origin).write(
    Object.fromEntries(
      ids.map((id) => [
        id,
        { startedAt: now, until: now + 30 * 60_000, everyMs: 120_000, lang: 'en' as const },
      ]),
    ),
  );
}

describe('a watch tick against the simulator (issue 17)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    stubI18n('en');
  });

  it.each([1, 10, 100, 150])('reads the alerts of %i watched devices in one request', async (count) => {
    const { sim, client } = await sims.signedIn({ fleet: { devices: count + 5, failing: count, seed: 3 } });
    const failing = sim.fleet().devices.filter((device) => device.failingDataTypes.length > 0);
    expect(failing).toHaveLength(count);
    await watchOnly(
      sim.origin,
      failing.map((device) => device.id),
    );
    const before = sim.api.stats().requests;
    const tick = await watchTick(sim.origin, { client: async () => client, notify: async () => undefined });
    expect(tick).toBe('checked');
    expect(sim.api.stats().requests - before).toBe(1);
    const watches = await STORAGE.watches(sim.origin).read();
    expect(Object.values(watches).map(watchState)).toEqual(failing.map(() => 'watching'));
  });

  it('clears a device the simulator fixed, judging it again with its show network: 2 requests', async () => {
    const { sim, client, diagnosis } = await diagnosed(['dns-missing', 'proxy']);
    await writeDiagnosisState(sim.origin, { status: 'done', startedAt: 1, finishedAt: 2, diagnosis });
    const failing = diagnosis.devices.filter((device) => device.verdict !== 'healthy');
    const [fixed, other] = failing;
    if (!fixed || !other) throw new Error('two failing devices');
    await watchOnly(sim.origin, [fixed.id, other.id]);
    sim.fixDevice(fixed.id);
    const notify = vi.fn(async () => undefined);
    const before = sim.api.stats().requests;
    await watchTick(sim.origin, { client: async () => client, notify });
    expect(sim.api.stats().requests - before).toBe(2);
    const watches = await STORAGE.watches(sim.origin).read();
    expect(watchState(watches[fixed.id] as never)).toBe('cleared');
    expect(watchState(watches[other.id] as never)).toBe('watching');
    const stored = (await readDiagnosisState(sim.origin))?.diagnosis;
    const judged = stored?.devices.find((device) => device.id === fixed.id);
    expect(judged?.verdict).toBe('healthy');
    expect(judged?.managementDns?.servers.length).toBeGreaterThan(0);
    expect(notify).toHaveBeenCalledOnce();
  });

  it('says "could not check", never "still failing", when the FMC answers 5xx or stops answering', async () => {
    const { sim, client } = await sims.signedIn({ fleet: { devices: 4, failing: 2, seed: 3 } });
    const ids = sim
      .fleet()
      .devices.filter((device) => device.failingDataTypes.length > 0)
      .map((device) => device.id);
    await watchOnly(sim.origin, ids);
    sim.api.setFaults({ inject: [{ match: 'health/alerts', times: 100, status: 503 }] });
    expect(await watchTick(sim.origin, { client: async () => client })).toBe('unchecked');
    let watches = await STORAGE.watches(sim.origin).read();
    expect(Object.values(watches).map((entry) => entry.unchecked?.reason)).toEqual([
      'server-error',
      'server-error',
    ]);

    const origin = sim.origin;
    await sims.stop(sim);
    const until = Object.values(watches)[0]?.until ?? 0;
    const notify = vi.fn(async (_id: string, _title: string, _body: string) => undefined);
    expect(await watchTick(origin, { client: async () => client, notify, now: () => until })).toBe(
      'unchecked',
    );
    watches = await STORAGE.watches(origin).read();
    for (const entry of Object.values(watches)) {
      expect(watchState(entry)).toBe('ended-unchecked');
      expect(entry.unchecked?.reason).toBe('unreachable');
      expect(entry.seen).toBeUndefined();
    }
    expect(notify).toHaveBeenCalledTimes(2);
    for (const [, title, body] of notify.mock.calls) {
      expect(title).toMatch(/^Could not check/);
      expect(`${title} ${body}`).not.toMatch(/still/i);
    }
  });
});

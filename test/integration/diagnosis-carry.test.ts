import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearedSince } from '../../lib/diagnose/times';
import { startDiagnosis } from '../../lib/features/diagnosis-run';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { recheck } from '../../lib/features/recheck';
import { readDiagnosisState } from '../../lib/platform/storage';
import { SIM_PASSWORD, SIM_USER, simPerTest } from './sim-harness';

// Issue 19: a new run keeps the devices a re-check (or a watch) found cleared, with their times, so the pages
// keep listing them and the Markdown keeps its "Cleared after a re-check" section.
const sims = simPerTest({
  fleet: { devices: 10, failing: 3, seed: 4, causes: ['dns-missing', 'proxy', 'connectivity'] },
});

beforeEach(() => {
  fakeBrowser.reset();
});

async function diagnosed() {
  const sim = await sims.start();
  const client = await fmcClientFor(sim.origin);
  await client.signIn(SIM_USER, SIM_PASSWORD, { keepPassword: false });
  await startDiagnosis(sim.origin);
  const state = await readDiagnosisState(sim.origin);
  const failing = state?.diagnosis?.devices.filter((device) => device.verdict !== 'healthy') ?? [];
  if (failing.length < 2) throw new Error('the fleet has two failing devices');
  return { sim, failing };
}

const device = async (origin: string, id: string) =>
  (await readDiagnosisState(origin))?.diagnosis?.devices.find((candidate) => candidate.id === id);

describe('a new run and the devices a re-check cleared', () => {
  it('keeps a cleared device listed as cleared, with its clear and re-check times', async () => {
    const { sim, failing } = await diagnosed();
    const [target] = failing;
    if (!target) throw new Error('unreachable');
    expect(sim.fixDevice(target.id)).toBe(true);
    const outcome = await recheck(sim.origin, target.id, 'en');
    expect(outcome.ok).toBe(true);
    const cleared = await device(sim.origin, target.id);
    // Positive control: the re-check did clear it.
    expect(cleared && clearedSince(cleared)).toBe(true);
    const firstRun = (await readDiagnosisState(sim.origin))?.diagnosedAt;

    await startDiagnosis(sim.origin);
    const state = await readDiagnosisState(sim.origin);
    expect(state?.status).toBe('done');
    // A new run did happen (its time is later), and the device is still cleared with the same times.
    expect(state?.diagnosedAt).toBeGreaterThan(firstRun ?? Number.POSITIVE_INFINITY);
    const after = await device(sim.origin, target.id);
    expect(after?.verdict).toBe('healthy');
    expect(after?.clearedAt).toBe(cleared?.clearedAt);
    expect(after?.recheckedAt).toBe(cleared?.recheckedAt);
  });

  it('drops the clear time of a device the new run finds failing again, and carries nothing to another device', async () => {
    const { sim, failing } = await diagnosed();
    const [target, other] = failing;
    if (!target || !other) throw new Error('unreachable');
    sim.fixDevice(target.id);
    await recheck(sim.origin, target.id, 'en');
    expect((await device(sim.origin, target.id))?.clearedAt).toBeDefined();

    // The device fails again on the FMC (the simulator's fleet, regenerated from the same seed).
    sim.setFleet({ devices: 10, failing: 3, seed: 4, causes: ['dns-missing', 'proxy', 'connectivity'] });
    await startDiagnosis(sim.origin);
    const again = await device(sim.origin, target.id);
    expect(again?.verdict).not.toBe('healthy');
    expect(again?.clearedAt).toBeUndefined();
    expect(again?.recheckedAt).toBeUndefined();
    expect((await device(sim.origin, other.id))?.clearedAt).toBeUndefined();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DoctorProgress } from '../../lib/doctor/run';
import { startDiagnosis } from '../../lib/features/diagnosis-run';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { watchDiagnosisState } from '../../lib/platform/storage';
import { SIM_PASSWORD, SIM_USER, simPerTest } from './sim-harness';

// Issue 19: the progress bar's phases, as a run writes them to storage for every page.
const sims = simPerTest({ fleet: { devices: 10, failing: 3, seed: 4 } });
const ORDER = ['sign-in', 'fleet', 'show-network', 'dns'] as const;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a run’s progress', () => {
  it('goes through its phases in order, show network counted up to every device asked', async () => {
    const sim = await sims.start();
    // Slow commands: the progress is written at most every 250 ms, so the show-network phase gets written.
    sim.api.setFaults({ slow: { match: 'operational/commands', ms: 300 } });
    const client = await fmcClientFor(sim.origin);
    await client.signIn(SIM_USER, SIM_PASSWORD, { keepPassword: false });
    const seen: DoctorProgress[] = [];
    const stop = watchDiagnosisState(sim.origin, (state) => {
      if (state?.status === 'running' && state.progress) seen.push(state.progress);
    });
    await startDiagnosis(sim.origin);
    stop();

    const phases = seen.map((progress) => progress.phase);
    expect(phases[0]).toBe('sign-in');
    expect(phases).toContain('fleet');
    expect(phases).toContain('show-network');
    const ranks = phases.map((phase) => ORDER.indexOf(phase as (typeof ORDER)[number]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const counted = seen.filter((progress) => progress.phase === 'show-network');
    // 3 failing devices and 3 healthy peers (DEFAULT_PEERS).
    expect(counted.every((progress) => progress.commands?.total === 6)).toBe(true);
    const done = counted.map((progress) => progress.commands?.done ?? -1);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(6);
  });
});

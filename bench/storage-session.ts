/**
 * storage.session size of a diagnosis: the state the popup and the report read (`STORAGE.diagnosis`), for a
 * 1,000-device fleet with 100 failing devices, diagnosed by the real `runDiagnosis` against the simulator.
 * Chromium counts a key's size as the length of its key plus its JSON value (QUOTA_BYTES = 10,485,760 since
 * Chrome 112, developer.chrome.com/docs/extensions/reference/api/storage#property-session). Budget: a tenth
 * of the quota, so that several FMCs, their tokens and the badge counts fit many times over.
 */
import { runDiagnosis } from '../lib/doctor/run';
import { sessionKey } from '../lib/platform/storage';
import { pack } from '../lib/protocol/compact';
import type { DiagnosisState } from '../lib/protocol/diagnosis-state';
import { clientFor, SIM_PASSWORD, SIM_USER, startSim } from '../test/integration/sim-harness';
import type { BenchFigure } from './types';

const QUOTA_BYTES = 10_485_760;

export async function diagnosisStateBytes(
  devices: number,
  failing: number,
): Promise<{ packed: number; plain: number }> {
  const sim = await startSim({ fleet: { devices, failing, seed: 42 } });
  try {
    const client = clientFor(sim);
    await client.signIn(SIM_USER, SIM_PASSWORD);
    const { diagnosis } = await runDiagnosis({
      client,
      domain: { uuid: client.session.domainUuid ?? '', name: 'Global' },
    });
    const state: DiagnosisState = {
      status: 'done',
      runner: 'worker',
      diagnosis,
      startedAt: 0,
      finishedAt: 1,
    };
    // What STORAGE.diagnosis writes: the state with its diagnosis packed.
    const key = sessionKey('diagnosis', sim.origin);
    const stored = { ...state, diagnosis: pack(diagnosis) };
    return {
      packed: new TextEncoder().encode(key + JSON.stringify(stored)).length,
      plain: new TextEncoder().encode(key + JSON.stringify(state)).length,
    };
  } finally {
    await sim.close();
  }
}

export default async function (): Promise<BenchFigure[]> {
  const { packed: bytes, plain } = await diagnosisStateBytes(1_000, 100);
  return [
    { name: 'the same state unpacked (info)', value: Math.round(plain / 1024), unit: 'KiB' },
    {
      name: 'storage.session: one diagnosis of 1,000 devices (100 failing)',
      value: Math.round(bytes / 1024),
      unit: `KiB (${((bytes / QUOTA_BYTES) * 100).toFixed(1)} % of the quota)`,
      budget: '≤ 1,024 KiB (a tenth of the 10 MiB quota)',
      pass: bytes <= QUOTA_BYTES / 10,
    },
  ];
}

/**
 * Requests under faults: the real `runDiagnosis` on a 100-device fleet (10 failing) while the device list
 * meets one fault, once. A retry is worth its request only when the fault is transient, and costs exactly one:
 * requests = the minimum + 1 per injected fault. A fault that persists costs the bounded retries (2) and one
 * record read per failing device (and no healthy peer can be picked), and the result says the list is
 * incomplete.
 * The minimum of a run: version, device list, alerts, 4 integration reads, a command per failing device and per
 * healthy peer (3). Sign-in is not counted.
 */
import { runDiagnosis } from '../lib/doctor/run';
import type { InjectedAnswerInput } from '../test/fmc-sim/rest';
import { clientFor, SIM_PASSWORD, SIM_USER, startSim } from '../test/integration/sim-harness';
import type { BenchFigure } from './types';

const DEVICES = 100;
const FAILING = 10;
const MINIMUM = 1 + 1 + 1 + 4 + FAILING + 3;
const LIST = { match: 'GET devices/devicerecords', exact: true } as const;

async function requestsWith(inject: InjectedAnswerInput[]) {
  const sim = await startSim({ fleet: { devices: DEVICES, failing: FAILING, seed: 42 } });
  try {
    const client = clientFor(sim, { timeoutMs: 500 });
    await client.signIn(SIM_USER, SIM_PASSWORD);
    const before = sim.api.stats().requests;
    sim.api.setFaults({ inject });
    const { diagnosis } = await runDiagnosis({
      client,
      domain: { uuid: client.session.domainUuid ?? '', name: 'Global' },
    });
    const failingFound = diagnosis.devices.filter((d) => d.verdict !== 'healthy').length;
    return {
      requests: sim.api.stats().requests - before,
      incomplete: diagnosis.incomplete.length,
      failingFound,
    };
  } finally {
    await sim.close();
  }
}

const ONCE: Array<[string, InjectedAnswerInput]> = [
  ['cut JSON', { ...LIST, times: 1, status: 200, body: 'malformed-json' }],
  ['HTML 200', { ...LIST, times: 1, status: 200, body: 'html' }],
  ['empty 200', { ...LIST, times: 1, status: 200, body: 'empty' }],
  ['503', { ...LIST, times: 1, status: 503 }],
  ['dropped connection', { ...LIST, times: 1, status: 200, body: 'reset' }],
  ['timeout', { ...LIST, times: 1, status: 200, body: 'hang', hangMs: 1_000 }],
];

export default async function (): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const clean = await requestsWith([]);
  figures.push({
    name: 'no fault: requests',
    value: clean.requests,
    budget: `= ${MINIMUM} (minimum)`,
    pass: clean.requests === MINIMUM && clean.incomplete === 0,
  });
  for (const [name, fault] of ONCE) {
    const run = await requestsWith([fault]);
    figures.push({
      name: `device list, ${name} once: requests`,
      value: run.requests,
      budget: `= ${MINIMUM + 1} (minimum + 1), complete`,
      pass: run.requests === MINIMUM + 1 && run.incomplete === 0 && run.failingFound === FAILING,
    });
  }
  const persistent = await requestsWith([{ ...LIST, times: 1_000, status: 500 }]);
  figures.push({
    name: 'device list 500 every time: requests',
    value: persistent.requests,
    // No list, so no healthy peer to sample (3 commands fewer).
    budget: `= ${MINIMUM - 3 + 2 + FAILING} (minimum − 3 peers + 2 retries + 1 record per failing device), marked incomplete`,
    pass:
      persistent.requests === MINIMUM - 3 + 2 + FAILING &&
      persistent.incomplete === 1 &&
      persistent.failingFound === FAILING,
  });
  return figures;
}

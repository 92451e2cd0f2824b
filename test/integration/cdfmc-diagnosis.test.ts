import { describe, expect, it } from 'vitest';
import { toJson, toMarkdown } from '../../lib/diagnose';
import { DiagnosisSchema } from '../../lib/diagnose/schema';
import { runDiagnosis } from '../../lib/doctor/run';
import { CDFMC_PREFIX, type CdfmcDoorKind } from '../../lib/fmc/doors';
import { GLOBAL_DOMAIN } from '../fmc-sim/fleet';
import type { CdfmcPatch } from '../fmc-sim/rest';
import { clientFor, type SimHarness, simPerTest } from './sim-harness';

/**
 * The diagnosis of a cloud-delivered FMC (issue 20) against the simulator's cdFMC mode: the scenario from
 * `cloudeventsconfigs` and `cloudintegrations` (its `securexconfigs` is absent), `undetermined` said when they
 * cannot tell, FAILED alerts diagnosed, the version in both forms, the JSON export as for an on-prem FMC.
 */

const { start } = simPerTest({ cdfmc: true });
const domain = { uuid: GLOBAL_DOMAIN.uuid, name: 'Global' };

async function diagnoseCdfmc(
  sim: SimHarness,
  kind: CdfmcDoorKind = 'gateway',
): Promise<Awaited<ReturnType<typeof runDiagnosis>>> {
  const client = clientFor(sim);
  await client.signInWithToken(sim.cdfmc?.tokens.valid ?? '', { kind, prefix: CDFMC_PREFIX[kind] });
  return runDiagnosis({ client, domain });
}

interface Signal {
  name: string;
  /** Cloud events sent (the fleet's integration switch). */
  integration: boolean;
  cloudIntegration: CdfmcPatch['cloudIntegration'];
  verdict: 'scenario-2' | 'undetermined';
  state: 'enabled' | 'disabled' | 'absent' | 'error';
  /** Words the note must hold: the reads named. */
  says: RegExp[];
}

const ON = { enabled: true, connected: true, onboardingStatus: 'ONBOARDED' };
const OFF = { enabled: false, connected: false, onboardingStatus: 'NOT_ONBOARDED' };

const SIGNALS: Signal[] = [
  {
    name: 'events sent and cloudintegrations enabled',
    integration: true,
    cloudIntegration: ON,
    verdict: 'scenario-2',
    state: 'enabled',
    says: [/events are sent to the cloud/, /cloudintegrations reports enabled: true/],
  },
  {
    name: 'no events, cloudintegrations enabled',
    integration: false,
    cloudIntegration: ON,
    verdict: 'scenario-2',
    state: 'enabled',
    says: [/cloudintegrations reports enabled: true/, /does not document/],
  },
  {
    name: 'events sent, cloudintegrations not enabled',
    integration: true,
    cloudIntegration: OFF,
    verdict: 'scenario-2',
    state: 'disabled',
    says: [/events are sent to the cloud/],
  },
  {
    name: 'no events, cloudintegrations not enabled',
    integration: false,
    cloudIntegration: OFF,
    verdict: 'undetermined',
    state: 'disabled',
    says: [
      /^Undetermined/,
      /no event kind is sent/,
      /enabled is not true/,
      /securexconfigs is not in its API/,
    ],
  },
  {
    name: 'no events, cloudintegrations absent (404)',
    integration: false,
    cloudIntegration: 'absent',
    verdict: 'undetermined',
    state: 'absent',
    says: [/^Undetermined/, /no event kind is sent/, /not offered by this cdFMC \(404\)/],
  },
  {
    name: 'no events, cloudintegrations unreadable (500)',
    integration: false,
    cloudIntegration: 'error',
    verdict: 'undetermined',
    state: 'error',
    says: [/^Undetermined/, /cloudintegrations could not be read/],
  },
];

describe('the scenario of a cdFMC, from cloudeventsconfigs and cloudintegrations', () => {
  for (const signal of SIGNALS) {
    it(`${signal.name}: ${signal.verdict}`, async () => {
      const sim = await start({
        fleet: { devices: 12, failing: 3, seed: 5, integration: signal.integration },
        cdfmc: { cloudIntegration: signal.cloudIntegration },
      });
      const { diagnosis } = await diagnoseCdfmc(sim);
      const { integration } = diagnosis;
      expect(integration).toMatchObject({
        platform: 'cdfmc',
        verdict: signal.verdict,
        cloudIntegration: signal.state,
        securex: 'absent',
        securexEnabled: null,
        // The checks that do no harm: never scenario 1's "switch the module off" stated as fact.
        scenario: 2,
      });
      expect(integration.scenarioInference.uncertain).toBe(
        signal.verdict === 'undetermined' || signal.state === 'error',
      );
      for (const words of signal.says) expect(integration.scenarioInference.note.en).toMatch(words);
      expect(integration.scenarioInference.note.fr).not.toBe(integration.scenarioInference.note.en);
      // The failing devices get scenario 2's verdicts from their own settings, never expected-integration-off.
      const failing = diagnosis.devices.filter((d) => d.verdict !== 'healthy');
      expect(failing).toHaveLength(3);
      for (const device of failing) {
        expect(device.verdict).not.toBe('expected-integration-off');
        // Never the on-prem "no such setting (before 7.0)" on a cdFMC 10.0.
        const securex = device.evidence.find((e) => e.id === 'securex')?.text.en ?? '';
        expect(securex).toContain('SecureX: not in a cloud-delivered FMC’s API.');
        expect(securex).not.toContain('7.0');
      }
      // securexconfigs is never asked of a cdFMC; a cloudintegrations that failed is said to be missing.
      expect(sim.api.stats().byEndpoint['GET integration/securexconfigs']).toBeUndefined();
      expect(diagnosis.incomplete.map((entry) => entry.part)).toEqual(
        signal.state === 'error' ? ['cloudIntegration'] : [],
      );
    });
  }

  it('securexconfigs answers 404 on the cdFMC (it is not in its API)', async () => {
    const sim = await start();
    const answer = await fetch(
      sim.url(`/api/fmc_config/v1/domain/${GLOBAL_DOMAIN.uuid}/integration/securexconfigs`),
      { headers: { Authorization: `Bearer ${sim.cdfmc?.tokens.valid}` } },
    );
    expect(answer.status).toBe(404);
  });

  it('cloudintegrations served as a list holding the object reads the same', async () => {
    const sim = await start({
      fleet: { devices: 6, failing: 1, integration: false },
      cdfmc: { cloudIntegrationForm: 'list', cloudIntegration: ON },
    });
    const { diagnosis } = await diagnoseCdfmc(sim, 'host');
    expect(diagnosis.integration).toMatchObject({ verdict: 'scenario-2', cloudIntegration: 'enabled' });
  });

  it('the same settings read from an on-prem FMC keep the on-prem scenario 1 (unchanged)', async () => {
    const sim = await start({ cdfmc: undefined, fleet: { devices: 6, failing: 1, integration: false } });
    const client = clientFor(sim);
    await client.signIn('api-user', 'api-password');
    const { diagnosis } = await runDiagnosis({ client, domain });
    expect(diagnosis.integration.scenario).toBe(1);
    expect(diagnosis.integration).not.toHaveProperty('verdict');
    expect(diagnosis.integration).not.toHaveProperty('platform');
    expect(diagnosis.devices.filter((d) => d.verdict === 'expected-integration-off')).toHaveLength(1);
  });
});

describe('the diagnosis of a cdFMC', () => {
  for (const kind of ['host', 'gateway', 'legacy'] as const) {
    it(`through the ${kind} door: every failing device diagnosed, FAILED ones included`, async () => {
      const sim = await start({
        fleet: { devices: 16, failing: 4, seed: 9, causes: ['dns-missing', 'proxy', 'connectivity'] },
      });
      const { diagnosis, snapshot } = await diagnoseCdfmc(sim, kind);
      const failing = sim.fleet().devices.filter((d) => d.failingDataTypes.length > 0);
      const statuses = Object.fromEntries(
        diagnosis.devices.filter((d) => d.alert).map((d) => [d.id, d.alert?.status]),
      );
      // Every other failing device's alert is FAILED (the simulator's default), the others RED.
      expect(failing.map((d) => statuses[d.id])).toEqual(['FAILED', 'RED', 'FAILED', 'RED']);
      const verdicts = Object.fromEntries(diagnosis.devices.map((d) => [d.id, d.verdict]));
      const expected = {
        'dns-missing': 'dns-missing',
        proxy: 'proxy',
        connectivity: 'connectivity',
      } as const;
      for (const device of failing)
        expect(verdicts[device.id]).toBe(expected[device.cause ?? 'connectivity']);
      expect(diagnosis.devices.filter((d) => d.verdict !== 'healthy')).toHaveLength(4);
      expect(snapshot.platform).toBe('cdfmc');
      expect(sim.api.stats().byDoor).toEqual({ [kind]: sim.api.stats().requests });
    });
  }

  it('a device only the FAILED status marks is not missed (the on-prem filter would have)', async () => {
    const sim = await start({ fleet: { devices: 10, failing: 2, seed: 4 }, cdfmc: { failedStatus: 'all' } });
    const { diagnosis } = await diagnoseCdfmc(sim);
    const failing = diagnosis.devices.filter((d) => d.verdict !== 'healthy');
    expect(failing.map((d) => d.alert?.status)).toEqual(['FAILED', 'FAILED']);
  });

  it('the JSON export is the on-prem one: schema, fmc.version 10.0.0, verdicts, and no token', async () => {
    const sim = await start({ fleet: { devices: 8, failing: 2, seed: 3 } });
    const { diagnosis } = await diagnoseCdfmc(sim);
    const json = toJson(diagnosis, 'en');
    const parsed = DiagnosisSchema.parse(JSON.parse(json));
    expect(parsed.fmc.version).toBe('10.0.0');
    expect(parsed.fmc.version.startsWith('10.0.0')).toBe(true);
    expect(parsed.devices).toHaveLength(8);
    expect(parsed.integration).toMatchObject({ platform: 'cdfmc', verdict: 'scenario-2' });
    const token = sim.cdfmc?.tokens.valid ?? 'missing';
    expect(json).not.toContain(token);
    expect(toMarkdown(diagnosis, 'en')).not.toContain(token);
    // Device versions in SCC's build form are kept as the cdFMC gives them.
    expect(parsed.devices.map((d) => d.version)).toContain('7.7.10-build 1248');

    sim.api.setCdfmc({ serverVersion: '7.7.10-build 1248' });
    const again = await diagnoseCdfmc(sim);
    expect(again.diagnosis.fmc.version).toBe('7.7.10');
  });
});

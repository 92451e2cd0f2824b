import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose';
import { diagnoseInputFrom } from '../../lib/doctor/input';
import { type CollectProgress, collectDevice, collectFleet } from '../../lib/fmc/collect';
import { FmcError } from '../../lib/fmc/errors';
import { type FleetOptions, HOSTILE_NAMES, type SimDevice } from '../fmc-sim/fleet';
import type { RestFaultsPatch } from '../fmc-sim/rest/faults';
import { simPerTest } from './sim-harness';

const { signedIn, stop } = simPerTest();

const MIXED: FleetOptions = { devices: 50, failing: 6, seed: 13, hostileNames: true };

describe('collectFleet', () => {
  it('finds the failing devices and reads show network on each, with the minimum of requests', async () => {
    const { sim, client } = await signedIn({ fleet: MIXED });
    const progress: CollectProgress[] = [];
    const snapshot = await collectFleet(client, { onProgress: (p) => progress.push(p) });

    const failing = sim.fleet().devices.filter((d) => d.failingDataTypes.length > 0);
    expect(snapshot.failingDeviceIds).toEqual(failing.map((d) => d.id));
    expect(snapshot.failingSource).toBe('alerts');
    for (const device of failing) {
      const part = snapshot.showNetwork[device.id];
      expect(part?.ok, device.name).toBe(true);
      if (!part?.ok) continue;
      expect(part.value.parsed.dnsServers).toEqual(device.dnsServers);
      expect(part.value.parsed.proxy?.enabled).toBe(device.proxy.enabled);
      expect(part.value.parsed.gateway.ipv4).toBe(device.gateway);
    }
    expect(snapshot.devices.ok && snapshot.devices.value.map((d) => d.name)).toEqual(
      sim.fleet().devices.map((d) => d.name),
    );
    expect(
      snapshot.devices.ok && snapshot.devices.value.some((d) => HOSTILE_NAMES.includes(d.name ?? '')),
    ).toBe(true);
    expect(
      snapshot.integration.cloudRegions.ok &&
        snapshot.integration.cloudRegions.value.find((r) => r.current)?.domain,
    ).toBe('api-sse.cisco.com');

    // Sign-in, version, devices, alerts, four integration reads, one command per failing device and per peer.
    expect(snapshot.peerIds).toHaveLength(3);
    const commands = failing.length + 3;
    expect(sim.api.stats().requests).toBe(1 + 1 + 1 + 1 + 4 + commands);
    expect(progress[0]).toEqual({ done: 0, expected: 7, stage: 'fleet' });
    // The phase of the progress bar (issue 19): every device's show network answered, of those asked.
    expect(progress.at(-1)).toEqual({
      done: 7 + commands,
      expected: 7 + commands,
      stage: 'show-network',
      commands: { done: commands, total: commands },
    });
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.done).toBeGreaterThanOrEqual(progress[i - 1]?.done ?? 0);
      expect(progress[i]?.done).toBeLessThanOrEqual(progress[i]?.expected ?? 0);
    }
  });

  it('finds the same devices when the failure is reported by the SSE connection module', async () => {
    const { sim, client } = await signedIn({ fleet: MIXED, faults: { cloudAlertModule: 'CONN_STATUS_SSE' } });
    const snapshot = await collectFleet(client);
    const failing = sim.fleet().devices.filter((d) => d.failingDataTypes.length > 0);
    expect(snapshot.failingDeviceIds).toEqual(failing.map((d) => d.id));
    expect(snapshot.alerts.ok && snapshot.alerts.value.every((a) => a.moduleID === 'CONN_STATUS_SSE')).toBe(
      true,
    );
  });

  it('reports integration switched off', async () => {
    const { client } = await signedIn({ fleet: { ...MIXED, integration: false, region: 'eu' } });
    const { integration } = await collectFleet(client);
    expect(integration.cloudEvents).toMatchObject({
      ok: true,
      value: { sendIntrusionEvents: false, sendFileEvents: false, sendConnectionEvents: false },
    });
    expect(integration.securex).toMatchObject({ ok: true, value: { enabled: false } });
    expect(integration.cloudRegions.ok && integration.cloudRegions.value.find((r) => r.current)?.name).toBe(
      'EU',
    );
  });

  it('stops promptly when cancelled and says so', async () => {
    const { client } = await signedIn({ fleet: MIXED, faults: { latencyMs: 400 } });
    const controller = new AbortController();
    const started = Date.now();
    const pending = collectFleet(client, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FmcError);
    expect((error as FmcError).code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(350);
  });

  it('stops at the first failure that makes the rest pointless (FMC gone)', async () => {
    const { sim, client } = await signedIn({ fleet: MIXED });
    await stop(sim);
    const error = await collectFleet(client).catch((e: unknown) => e);
    expect((error as FmcError).code).toBe('tls-or-network');
  });
});

const GLOBAL = { uuid: 'e276abec-e0f2-11e3-8169-6d9ed49b625f', name: 'Global' };

/** Each device's verdict and the evidence about its alert, as the popup, the report and the exports get them. */
function judged(origin: string, snapshot: Awaited<ReturnType<typeof collectFleet>>) {
  const diagnosis = diagnose(diagnoseInputFrom(origin, GLOBAL, snapshot, undefined));
  return new Map(
    diagnosis.devices.map((d) => [
      d.id,
      { verdict: d.verdict, alert: d.evidence.find((e) => e.id === 'alert')?.text.en ?? '' },
    ]),
  );
}

describe('collectFleet: device health statuses where the health alerts cannot be read', () => {
  // Devices that do not fail the Cloud Configuration check, each given another overall health.
  const HEALTH = ['black', 'Blue', 'yellow', 'GREEN', 'purple'] as const;
  const setUp = (sim: { fleet(): { devices: SimDevice[] } }) => {
    const devices = sim.fleet().devices;
    const red = devices.filter((d) => d.failingDataTypes.length > 0);
    const others = devices.filter((d) => d.failingDataTypes.length === 0).slice(0, HEALTH.length);
    const health = Object.fromEntries(others.map((d, i) => [d.name, HEALTH[i] as string]));
    const byHealth = (status: (typeof HEALTH)[number]) => others[HEALTH.indexOf(status)] as SimDevice;
    return {
      red,
      health,
      byHealth,
      untouched: devices.filter((d) => !red.includes(d) && !others.includes(d)),
    };
  };

  const cases: Array<[string, FleetOptions, RestFaultsPatch]> = [
    ['an FMC before 6.7 (no alerts API)', { serverVersion: '6.6.0' }, {}],
    ['an alerts endpoint that fails', {}, { inject: [{ match: 'health/alerts', status: 403, times: 1 }] }],
  ];
  for (const [label, fleet, faults] of cases) {
    it(`${label}: black, yellow, blue and unlisted devices are suspects, green ones are not`, async () => {
      const { sim, client } = await signedIn({
        fleet: { devices: 16, failing: 2, seed: 21, ...fleet },
        faults,
      });
      const { red, health, byHealth, untouched } = setUp(sim);
      sim.api.setFaults({ deviceHealth: health });

      const snapshot = await collectFleet(client);
      expect(snapshot.alerts.ok).toBe(false);
      expect(snapshot.failingSource).toBe('health-status');
      const suspects = new Set(snapshot.failingDeviceIds);
      for (const device of red) expect(suspects.has(device.id), device.name).toBe(true);
      for (const status of ['black', 'yellow', 'Blue', 'purple'] as const)
        expect(suspects.has(byHealth(status).id), status).toBe(true);
      expect(suspects.has(byHealth('GREEN').id)).toBe(false);
      for (const device of untouched) expect(suspects.has(device.id), device.name).toBe(false);
      // Each suspect's settings were read, so its verdict rests on them.
      for (const id of suspects) expect(snapshot.showNetwork[id], id).toBeDefined();

      const verdicts = judged(sim.origin, snapshot);
      const black = verdicts.get(byHealth('black').id);
      expect(black?.verdict).not.toBe('healthy');
      expect(black?.alert).toMatch(/^Health alert: BLACK — /);
      for (const status of ['Blue', 'purple'] as const) {
        const unknown = verdicts.get(byHealth(status).id);
        expect(unknown?.verdict, status).not.toBe('healthy');
        expect(unknown?.alert).toContain(`Health alert: ${status.toUpperCase()}, a status that does not say`);
      }
      expect(verdicts.get(byHealth('GREEN').id)?.verdict).toBe('healthy');
    });
  }

  it('a device with no healthStatus at all is a suspect, its status shown as none', async () => {
    const { sim, client } = await signedIn({
      fleet: { devices: 8, failing: 1, seed: 4, serverVersion: '6.6.0' },
      faults: { badItem: { match: 'devices/devicerecords', index: 3, field: 'healthStatus' } },
    });
    const snapshot = await collectFleet(client);
    const bare = sim.fleet().devices[3] as SimDevice;
    expect(bare.failingDataTypes).toEqual([]);
    expect(snapshot.devices.ok && snapshot.devices.value[3]?.healthStatus).toBeUndefined();
    expect(snapshot.failingDeviceIds).toContain(bare.id);
    const verdict = judged(sim.origin, snapshot).get(bare.id);
    expect(verdict?.verdict).not.toBe('healthy');
    expect(verdict?.alert).toContain('Health alert: no status, a status that does not say');
  });
});

describe('collectFleet: alert statuses', () => {
  it('asks for red, yellow and error alerts only (the 7.0 enum), and examines an ERROR one as unknown', async () => {
    const { sim, client } = await signedIn({ fleet: { devices: 12, failing: 3, seed: 8 } });
    const [first, second] = sim.fleet().devices.filter((d) => d.failingDataTypes.length > 0) as SimDevice[];
    sim.api.setFaults({ cloudAlertStatus: { [first?.id ?? '']: 'ERROR', [second?.name ?? '']: 'Yellow' } });

    const snapshot = await collectFleet(client);
    // The simulator answers 400 to a status outside the 7.0 enum (FAILED, BLACK…): the alerts were read.
    expect(snapshot.alerts.ok).toBe(true);
    expect(snapshot.failingSource).toBe('alerts');
    expect(snapshot.failingDeviceIds).toEqual(
      sim
        .fleet()
        .devices.filter((d) => d.failingDataTypes.length > 0)
        .map((d) => d.id),
    );
    const verdicts = judged(sim.origin, snapshot);
    expect(verdicts.get(first?.id ?? '')?.verdict).not.toBe('healthy');
    expect(verdicts.get(first?.id ?? '')?.alert).toMatch(/^Health alert: ERROR, a status that does not say/);
    expect(verdicts.get(second?.id ?? '')?.alert).toMatch(/^Health alert: YELLOW — /);
  });

  it('the simulator refuses a filter status outside the 7.0 enum (the positive control of the test above)', async () => {
    const { client } = await signedIn({ fleet: { devices: 4, failing: 1, seed: 8 } });
    const snapshot = await collectFleet(client, { alertStatuses: ['RED', 'FAILED'] });
    expect(snapshot.alerts.ok).toBe(false);
    if (!snapshot.alerts.ok) expect(snapshot.alerts.error.message).toContain('400');
  });

  it('a re-check keeps a device whose alert turned ERROR, and drops one whose alert is green', async () => {
    const { sim, client } = await signedIn({ fleet: { devices: 6, failing: 2, seed: 3 } });
    const [a, b] = sim.fleet().devices.filter((d) => d.failingDataTypes.length > 0) as SimDevice[];
    sim.api.setFaults({ cloudAlertStatus: { [a?.id ?? '']: 'error', [b?.id ?? '']: 'GREEN' } });
    const target = (d: SimDevice | undefined) => ({
      id: d?.id ?? '',
      fmcVersion: sim.fleet().serverVersion,
      device: { name: d?.name, sw_version: d?.version },
    });
    expect((await collectDevice(client, target(a))).alerts.map((x) => x.status)).toEqual(['ERROR']);
    expect((await collectDevice(client, target(b))).alerts).toEqual([]);
  });
});

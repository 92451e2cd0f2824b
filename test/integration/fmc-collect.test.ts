import { describe, expect, it } from 'vitest';
import { type CollectProgress, collectFleet } from '../../lib/fmc/collect';
import { FmcError } from '../../lib/fmc/errors';
import { type FleetOptions, HOSTILE_NAMES } from '../fmc-sim/fleet';
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
    expect(progress[0]).toEqual({ done: 0, expected: 7 });
    expect(progress.at(-1)).toEqual({ done: 7 + commands, expected: 7 + commands });
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

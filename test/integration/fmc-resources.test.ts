import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FmcClient } from '../../lib/fmc/client';
import {
  getServerVersion,
  listDnsServerGroups,
  listDomains,
  listHealthAlerts,
} from '../../lib/fmc/resources';
import { clientFor, SIM_PASSWORD, SIM_USER, type SimHarness, startSim } from './sim-harness';

let sim: SimHarness;
let client: FmcClient;
beforeAll(async () => {
  sim = await startSim({ fleet: { devices: 20, failing: 5, seed: 9, serverVersion: '7.2.5' } });
  client = clientFor(sim);
  await client.signIn(SIM_USER, SIM_PASSWORD);
});
afterAll(async () => {
  expect(sim.api.stats().overshoot429).toBe(0);
  await sim.close();
});

describe('typed reads against the simulator', () => {
  it('reads the server version and its number', async () => {
    await expect(getServerVersion(client)).resolves.toMatchObject({
      version: '7.2.5',
      serverVersion: '7.2.5 (build 172)',
    });
  });

  it('lists the domains with their uuids', async () => {
    const domains = (await listDomains(client)).items;
    expect(domains.map((d) => d.name)).toEqual(['Global', 'Global/Branch']);
    expect(domains.every((d) => /^[0-9a-f-]{36}$/.test(d.uuid))).toBe(true);
  });

  it('filters alerts by module, status, device and time on the FMC side', async () => {
    const failing = sim.fleet().devices.filter((d) => d.failingDataTypes.length > 0);
    const first = failing[0]?.id ?? '';
    const now = Date.now();
    const hour = { start: new Date(now - 3_600_000), end: new Date(now) };
    const alerts = (
      await listHealthAlerts(client, {
        moduleIds: ['THREAT_DATA_UPDATES'],
        statuses: ['RED'],
        deviceIds: [first],
        between: hour,
      })
    ).items;
    expect(alerts.map((a) => a.deviceUUID)).toEqual([first]);
    const past = { start: new Date(now - 7_200_000), end: new Date(now - 3_600_000) };
    await expect(
      listHealthAlerts(client, { moduleIds: ['THREAT_DATA_UPDATES'], between: past }).then(
        (list) => list.items,
      ),
    ).resolves.toEqual([]);
    const everything = (await listHealthAlerts(client, {})).items;
    expect(everything.some((a) => a.deviceUUID === '0')).toBe(true);
    expect(new Set(everything.map((a) => a.moduleID))).toEqual(
      new Set(['THREAT_DATA_UPDATES', 'CPU', 'DISK_USAGE']),
    );
  });

  it('lists the DNS server groups with their name servers', async () => {
    const groups = (await listDnsServerGroups(client)).items;
    expect(groups.find((g) => g.name === 'PublicDNS')?.dnsservers?.map((s) => s['name-server'])).toEqual([
      '208.67.222.222',
      '2620:119:35::35',
    ]);
  });
});

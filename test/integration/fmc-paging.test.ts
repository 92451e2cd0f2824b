import { describe, expect, it } from 'vitest';
import { listDevices, listHealthAlerts } from '../../lib/fmc/resources';
import { simPerTest } from './sim-harness';

const { signedIn } = simPerTest();

const DEVICES = 'GET devices/devicerecords';

describe('paging', () => {
  it('asks for 1000 expanded items and needs one request for a fleet that fits', async () => {
    const { sim, client } = await signedIn({ fleet: { devices: 1000, failing: 0 } });
    const devices = (await listDevices(client)).items;
    expect(devices).toHaveLength(1000);
    expect(devices[0]?.sw_version).toBeDefined();
    expect(sim.api.stats().byEndpoint[DEVICES]).toBe(1);
  });

  it('follows every page that paging.next lists, once each, and keeps the order', async () => {
    const { sim, client } = await signedIn({ fleet: { devices: 30, seed: 2 }, faults: { maxPageSize: 7 } });
    const devices = (await listDevices(client)).items;
    expect(devices.map((d) => d.id)).toEqual(sim.fleet().devices.map((d) => d.id));
    expect(sim.api.stats().byEndpoint[DEVICES]).toBe(5);
  });

  it.each(['relative', 'no-api-prefix', 'other-host'] as const)(
    'follows %s links to the FMC the user chose',
    async (links) => {
      const { sim, client } = await signedIn({
        fleet: { devices: 30, seed: 2 },
        faults: { maxPageSize: 10, links },
      });
      const devices = (await listDevices(client)).items;
      expect(devices.map((d) => d.id)).toEqual(sim.fleet().devices.map((d) => d.id));
      expect(sim.api.stats().byEndpoint[DEVICES]).toBe(3);
    },
  );

  it('reads an empty list whose items are absent', async () => {
    const { client } = await signedIn({ fleet: { devices: 0 } });
    await expect(listDevices(client).then((list) => list.items)).resolves.toEqual([]);
  });

  it('pages filtered alerts too, keeping the filter on every page', async () => {
    const { sim, client } = await signedIn({
      fleet: { devices: 40, failing: 9, seed: 8 },
      faults: { maxPageSize: 4 },
    });
    const alerts = (await listHealthAlerts(client, { moduleIds: ['THREAT_DATA_UPDATES'], statuses: ['RED'] }))
      .items;
    expect(alerts).toHaveLength(9);
    expect(alerts.every((a) => a.status === 'RED' && a.moduleID === 'THREAT_DATA_UPDATES')).toBe(true);
    expect(sim.api.stats().byEndpoint['GET health/alerts']).toBe(3);
  });
});

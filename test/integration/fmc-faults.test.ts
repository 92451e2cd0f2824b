import { describe, expect, it } from 'vitest';
import { FmcClient } from '../../lib/fmc/client';
import { collectFleet } from '../../lib/fmc/collect';
import {
  getCloudEventsConfig,
  getSecurexConfig,
  listDevices,
  listHealthAlerts,
} from '../../lib/fmc/resources';
import { type FleetOptions, generateFleet } from '../fmc-sim/fleet';
import { clientFor, rejection, SIM_PASSWORD, SIM_USER, simPerTest } from './sim-harness';

const FLEET: FleetOptions = { devices: 20, failing: 4, seed: 5 };

const { start, signedIn, stop } = simPerTest({ fleet: FLEET });

const DEVICES = 'GET devices/devicerecords';
const COMMANDS = 'GET devices/devicerecords/{id}/operational/commands';
const TLS_MESSAGE =
  'The browser cannot reach the FMC or does not trust its certificate — open the FMC in a tab and accept it.';

describe('unreachable or untrusted FMC', () => {
  it('shows the certificate advice for an FMC with a self-signed certificate (HTTPS mode)', async () => {
    const sim = await start({ https: true });
    expect(sim.origin).toMatch(/^https:/);
    const error = await rejection(clientFor(sim).signIn(SIM_USER, SIM_PASSWORD));
    expect(error.code).toBe('tls-or-network');
    expect(error.message).toBe(TLS_MESSAGE);
  });

  it('shows the same advice when nothing listens', async () => {
    const sim = await start();
    const origin = sim.origin;
    await stop(sim);
    const error = await rejection(new FmcClient({ url: origin }).signIn(SIM_USER, SIM_PASSWORD));
    expect(error.message).toBe(TLS_MESSAGE);
  });
});

describe('server errors', () => {
  it('retries a GET through a burst of 5xx', async () => {
    const { sim, client } = await signedIn({
      faults: { inject: [{ match: DEVICES, status: 503, times: 2 }] },
    });
    await expect(listDevices(client).then((list) => list.items)).resolves.toHaveLength(20);
    expect(sim.api.stats().byEndpoint[DEVICES]).toBe(3);
  });

  it('retries the sign-in through a 5xx (it changes nothing on the FMC)', async () => {
    const { sim } = await signedIn({
      faults: { inject: [{ match: 'auth/generatetoken', status: 502, times: 1 }] },
    });
    expect(sim.api.stats()).toMatchObject({ logins: 1, byStatus: { '502': 1, '204': 1 } });
  });

  it('gives up after a bounded number of retries and shows the FMC’s description', async () => {
    const { sim, client } = await signedIn({
      faults: { inject: [{ match: DEVICES, status: 500, times: 10, description: 'Database is busy' }] },
    });
    const error = await rejection(listDevices(client));
    expect(error.message).toBe(
      'The FMC answered devices/devicerecords with a server error (500) several times. Try again later. The FMC says: Database is busy',
    );
    expect(sim.api.stats().byEndpoint[DEVICES]).toBe(3);
  });
});

describe('slow answers', () => {
  it('waits for a slow FMC within the timeout', async () => {
    const { client } = await signedIn(
      { faults: { slow: { match: 'health/alerts', ms: 150 } } },
      { timeoutMs: 2_000 },
    );
    await expect(
      listHealthAlerts(client, { moduleIds: ['THREAT_DATA_UPDATES'] }).then((list) => list.items),
    ).resolves.toHaveLength(20);
  });

  it('names the endpoint that did not answer in time', async () => {
    const { client } = await signedIn(
      { faults: { slow: { match: 'health/alerts', ms: 600 } } },
      { timeoutMs: 100 },
    );
    const error = await rejection(listHealthAlerts(client, {}));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('The FMC did not answer health/alerts within 0.1 s.');
  });
});

describe('bodies that are not what they should be', () => {
  it.each(['malformed-json', 'html', 'empty'] as const)(
    'retries a %s 200 once and reads the list',
    async (body) => {
      const { sim, client } = await signedIn({
        faults: { inject: [{ match: DEVICES, status: 200, body, times: 1 }] },
      });
      expect((await listDevices(client)).items).toHaveLength(20);
      expect(sim.api.stats().byEndpoint[DEVICES]).toBe(2);
    },
  );

  it.each(['malformed-json', 'html'] as const)(
    'reports a %s body that persists as not JSON',
    async (body) => {
      const { client } = await signedIn({
        faults: { inject: [{ match: DEVICES, status: 200, body, times: 3 }] },
      });
      const error = await rejection(listDevices(client));
      expect(error.code).toBe('not-json');
      expect(error.message).toContain("The FMC's answer to devices/devicerecords is not JSON");
    },
  );

  it('copes with tolerable schema drift: casing, new fields, missing optional fields, other spelling', async () => {
    const { client } = await signedIn({ faults: { schemaDrift: 'tolerable' } });
    const snapshot = await collectFleet(client);
    expect(snapshot.serverVersion).toMatchObject({ ok: true, value: { version: '7.4.1' } });
    expect(
      snapshot.devices.ok &&
        snapshot.devices.value.every((d) => d.healthStatus === 'RED' || d.healthStatus === 'GREEN'),
    ).toBe(true);
    expect(snapshot.devices.ok && snapshot.devices.value[0]?.model).toBeUndefined();
    expect(snapshot.failingDeviceIds).toHaveLength(4);
  });

  it('names the endpoint and the field of a breaking drift, and still diagnoses from the alerts', async () => {
    const { client } = await signedIn({ faults: { schemaDrift: 'breaking' } });
    const snapshot = await collectFleet(client);
    // Every item is rejected one by one: the list is read, empty, and says why.
    expect(snapshot.devices).toMatchObject({ ok: true, value: [] });
    const gap = snapshot.devices.ok ? snapshot.devices.gaps?.[0] : undefined;
    expect(gap?.params).toEqual({ endpoint: 'devices/devicerecords', count: 20, field: 'items[0].id' });
    expect(gap?.message).toContain(
      '20 items of devices/devicerecords were left out: unexpected field items[0].id',
    );
    expect(snapshot.failingDeviceIds).toHaveLength(4);
    expect(Object.keys(snapshot.namedDevices)).toEqual(snapshot.failingDeviceIds);
    expect(Object.values(snapshot.showNetwork).every((p) => p.ok)).toBe(true);
  });
});

describe('client errors', () => {
  it('degrades on a 403 for the alerts: suspects come from device health instead', async () => {
    const { client } = await signedIn({
      faults: { inject: [{ match: 'health/alerts', status: 403, times: 1 }] },
    });
    const snapshot = await collectFleet(client);
    expect(snapshot.alerts.ok).toBe(false);
    if (!snapshot.alerts.ok)
      expect(snapshot.alerts.error.message).toContain('not allowed to read health/alerts (403)');
    expect(snapshot.failingSource).toBe('health-status');
    expect(snapshot.failingDeviceIds).toHaveLength(4);
  });

  it('treats a 404 for SecureX as "not configured here", not as a failure', async () => {
    const { client } = await signedIn({
      faults: { inject: [{ match: 'securexconfigs', status: 404, times: 1 }] },
    });
    await expect(getSecurexConfig(client)).resolves.toBeNull();
  });

  it.each([
    [405, 'method-not-allowed', 'does not accept this request on integration/cloudeventsconfigs (405)'],
    [422, 'invalid-request', 'rejected the request to integration/cloudeventsconfigs (422)'],
  ] as const)('explains a %i', async (status, code, text) => {
    const { client } = await signedIn({
      faults: { inject: [{ match: 'cloudeventsconfigs', status, times: 1 }] },
    });
    const error = await rejection(getCloudEventsConfig(client));
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('answers 405 for a method the endpoint lacks and 422 for an oversized payload (simulator)', async () => {
    const { sim, client } = await signedIn();
    const token = client.session.current?.accessToken ?? '';
    const url = `${sim.origin}/api/fmc_platform/v1/info/serverversion`;
    const wrong = await fetch(url, { method: 'DELETE', headers: { 'X-auth-access-token': token } });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    const large = await fetch(`${sim.origin}/api/fmc_platform/v1/auth/generatetoken`, {
      method: 'POST',
      body: 'x'.repeat(2_048_001),
    });
    expect(large.status).toBe(422);
  });
});

describe('429 from other clients sharing the budget', () => {
  it('backs off and recovers when the FMC sends no Retry-After', async () => {
    const { sim, client } = await signedIn({
      faults: { inject: [{ match: DEVICES, status: 429, times: 2 }] },
    });
    await expect(listDevices(client).then((list) => list.items)).resolves.toHaveLength(20);
    expect(sim.api.stats()).toMatchObject({ injected429: 2, overshoot429: 0 });
  });

  it('waits as long as Retry-After says', async () => {
    const { client } = await signedIn({
      faults: { inject: [{ match: DEVICES, status: 429, times: 1, retryAfterSec: 0.3 }] },
    });
    const started = Date.now();
    (await listDevices(client)).items;
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('says so when the FMC keeps refusing', async () => {
    const { sim, client } = await signedIn({
      faults: { inject: [{ match: DEVICES, status: 429, times: 20 }] },
    });
    const error = await rejection(listDevices(client));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('Other API clients share its budget');
    expect(sim.api.stats().byEndpoint[DEVICES]).toBe(4);
  });
});

describe('device command API', () => {
  it('falls back to filter=command:show network on an FMC that rejects the first form, spending one request', async () => {
    const { sim, client } = await signedIn({ faults: { commandApi: { forms: ['filter'] } } });
    const snapshot = await collectFleet(client, { peers: 0 });
    expect(Object.values(snapshot.showNetwork).every((p) => p.ok)).toBe(true);
    expect(sim.api.stats().byEndpoint[COMMANDS]).toBe(4 + 1);
  });

  it('reports a device whose command fails without failing the others', async () => {
    const fleet = generateFleet(FLEET);
    const broken = fleet.devices.find((d) => d.failingDataTypes.length > 0);
    if (!broken) throw new Error('fleet without failing device');
    broken.commandFails = true;
    const { client } = await signedIn({ fleet });
    const snapshot = await collectFleet(client, { peers: 0 });
    const parts = snapshot.showNetwork;
    expect(parts[broken.id]).toMatchObject({ ok: false, error: { code: 'server-error' } });
    expect(Object.values(parts).filter((p) => p.ok)).toHaveLength(3);
  });

  it('does not ask devices too old for the command API, and says why', async () => {
    const { sim, client } = await signedIn({ fleet: { ...FLEET, oldVersionRatio: 1 } });
    const snapshot = await collectFleet(client);
    const first = Object.values(snapshot.showNetwork)[0];
    expect(first).toMatchObject({ ok: false, error: { code: 'device-too-old' } });
    if (first && !first.ok)
      expect(first.error.message).toMatch(/runs 6\.[45]\.0: the FMC can run commands only/);
    expect(sim.api.stats().byEndpoint[COMMANDS]).toBeUndefined();
  });
});

describe('older FMC versions lacking endpoints', () => {
  it.each([
    [
      '6.4.0',
      ['GET integration/securexconfigs', 'GET integration/cloudregions', 'GET health/alerts', COMMANDS],
    ],
    ['6.6.0', ['GET integration/securexconfigs', 'GET health/alerts']],
    ['6.7.0', ['GET integration/securexconfigs']],
  ] as const)(
    'FMC %s: skips the missing endpoints without a request, diagnoses with the rest',
    async (version, missing) => {
      const { sim, client } = await signedIn({ fleet: { ...FLEET, serverVersion: version } });
      const snapshot = await collectFleet(client);
      const asked = sim.api.stats().byEndpoint;
      for (const key of missing) expect(asked[key], key).toBeUndefined();
      expect(snapshot.devices.ok).toBe(true);
      expect(snapshot.integration.cloudEvents.ok).toBe(true);
      expect(snapshot.integration.securex).toMatchObject({ ok: false, error: { code: 'not-on-version' } });
      if (!snapshot.integration.securex.ok) {
        expect(snapshot.integration.securex.error.message).toBe(
          `This FMC (${version}) predates integration/securexconfigs (available from 7.0); the diagnosis continues without it.`,
        );
      }
      expect(snapshot.failingDeviceIds).toHaveLength(4);
    },
  );
});

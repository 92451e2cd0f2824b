import { describe, expect, it } from 'vitest';
import { listDevices } from '../../lib/fmc/resources';
import { MemoryTokenStore } from '../../lib/fmc/session';
import { BRANCH_DOMAIN, GLOBAL_DOMAIN } from '../fmc-sim/fleet';
import { clientFor, rejection, SIM_PASSWORD, SIM_USER, simPerTest } from './sim-harness';

const { start, signedIn } = simPerTest({ fleet: { devices: 10, failing: 2, seed: 11 } });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in', () => {
  it('reads the tokens and the domains from the headers of a 204', async () => {
    const store = new MemoryTokenStore();
    const { sim, client } = await signedIn({}, { store });
    expect(client.session.domains).toEqual([
      { uuid: GLOBAL_DOMAIN.uuid, name: 'Global' },
      { uuid: BRANCH_DOMAIN.uuid, name: 'Global/Branch' },
    ]);
    expect(client.session.domainUuid).toBe(GLOBAL_DOMAIN.uuid);
    const stored = await store.load(sim.origin);
    expect(stored?.accessToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(stored)).not.toContain(SIM_PASSWORD);
    expect(sim.api.stats()).toMatchObject({ logins: 1, byStatus: { '204': 1 } });
  });

  it('explains wrong credentials and the REST API preference, with the FMC’s words, without retrying', async () => {
    const sim = await start();
    const error = await rejection(clientFor(sim).signIn(SIM_USER, 'wrong'));
    expect(error.code).toBe('bad-credentials');
    expect(error.message).toBe(
      'The FMC refused the sign-in (401). Check the user name and password, and that the REST API is enabled on the FMC (System > Configuration > REST API Preferences). The FMC says: User authentication failed',
    );
    expect(sim.api.stats()).toMatchObject({ requests: 1, failedLogins: 1 });
  });

  it.each([
    [401, 'bad-credentials'],
    [403, 'login-forbidden'],
  ] as const)('points at REST API Preferences when the API is disabled (%i)', async (status, code) => {
    const sim = await start({ faults: { restApiDisabled: status } });
    const error = await rejection(clientFor(sim).signIn(SIM_USER, SIM_PASSWORD));
    expect(error.code).toBe(code);
    expect(error.message).toContain('System > Configuration > REST API Preferences');
    expect(error.message).toContain('The FMC says: REST API access is disabled');
  });

  it('works in a chosen subdomain listed by name', async () => {
    const { sim, client } = await signedIn();
    await client.session.selectDomain('Global/Branch');
    const devices = (await listDevices(client)).items;
    const branch = sim.fleet().devices.filter((d) => d.domainUuid === BRANCH_DOMAIN.uuid);
    expect(devices.map((d) => d.id)).toEqual(branch.map((d) => d.id));
    expect(branch.length).toBeGreaterThan(0);
    expect(branch.length).toBeLessThan(sim.fleet().devices.length);
  });
});

describe('token lifetime', () => {
  it('refreshes before expiry when it knows the lifetime: the FMC never answers 401', async () => {
    const { sim, client } = await signedIn(
      { faults: { tokenLifetimeMs: 300 } },
      { tokenLifetimeMs: 300, refreshAheadMs: 150 },
    );
    for (let i = 0; i < 12; i++) {
      (await listDevices(client)).items;
      await pause(100);
    }
    const stats = sim.api.stats();
    expect(stats.byStatus['401']).toBeUndefined();
    expect(stats.refreshes).toBeGreaterThanOrEqual(3);
    // Never a fourth refresh on one login: after the third, the kept password signs in again.
    expect(stats.failedRefreshes).toBe(0);
    expect(stats.logins).toBeGreaterThanOrEqual(2);
  });

  it('refreshes after a 401 "invalid token" and repeats the request once', async () => {
    const { sim, client } = await signedIn({ faults: { tokenLifetimeMs: 80 } });
    await pause(120);
    await expect(listDevices(client).then((list) => list.items)).resolves.toHaveLength(10);
    expect(sim.api.stats()).toMatchObject({ refreshes: 1, byStatus: { '401': 1 } });
  });

  it('refreshes once for parallel requests rejected together', async () => {
    const { sim, client } = await signedIn({ faults: { tokenLifetimeMs: 80 } });
    await pause(120);
    await Promise.all(Array.from({ length: 6 }, () => listDevices(client)));
    expect(sim.api.stats().refreshes).toBe(1);
  });

  it('signs in again with the password in memory once the FMC refuses more refreshes', async () => {
    const { sim, client } = await signedIn({ faults: { tokenLifetimeMs: 80, maxRefreshes: 0 } });
    await pause(120);
    await expect(listDevices(client).then((list) => list.items)).resolves.toHaveLength(10);
    expect(sim.api.stats()).toMatchObject({ logins: 2, failedRefreshes: 1 });
  });

  it('asks the user to sign in when refreshes are spent and the password was not kept', async () => {
    const sim = await start({ faults: { tokenLifetimeMs: 80, maxRefreshes: 0 } });
    const store = new MemoryTokenStore();
    const client = clientFor(sim, { store });
    await client.signIn(SIM_USER, SIM_PASSWORD, { keepPassword: false });
    await pause(120);
    const error = await rejection(listDevices(client));
    expect(error.code).toBe('sign-in-required');
    expect(error.message).toBe('The FMC session has ended. Sign in again.');
    expect(await store.load(sim.origin)).toBeUndefined();
    expect(sim.api.stats().logins).toBe(1);
  });

  it('asks for a sign-in rather than sending a request when there is no session', async () => {
    const sim = await start();
    const error = await rejection(listDevices(clientFor(sim)));
    expect(error.code).toBe('sign-in-required');
    expect(sim.api.stats().requests).toBe(0);
  });
});

describe('sign-out', () => {
  it('revokes the tokens on the FMC and forgets them', async () => {
    const store = new MemoryTokenStore();
    const { sim, client } = await signedIn({}, { store });
    const token = client.session.current?.accessToken ?? '';
    await client.signOut();
    expect(sim.api.stats().revokes).toBe(1);
    expect(await store.load(sim.origin)).toBeUndefined();
    const after = await fetch(`${sim.origin}/api/fmc_platform/v1/info/serverversion`, {
      headers: { 'X-auth-access-token': token },
    });
    expect(after.status).toBe(401);
  });
});

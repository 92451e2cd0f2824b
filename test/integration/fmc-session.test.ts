import { afterEach, describe, expect, it } from 'vitest';
import { FmcError } from '../../lib/fmc/errors';
import { listDevices } from '../../lib/fmc/resources';
import { MemoryTokenStore } from '../../lib/fmc/session';
import { BRANCH_DOMAIN, GLOBAL_DOMAIN } from '../fmc-sim/fleet';
import {
  clientFor,
  closeChecked,
  SIM_PASSWORD,
  SIM_USER,
  type SimHarness,
  type SimHarnessOptions,
  startSim,
} from './sim-harness';

let sim: SimHarness | undefined;
afterEach(async () => {
  const done = sim;
  sim = undefined;
  await closeChecked(done);
});

async function start(options: SimHarnessOptions = {}): Promise<SimHarness> {
  sim = await startSim({ fleet: { devices: 10, failing: 2, seed: 11 }, ...options });
  return sim;
}

async function rejection(promise: Promise<unknown>): Promise<FmcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FmcError);
  return error as FmcError;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in', () => {
  it('reads the tokens and the domains from the headers of a 204', async () => {
    const s = await start();
    const store = new MemoryTokenStore();
    const client = clientFor(s, { store });
    await client.signIn(SIM_USER, SIM_PASSWORD);
    expect(client.session.domains).toEqual([
      { uuid: GLOBAL_DOMAIN.uuid, name: 'Global' },
      { uuid: BRANCH_DOMAIN.uuid, name: 'Global/Branch' },
    ]);
    expect(client.session.domainUuid).toBe(GLOBAL_DOMAIN.uuid);
    const stored = await store.load(s.origin);
    expect(stored?.accessToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(stored)).not.toContain(SIM_PASSWORD);
    expect(s.api.stats()).toMatchObject({ logins: 1, byStatus: { '204': 1 } });
  });

  it('explains wrong credentials and the REST API preference, with the FMC’s words, without retrying', async () => {
    const s = await start();
    const error = await rejection(clientFor(s).signIn(SIM_USER, 'wrong'));
    expect(error.code).toBe('bad-credentials');
    expect(error.message).toBe(
      'The FMC refused the sign-in (401). Check the user name and password, and that the REST API is enabled on the FMC (System > Configuration > REST API Preferences). The FMC says: User authentication failed',
    );
    expect(s.api.stats()).toMatchObject({ requests: 1, failedLogins: 1 });
  });

  it.each([
    [401, 'bad-credentials'],
    [403, 'login-forbidden'],
  ] as const)('points at REST API Preferences when the API is disabled (%i)', async (status, code) => {
    const s = await start({ faults: { restApiDisabled: status } });
    const error = await rejection(clientFor(s).signIn(SIM_USER, SIM_PASSWORD));
    expect(error.code).toBe(code);
    expect(error.message).toContain('System > Configuration > REST API Preferences');
    expect(error.message).toContain('The FMC says: REST API access is disabled');
  });

  it('works in a chosen subdomain listed by name', async () => {
    const s = await start();
    const client = clientFor(s);
    await client.signIn(SIM_USER, SIM_PASSWORD);
    await client.session.selectDomain('Global/Branch');
    const devices = await listDevices(client);
    const branch = s.fleet().devices.filter((d) => d.domainUuid === BRANCH_DOMAIN.uuid);
    expect(devices.map((d) => d.id)).toEqual(branch.map((d) => d.id));
    expect(branch.length).toBeGreaterThan(0);
    expect(branch.length).toBeLessThan(s.fleet().devices.length);
  });
});

describe('token lifetime', () => {
  it('refreshes before expiry when it knows the lifetime: the FMC never answers 401', async () => {
    const s = await start({ faults: { tokenLifetimeMs: 300 } });
    const client = clientFor(s, { tokenLifetimeMs: 300, refreshAheadMs: 150 });
    await client.signIn(SIM_USER, SIM_PASSWORD);
    for (let i = 0; i < 12; i++) {
      await listDevices(client);
      await pause(100);
    }
    const stats = s.api.stats();
    expect(stats.byStatus['401']).toBeUndefined();
    expect(stats.refreshes).toBeGreaterThanOrEqual(3);
    // Never a fourth refresh on one login: after the third, the kept password signs in again.
    expect(stats.failedRefreshes).toBe(0);
    expect(stats.logins).toBeGreaterThanOrEqual(2);
  });

  it('refreshes after a 401 "invalid token" and repeats the request once', async () => {
    const s = await start({ faults: { tokenLifetimeMs: 80 } });
    const client = clientFor(s);
    await client.signIn(SIM_USER, SIM_PASSWORD);
    await pause(120);
    await expect(listDevices(client)).resolves.toHaveLength(10);
    expect(s.api.stats()).toMatchObject({ refreshes: 1, byStatus: { '401': 1 } });
  });

  it('refreshes once for parallel requests rejected together', async () => {
    const s = await start({ faults: { tokenLifetimeMs: 80 } });
    const client = clientFor(s);
    await client.signIn(SIM_USER, SIM_PASSWORD);
    await pause(120);
    await Promise.all(Array.from({ length: 6 }, () => listDevices(client)));
    expect(s.api.stats().refreshes).toBe(1);
  });

  it('signs in again with the password in memory once the FMC refuses more refreshes', async () => {
    const s = await start({ faults: { tokenLifetimeMs: 80, maxRefreshes: 0 } });
    const client = clientFor(s);
    await client.signIn(SIM_USER, SIM_PASSWORD);
    await pause(120);
    await expect(listDevices(client)).resolves.toHaveLength(10);
    expect(s.api.stats()).toMatchObject({ logins: 2, failedRefreshes: 1 });
  });

  it('asks the user to sign in when refreshes are spent and the password was not kept', async () => {
    const s = await start({ faults: { tokenLifetimeMs: 80, maxRefreshes: 0 } });
    const store = new MemoryTokenStore();
    const client = clientFor(s, { store });
    await client.signIn(SIM_USER, SIM_PASSWORD, { keepPassword: false });
    await pause(120);
    const error = await rejection(listDevices(client));
    expect(error.code).toBe('sign-in-required');
    expect(error.message).toBe('The FMC session has ended. Sign in again.');
    expect(await store.load(s.origin)).toBeUndefined();
    expect(s.api.stats().logins).toBe(1);
  });

  it('asks for a sign-in rather than sending a request when there is no session', async () => {
    const s = await start();
    const error = await rejection(listDevices(clientFor(s)));
    expect(error.code).toBe('sign-in-required');
    expect(s.api.stats().requests).toBe(0);
  });
});

describe('sign-out', () => {
  it('revokes the tokens on the FMC and forgets them', async () => {
    const s = await start();
    const store = new MemoryTokenStore();
    const client = clientFor(s, { store });
    await client.signIn(SIM_USER, SIM_PASSWORD);
    const token = client.session.current?.accessToken ?? '';
    await client.signOut();
    expect(s.api.stats().revokes).toBe(1);
    expect(await store.load(s.origin)).toBeUndefined();
    const after = await fetch(`${s.origin}/api/fmc_platform/v1/info/serverversion`, {
      headers: { 'X-auth-access-token': token },
    });
    expect(after.status).toBe(401);
  });
});

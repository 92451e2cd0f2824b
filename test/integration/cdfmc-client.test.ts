import { describe, expect, it } from 'vitest';
import { ALERT_FILTER_STATUSES, CDFMC_ALERT_FILTER_STATUSES } from '../../lib/alert/statuses';
import { collectDevice, collectFleet } from '../../lib/fmc/collect';
import { CDFMC_PREFIX, type CdfmcDoorKind } from '../../lib/fmc/doors';
import type { FmcTransport } from '../../lib/fmc/http';
import { CDFMC_RATE_PER_MINUTE } from '../../lib/fmc/limiter';
import { getServerVersion, listDevices, listDomains } from '../../lib/fmc/resources';
import { MemoryTokenStore } from '../../lib/fmc/session';
import { GLOBAL_DOMAIN } from '../fmc-sim/fleet';
import { clientFor, rejection, type SimHarness, simPerTest } from './sim-harness';

/**
 * The REST client against the simulator's cloud-delivered FMC mode (issue 20): the bearer sign-in through each
 * door, each token case, paging through the gateway, 429s in both envelopes, the polite rate, FAILED.
 */

const { start } = simPerTest({ cdfmc: true });

const DOORS: readonly CdfmcDoorKind[] = ['host', 'gateway', 'legacy'];

interface Sent {
  url: string;
  headers: Record<string, string>;
}

/** A transport that records every request's URL and headers before sending it. */
function recording(): { fetch: FmcTransport; sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: (url, init) => {
      sent.push({ url, headers: { ...(init.headers as Record<string, string>) } });
      return fetch(url, init);
    },
  };
}

/** The statuses an alerts request's filter names, sorted. */
function statusFilter(url: URL | undefined): string[] {
  const part = (url?.searchParams.get('filter') ?? '').split(';').find((p) => p.startsWith('status:'));
  return (part?.slice('status:'.length).split(',') ?? []).sort();
}

function door(kind: CdfmcDoorKind) {
  return { kind, prefix: CDFMC_PREFIX[kind] };
}

function tokensOf(sim: SimHarness) {
  const info = sim.cdfmc;
  if (!info) throw new Error('not a cdFMC simulator');
  return info.tokens;
}

describe('cdFMC sign-in with an SCC API token', () => {
  for (const kind of DOORS) {
    it(`through the ${kind} door: one request, info/domain, Bearer only, the Global domain`, async () => {
      const sim = await start({ fleet: { devices: 12, failing: 2 } });
      const { fetch, sent } = recording();
      const store = new MemoryTokenStore();
      const client = clientFor(sim, { fetch, store });
      const session = await client.signInWithToken(tokensOf(sim).valid, door(kind));

      expect(session).toMatchObject({
        auth: 'bearer',
        door: { kind, prefix: CDFMC_PREFIX[kind] },
        accessToken: tokensOf(sim).valid,
        refreshToken: '',
        domainUuid: GLOBAL_DOMAIN.uuid,
        loginDomainUuid: GLOBAL_DOMAIN.uuid,
        domains: [{ uuid: GLOBAL_DOMAIN.uuid, name: 'Global' }],
      });
      expect(await store.load(client.origin)).toEqual(session);
      expect(sent).toHaveLength(1);
      expect(new URL(sent[0]?.url ?? '').pathname).toBe(
        `${CDFMC_PREFIX[kind]}/api/fmc_platform/v1/info/domain`,
      );

      const devices = await listDevices(client);
      expect(devices.items).toHaveLength(12);
      for (const request of sent) {
        expect(request.headers.Authorization).toBe(`Bearer ${tokensOf(sim).valid}`);
        expect(Object.keys(request.headers).map((h) => h.toLowerCase())).not.toContain('x-auth-access-token');
        expect(new URL(request.url).pathname.startsWith(`${CDFMC_PREFIX[kind]}/api/`)).toBe(true);
      }
      const stats = sim.api.stats();
      expect(stats.byDoor).toEqual({ [kind]: sent.length });
      // No generatetoken, refresh or revoke, ever.
      expect(Object.keys(stats.byEndpoint).filter((key) => key.includes('auth/'))).toEqual([]);
    });
  }

  it('several domains: all are kept for the domain choice, Global chosen first', async () => {
    const sim = await start({ fleet: { devices: 10, failing: 1, cdfmc: false } });
    const client = clientFor(sim);
    const session = await client.signInWithToken(tokensOf(sim).valid, door('host'));
    expect(session.domains.map((d) => d.name)).toEqual(['Global', 'Global/Branch']);
    expect(session.domainUuid).toBe(GLOBAL_DOMAIN.uuid);
    const branch = session.domains[1]?.uuid ?? '';
    await client.session.selectDomain('Global/Branch');
    expect(client.session.domainUuid).toBe(branch);
    // A later sign-in keeps the domain chosen while it is still listed.
    expect((await client.signInWithToken(tokensOf(sim).valid, door('host'))).domainUuid).toBe(branch);
    expect((await listDomains(client)).items).toHaveLength(2);
  });

  it('a revoked token: 401 "SCC token is invalid", worded token-invalid, nothing stored', async () => {
    for (const wording of ['SCC', 'CDO'] as const) {
      for (const kind of DOORS) {
        const sim = await start();
        sim.api.setCdfmc({ invalidTokenWording: wording });
        const store = new MemoryTokenStore();
        const client = clientFor(sim, { store });
        const error = await rejection(client.signInWithToken(tokensOf(sim).revoked, door(kind)));
        expect(error.code).toBe('token-invalid');
        expect(error.status).toBe(401);
        expect(error.envelope).toBe('fmc');
        expect(error.fmcMessages).toEqual([`${wording} token is invalid`]);
        expect(error.localized('en')).toContain('The SCC API token was refused');
        expect(error.localized('en')).toContain('Paste a new one');
        expect(error.localized('fr')).toContain('Le jeton d’API SCC a été refusé');
        expect(await store.load(client.origin)).toBeUndefined();
        expect(sim.api.stats().tokenRefusals).toEqual({ revoked: 1 });
      }
    }
  });

  it('a token of the wrong kind: 400 in the gateway envelope through the gateway, 401 from the host', async () => {
    const sim = await start();
    const client = clientFor(sim);
    for (const kind of ['gateway', 'legacy'] as const) {
      const error = await rejection(client.signInWithToken(tokensOf(sim).wrongKind, door(kind)));
      expect(error.code).toBe('token-wrong-kind');
      expect(error.status).toBe(400);
      expect(error.envelope).toBe('gateway');
      expect(error.fmcMessages[0]).toMatch(/^Bad Request \(requestId [0-9a-f-]{36}\)$/);
      expect(error.localized('en')).toContain('not an API-only user');
      expect(error.localized('fr')).toContain('utilisateur API');
    }
    const host = await rejection(client.signInWithToken(tokensOf(sim).wrongKind, door('host')));
    expect(host.code).toBe('token-invalid');
    expect(host.status).toBe(401);
  });

  it('a token of another region: 403 from the gateway (invented form), 401 from the host', async () => {
    const sim = await start();
    const client = clientFor(sim);
    const error = await rejection(client.signInWithToken(tokensOf(sim).wrongRegion, door('gateway')));
    expect(error.code).toBe('token-wrong-region');
    expect(error.status).toBe(403);
    expect(error.localized('en')).toContain('another SCC region');
    expect(error.localized('fr')).toContain('autre région SCC');
    const host = await rejection(client.signInWithToken(tokensOf(sim).wrongRegion, door('host')));
    expect(host.code).toBe('token-invalid');
    expect(sim.api.stats().tokenRefusals).toEqual({ wrongRegion: 2 });
  });

  it('an empty token is refused without a request; a door with no cdFMC says so', async () => {
    const sim = await start();
    const client = clientFor(sim);
    expect((await rejection(client.signInWithToken('   ', door('host')))).code).toBe('token-invalid');
    expect(sim.api.stats().requests).toBe(0);
    const wrong = await rejection(
      client.signInWithToken(tokensOf(sim).valid, { kind: 'gateway', prefix: '/firewall/v2/cdfmc' }),
    );
    expect(wrong.code).toBe('cdfmc-not-found');
  });

  it('a token revoked after sign-in: the next request throws token-invalid, no refresh, no sign-in again', async () => {
    const sim = await start({ fleet: { devices: 5, failing: 1 } });
    const client = clientFor(sim);
    const token = tokensOf(sim).valid;
    await client.signInWithToken(token, door('gateway'));
    sim.api.setCdfmc({ tokens: { valid: [], revoked: [token] } });
    const before = sim.api.stats().requests;
    const error = await rejection(listDevices(client));
    expect(error.code).toBe('token-invalid');
    expect(sim.api.stats().requests - before).toBe(1);
    expect(Object.keys(sim.api.stats().byEndpoint).filter((key) => key.includes('auth/'))).toEqual([]);
    // The session is kept: the UI asks for a new token (the code says so), it never signs in by itself.
    expect(client.session.current?.auth).toBe('bearer');
  });

  it('a new token pasted in another page is picked up after a refusal; a sign-out there ends the session', async () => {
    const sim = await start({ fleet: { devices: 5, failing: 1 } });
    const store = new MemoryTokenStore();
    const worker = clientFor(sim, { store });
    const popup = clientFor(sim, { store });
    const old = tokensOf(sim).valid;
    await worker.signInWithToken(old, door('gateway'));
    const fresh = `${old}.renewed`;
    sim.api.setCdfmc({ tokens: { valid: [fresh], revoked: [old] } });
    await popup.signInWithToken(fresh, door('gateway'));
    // A refused sign-in elsewhere leaves the stored session alone.
    const other = clientFor(sim, { store });
    expect((await rejection(other.signInWithToken(old, door('gateway')))).code).toBe('token-invalid');
    expect((await store.load(worker.origin))?.accessToken).toBe(fresh);
    // The worker still holds the old token: refused once, then the stored one is used.
    const before = sim.api.stats().requests;
    expect((await listDevices(worker)).items).toHaveLength(5);
    expect(sim.api.stats().requests - before).toBe(2);
    expect(worker.session.current?.accessToken).toBe(fresh);

    sim.api.setCdfmc({ tokens: { valid: [], revoked: [old, fresh] } });
    await popup.signOut();
    expect((await rejection(listDevices(worker))).code).toBe('sign-in-required');
  });

  it('a door prefix that is not plain path segments is never used, even read back from storage', async () => {
    const sim = await start();
    const { fetch, sent } = recording();
    const store = new MemoryTokenStore();
    const client = clientFor(sim, { store, fetch });
    await expect(
      client.signInWithToken(tokensOf(sim).valid, { kind: 'gateway', prefix: '.evil.example' }),
    ).rejects.toThrow(TypeError);
    const session = await client.signInWithToken(tokensOf(sim).valid, door('gateway'));
    expect(sent).toHaveLength(1);
    // Storage tampered with: the prefix would put the token on another host.
    for (const prefix of ['.evil.example', '@evil.example', '/x?y=', 'firewall']) {
      await store.save(client.origin, { ...session, door: { kind: 'gateway', prefix } });
      const other = clientFor(sim, { store, fetch });
      expect((await rejection(listDevices(other))).code).toBe('sign-in-required');
    }
    expect(sent).toHaveLength(1);
  });

  it('the cdFMC has no generatetoken, and refuses X-auth-access-token', async () => {
    const sim = await start();
    const login = await fetch(sim.url('/api/fmc_platform/v1/auth/generatetoken'), {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa('api-user:api-password')}` },
    });
    expect(login.status).toBe(404);
    const xauth = await fetch(sim.url('/api/fmc_platform/v1/info/domain'), {
      headers: { 'X-auth-access-token': tokensOf(sim).valid },
    });
    expect(xauth.status).toBe(401);
    expect(await xauth.json()).toMatchObject({
      error: { messages: [{ description: 'SCC token is invalid' }] },
    });
    const bearer = await fetch(sim.url('/firewall/v1/cdfmc/api/fmc_platform/v1/info/domain'), {
      headers: { Authorization: `Bearer ${tokensOf(sim).valid}` },
    });
    expect(bearer.status).toBe(200);
  });

  it("the simulator's cdFMC settings: read and changed over HTTP, absent on an on-prem simulator", async () => {
    const sim = await start();
    const read = await fetch(sim.url('/__sim/rest/cdfmc'));
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      serverVersion: '10.0.0-build 7056',
      failedStatus: 'alternate',
    });
    const changed = await fetch(sim.url('/__sim/rest/cdfmc'), {
      method: 'POST',
      body: JSON.stringify({ invalidTokenWording: 'CDO', cloudIntegration: 'absent' }),
    });
    expect(await changed.json()).toMatchObject({ invalidTokenWording: 'CDO', cloudIntegration: 'absent' });
    const bad = await fetch(sim.url('/__sim/rest/cdfmc'), { method: 'POST', body: '{"wording":"x"}' });
    expect(bad.status).toBe(400);
    sim.api.reset();
    expect(sim.api.cdfmc()?.invalidTokenWording).toBe('SCC');
    const onPrem = await start({ cdfmc: undefined });
    expect((await fetch(onPrem.url('/__sim/rest/cdfmc'))).status).toBe(404);
    expect(onPrem.cdfmc).toBeNull();
    expect(
      (await fetch(onPrem.url('/firewall/v1/cdfmc/api/fmc_platform/v1/info/domain'))).headers.get(
        'content-type',
      ),
    ).toContain('text/html');
  });

  it('sign-out of a bearer session forgets it locally and sends nothing', async () => {
    const sim = await start();
    const store = new MemoryTokenStore();
    const client = clientFor(sim, { store });
    await client.signInWithToken(tokensOf(sim).valid, door('host'));
    const before = sim.api.stats().requests;
    await client.signOut();
    expect(sim.api.stats().requests).toBe(before);
    expect(await store.load(client.origin)).toBeUndefined();
    expect((await rejection(listDevices(client))).code).toBe('sign-in-required');
  });
});

describe('cdFMC paging, versions, rate and statuses', () => {
  it('pages through the gateway: links carry the gateway prefix and are followed on it', async () => {
    const sim = await start({ fleet: { devices: 80, failing: 3 }, faults: { maxPageSize: 25 } });
    const { fetch, sent } = recording();
    const client = clientFor(sim, { fetch });
    await client.signInWithToken(tokensOf(sim).valid, door('gateway'));
    // What the gateway writes: its own URL, prefix included.
    const raw = await globalThis.fetch(
      sim.url(
        `/firewall/v1/cdfmc/api/fmc_config/v1/domain/${GLOBAL_DOMAIN.uuid}/devices/devicerecords?limit=25`,
      ),
      { headers: { Authorization: `Bearer ${tokensOf(sim).valid}` } },
    );
    const body = (await raw.json()) as { paging: { next: string[] } };
    expect(body.paging.next[0]).toMatch(new RegExp(`^${sim.origin}/firewall/v1/cdfmc/api/fmc_config/`));

    sent.length = 0;
    const devices = await listDevices(client);
    expect(devices.gaps).toEqual([]);
    expect(devices.items.map((d) => d.name)).toEqual(sim.fleet().devices.map((d) => d.name));
    expect(sent).toHaveLength(4);
    for (const request of sent)
      expect(new URL(request.url).pathname).toMatch(/^\/firewall\/v1\/cdfmc\/api\/fmc_config\//);
  });

  it('re-roots links on the door used: relative links through the legacy door, links of another door', async () => {
    const sim = await start({
      fleet: { devices: 60, failing: 2 },
      faults: { maxPageSize: 25, links: 'relative' },
    });
    const { fetch, sent } = recording();
    const client = clientFor(sim, { fetch });
    await client.signInWithToken(tokensOf(sim).valid, door('legacy'));
    const devices = await listDevices(client);
    expect(devices.items).toHaveLength(60);
    for (const request of sent)
      expect(new URL(request.url).pathname).toMatch(/^\/api\/rest\/v1\/cdfmc\/api\//);

    // A gateway link read by a host-door session goes to the host, without the gateway's prefix.
    const host = clientFor(sim, { fetch });
    await host.signInWithToken(tokensOf(sim).valid, door('host'));
    sent.length = 0;
    const link = `${sim.origin}/firewall/v1/cdfmc/api/fmc_platform/v1/info/serverversion`;
    await host.read(link, (body) => body, { endpoint: 'info/serverversion' });
    expect(new URL(sent[0]?.url ?? '').pathname).toBe('/api/fmc_platform/v1/info/serverversion');
  });

  it('reads both version forms: 10.0.0-build 7056 and 7.7.10-build 1248', async () => {
    const sim = await start();
    const client = clientFor(sim);
    await client.signInWithToken(tokensOf(sim).valid, door('gateway'));
    expect(await getServerVersion(client)).toMatchObject({
      serverVersion: '10.0.0-build 7056',
      version: '10.0.0',
    });
    sim.api.setCdfmc({ serverVersion: '7.7.10-build 1248' });
    expect((await getServerVersion(client)).version).toBe('7.7.10');
    const devices = await listDevices(client);
    expect(devices.items.map((d) => d.sw_version)).toContain('7.7.10-build 1248');
    // The cdFMC's new device fields pass through.
    expect(devices.items[0]).toMatchObject({ isConnected: true, isMCDManaged: false });
    expect(typeof devices.items[0]?.cloudDeviceId).toBe('string');
  });

  it('a polite default rate for a bearer session, the user setting over it, the version never', async () => {
    const sim = await start();
    const client = clientFor(sim);
    await client.signInWithToken(tokensOf(sim).valid, door('host'));
    expect(client.limiter.requests.perWindow).toBe(CDFMC_RATE_PER_MINUTE);
    await getServerVersion(client);
    // 10.0.0 would be 300 a minute on-prem (rateForVersion): a cdFMC keeps its own default.
    expect(client.limiter.requests.perWindow).toBe(CDFMC_RATE_PER_MINUTE);
    client.setRateOverride(200);
    expect(client.limiter.requests.perWindow).toBe(200);
    client.setRateOverride(null);
    expect(client.limiter.requests.perWindow).toBe(CDFMC_RATE_PER_MINUTE);
    // A client that restores the bearer session from the store gets the same default on its first request.
    const store = new MemoryTokenStore();
    const current = client.session.current;
    expect(current?.auth).toBe('bearer');
    if (current) await store.save(client.origin, current);
    const other = clientFor(sim, { store });
    expect(other.limiter.requests.perWindow).toBe(120);
    await getServerVersion(other);
    expect(other.limiter.requests.perWindow).toBe(CDFMC_RATE_PER_MINUTE);
  });

  it('asks a cdFMC for FAILED alerts too, and reads them as failing; the on-prem filter is unchanged', async () => {
    expect([...ALERT_FILTER_STATUSES].sort()).toEqual(['ERROR', 'RED', 'YELLOW']);
    expect([...CDFMC_ALERT_FILTER_STATUSES].sort()).toEqual(['ERROR', 'FAILED', 'RED', 'YELLOW']);
    const sim = await start({ fleet: { devices: 20, failing: 4 } });
    const { fetch, sent } = recording();
    const client = clientFor(sim, { fetch });
    await client.signInWithToken(tokensOf(sim).valid, door('gateway'));
    const snapshot = await collectFleet(client);
    expect(snapshot.platform).toBe('cdfmc');
    const failing = sim.fleet().devices.filter((d) => d.failingDataTypes.length > 0);
    expect(snapshot.failingDeviceIds).toEqual(failing.map((d) => d.id));
    const statuses = snapshot.alerts.ok ? snapshot.alerts.value.map((a) => a.status) : [];
    expect(statuses).toContain('FAILED');
    expect(statuses).toContain('RED');
    const alertsUrl = sent.map((s) => new URL(s.url)).find((u) => u.pathname.endsWith('/health/alerts'));
    expect(statusFilter(alertsUrl)).toEqual(['error', 'failed', 'red', 'yellow']);
    // securexconfigs is not in the cdFMC's API: never asked; cloudintegrations is, once.
    const endpoints = sim.api.stats().byEndpoint;
    expect(endpoints['GET integration/securexconfigs']).toBeUndefined();
    expect(endpoints['GET integration/cloudintegrations']).toBe(1);
    expect(snapshot.integration.cloudIntegration).toMatchObject({ ok: true, value: { enabled: true } });

    // One device's re-check asks for FAILED too, and finds its FAILED alert.
    const failedId = failing[0]?.id ?? '';
    sent.length = 0;
    const device = await collectDevice(client, {
      id: failedId,
      fmcVersion: '10.0.0',
      device: { name: failing[0]?.name, sw_version: failing[0]?.version },
    });
    expect(device.alerts.map((a) => a.status)).toEqual(['FAILED']);
    const recheck = sent.map((s) => new URL(s.url)).find((u) => u.pathname.endsWith('/health/alerts'));
    expect(statusFilter(recheck)).toEqual(['error', 'failed', 'red', 'yellow']);
  });

  it('an on-prem FMC is still asked without FAILED (its 7.x enum would refuse it)', async () => {
    const sim = await start({ cdfmc: undefined, fleet: { devices: 10, failing: 2 } });
    const { fetch, sent } = recording();
    const client = clientFor(sim, { fetch });
    await client.signIn('api-user', 'api-password');
    const snapshot = await collectFleet(client);
    expect(snapshot.platform).toBeUndefined();
    expect(snapshot.integration.cloudIntegration).toBeUndefined();
    const alertsUrl = sent.map((s) => new URL(s.url)).find((u) => u.pathname.endsWith('/health/alerts'));
    expect(statusFilter(alertsUrl)).toEqual(['error', 'red', 'yellow']);
    expect(sim.api.stats().byEndpoint['GET integration/securexconfigs']).toBe(1);
  });
});

describe('cdFMC 429s, in both envelopes', () => {
  for (const body of ['error', 'gateway-error'] as const) {
    for (const retryAfterSec of [1, undefined]) {
      it(`${body === 'error' ? "the FMC's" : "the gateway's"} envelope, ${retryAfterSec ? 'with' : 'without'} Retry-After: waited for, then read`, async () => {
        const sim = await start({ fleet: { devices: 8, failing: 1 } });
        const client = clientFor(sim);
        await client.signInWithToken(tokensOf(sim).valid, door('gateway'));
        sim.api.setFaults({
          inject: [
            {
              match: 'GET devices/devicerecords',
              exact: true,
              times: 1,
              status: 429,
              body,
              ...(retryAfterSec === undefined ? {} : { retryAfterSec }),
            },
          ],
        });
        const waits: number[] = [];
        client.http.onRetry((event) => waits.push(event.waitMs));
        const devices = await listDevices(client);
        expect(devices.items).toHaveLength(8);
        expect(sim.api.stats().injected429).toBe(1);
        expect(waits).toHaveLength(1);
        // Retry-After: 1 s is honoured; without it, the client's own back-off (20 ms here, with jitter).
        if (retryAfterSec) expect(waits[0]).toBe(1000);
        else expect(waits[0]).toBeLessThan(1000);
      });
    }
  }

  it('a 429 that lasts: cdfmc-rate-limited, the gateway envelope read (its error and requestId)', async () => {
    const sim = await start();
    const client = clientFor(sim);
    await client.signInWithToken(tokensOf(sim).valid, door('gateway'));
    sim.api.setFaults({
      inject: [
        { match: 'GET devices/devicerecords', exact: true, times: 10, status: 429, body: 'gateway-error' },
      ],
    });
    const error = await rejection(listDevices(client));
    expect(error.code).toBe('cdfmc-rate-limited');
    expect(error.envelope).toBe('gateway');
    expect(error.fmcMessages[0]).toMatch(/^Too Many Requests \(requestId /);
    expect(error.localized('en')).toContain('Cisco does not publish its limit');
    expect(error.localized('fr')).toContain('Cisco ne publie pas sa limite');
  });

  it('a Retry-After too long ends the request at once, in the FMC envelope too', async () => {
    for (const body of ['error', 'gateway-error'] as const) {
      const sim = await start();
      const client = clientFor(sim);
      await client.signInWithToken(tokensOf(sim).valid, door('host'));
      sim.api.setFaults({
        inject: [
          {
            match: 'GET devices/devicerecords',
            exact: true,
            times: 1,
            status: 429,
            body,
            retryAfterSec: 600,
          },
        ],
      });
      const error = await rejection(listDevices(client));
      expect(error.code).toBe('cdfmc-retry-after-too-long');
      expect(error.params.seconds).toBe(600);
      expect(error.envelope).toBe(body === 'error' ? 'fmc' : 'gateway');
    }
  });

  it("the simulator's own rate limit answers in the door's envelope", async () => {
    const sim = await start({ faults: { rateLimit: { perMinute: 1, retryAfterSec: 7 } } });
    const headers = { Authorization: `Bearer ${tokensOf(sim).valid}` };
    const first = await fetch(sim.url('/api/fmc_platform/v1/info/domain'), { headers });
    expect(first.status).toBe(200);
    const host = await fetch(sim.url('/api/fmc_platform/v1/info/domain'), { headers });
    expect(host.status).toBe(429);
    expect(host.headers.get('retry-after')).toBe('7');
    expect(await host.json()).toHaveProperty('error.messages');
    const gateway = await fetch(sim.url('/firewall/v1/cdfmc/api/fmc_platform/v1/info/domain'), { headers });
    expect(gateway.status).toBe(429);
    expect(await gateway.json()).toMatchObject({ status: 429, error: 'Too Many Requests' });
    // These 429s are this test's own doing, not the client's.
    sim.api.reset();
  });
});

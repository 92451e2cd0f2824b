import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../lib/diagnose';
import { toJson, toMarkdown } from '../../lib/diagnose';
import { DiagnosisSchema } from '../../lib/diagnose/schema';
import { runDiagnosis } from '../../lib/doctor/run';
import { listDevices } from '../../lib/fmc/resources';
import { type FleetOptions, generateFleet, type SimFleet } from '../fmc-sim/fleet';
import type { InjectedAnswerInput, RestFaultsPatch } from '../fmc-sim/rest';
import { rejection, simPerTest } from './sim-harness';

/**
 * No silent loss: for each fault of the device list (and of the other pieces), the diagnosis is either
 * complete and right, or says exactly what is missing, and every device a Cloud Configuration alert names is
 * in it with its verdict. "No device reports the failure" is never said when the pieces that would show one
 * are missing.
 */
const FLEET: FleetOptions = {
  devices: 12,
  failing: 3,
  seed: 21,
  causes: ['dns-missing', 'proxy', 'connectivity'],
};
const DEVICES = 'GET devices/devicerecords';
const domain = { uuid: 'e276abec-e0f2-11e3-8169-6d9ed49b625f', name: 'Global' };

const sims = simPerTest({ fleet: FLEET });

async function diagnoseWith(
  faults: RestFaultsPatch,
  clientOptions: Parameters<typeof sims.signedIn>[1] = {},
) {
  const { sim, client } = await sims.signedIn({}, clientOptions);
  sim.api.setFaults(faults);
  const { diagnosis } = await runDiagnosis({ client, domain, peers: 0 });
  return { sim, diagnosis, requests: sim.api.stats().byEndpoint };
}

function failingOf(fleet: SimFleet) {
  return fleet.devices.filter((d) => d.failingDataTypes.length > 0);
}

/** Every failing device of the fleet is in the diagnosis with its own verdict (its cause). */
function expectFailingDiagnosed(diagnosis: Diagnosis, fleet: SimFleet) {
  const byId = new Map(diagnosis.devices.map((d) => [d.id, d]));
  for (const device of failingOf(fleet)) expect(byId.get(device.id)?.verdict, device.name).toBe(device.cause);
}

const once = (answer: Omit<InjectedAnswerInput, 'times'>): RestFaultsPatch => ({
  inject: [{ match: DEVICES, exact: true, times: 1, ...answer }],
});

describe('device list faults that one retry cures: complete result, one request more', () => {
  it.each([
    ['a body cut mid-object', once({ status: 200, body: 'malformed-json' })],
    ['an HTML page with status 200', once({ status: 200, body: 'html' })],
    ['an empty 200', once({ status: 200, body: 'empty' })],
    ['a 503', once({ status: 503 })],
    ['a dropped connection', once({ status: 200, body: 'reset' })],
  ])('%s', async (_name, faults) => {
    const { sim, diagnosis, requests } = await diagnoseWith(faults);
    expect(requests[DEVICES]).toBe(2);
    expect(diagnosis.incomplete).toEqual([]);
    expect(diagnosis.failingComplete).toBe(true);
    expect(diagnosis.devices).toHaveLength(12);
    expectFailingDiagnosed(diagnosis, sim.fleet());
  });

  it('a timeout', async () => {
    const { sim, diagnosis, requests } = await diagnoseWith(
      once({ status: 200, body: 'hang', hangMs: 2_000 }),
      { timeoutMs: 300 },
    );
    expect(requests[DEVICES]).toBe(2);
    expect(diagnosis.incomplete).toEqual([]);
    expectFailingDiagnosed(diagnosis, sim.fleet());
  });
});

describe('device list faults that persist: the alert-named devices are read one by one', () => {
  it.each([
    [
      'answers 500 every time',
      { inject: [{ match: DEVICES, exact: true, times: 50, status: 500 }] },
      /server error \(500\)/,
    ],
    [
      'answers an HTML page every time',
      { inject: [{ match: DEVICES, exact: true, times: 50, status: 200, body: 'html' }] },
      /is not JSON/,
    ],
    [
      'is forbidden (403)',
      { inject: [{ match: DEVICES, exact: true, times: 50, status: 403 }] },
      /not allowed to read devices\/devicerecords \(403\)/,
    ],
  ])('the list %s', async (_name, faults, reason) => {
    const { sim, diagnosis, requests } = await diagnoseWith(faults as RestFaultsPatch);
    const failing = failingOf(sim.fleet());
    // One list request, and at most two retries of it; then one record per failing device.
    expect(requests[DEVICES]).toBeLessThanOrEqual(3);
    expect(requests['GET devices/devicerecords/{id}']).toBe(failing.length);
    expect(diagnosis.devices.map((d) => d.id).sort()).toEqual(failing.map((d) => d.id).sort());
    expectFailingDiagnosed(diagnosis, sim.fleet());
    // The names come from the records read by id.
    expect(diagnosis.devices.map((d) => d.name).sort()).toEqual(failing.map((d) => d.name).sort());
    expect(diagnosis.incomplete).toHaveLength(1);
    expect(diagnosis.incomplete[0]?.part).toBe('devices');
    expect(diagnosis.incomplete[0]?.reason.en).toMatch(reason);
    expect(diagnosis.incomplete[0]?.reason.en).toContain('read one by one');
    expect(diagnosis.incomplete[0]?.reason.fr).toContain('lus un par un');
    // The alerts were read whole: the failing set is known even without the list.
    expect(diagnosis.failingComplete).toBe(true);
  });

  it('a device whose record cannot be read either is still there, by its id, with its verdict', async () => {
    const { sim, diagnosis } = await diagnoseWith({
      inject: [
        { match: DEVICES, exact: true, times: 50, status: 500 },
        { match: 'devicerecords/{id}', times: 50, status: 404 },
      ],
    });
    for (const device of failingOf(sim.fleet())) {
      const found = diagnosis.devices.find((d) => d.id === device.id);
      expect(found?.name).toBe(device.id);
      expect(found?.version).toBe('unknown');
    }
  });
});

describe('lists the FMC gives only in part', () => {
  it('one device item the schema rejects is left out and reported, never the whole list', async () => {
    const fleet = generateFleet(FLEET);
    const bad = failingOf(fleet)[1];
    const index = fleet.devices.findIndex((d) => d.id === bad?.id);
    const { sim, client } = await sims.signedIn({
      faults: { badItem: { match: DEVICES, index, field: 'id' } },
    });
    const { diagnosis } = await runDiagnosis({ client, domain, peers: 0 });
    expect(diagnosis.devices).toHaveLength(12);
    expectFailingDiagnosed(diagnosis, sim.fleet());
    expect(diagnosis.incomplete).toEqual([
      {
        part: 'devices',
        reason: expect.objectContaining({
          en: expect.stringContaining(
            `1 item of devices/devicerecords was left out: unexpected field items[${index}].id`,
          ),
        }),
      },
    ]);
  });

  it('repeated pages: the repeated items are left out and said, the missing devices read by id', async () => {
    const { sim, client } = await sims.signedIn({ faults: { maxPageSize: 5, pagingDrift: 'repeat-first' } });
    const { diagnosis } = await runDiagnosis({ client, domain, peers: 0 });
    // Only the first page's five devices are listed once; nothing counts twice.
    expect(new Set(diagnosis.devices.map((d) => d.id)).size).toBe(diagnosis.devices.length);
    expectFailingDiagnosed(diagnosis, sim.fleet());
    const reason = diagnosis.incomplete.find((entry) => entry.part === 'devices')?.reason.en ?? '';
    expect(reason).toContain('sent the same page of devices/devicerecords twice');
    expect(reason).toContain('announced 12 items in devices/devicerecords but sent 5');
  });

  it('a paging.count above the items received is reported', async () => {
    const { client } = await sims.signedIn({ faults: { pagingDrift: 'count-too-high' } });
    const listed = await listDevices(client);
    expect(listed.items).toHaveLength(12);
    expect(listed.gaps.map((gap) => gap.code)).toEqual(['paging-short']);
  });

  it('an endless paging.next is cut at the page cap and said', async () => {
    const { sim, client } = await sims.signedIn(
      { faults: { maxPageSize: 5, pagingDrift: 'endless' } },
      { maxPages: 6 },
    );
    const listed = await listDevices(client);
    expect(sim.api.stats().byEndpoint[DEVICES]).toBe(6);
    expect(listed.gaps.map((gap) => gap.code)).toContain('paging-capped');
    expect(listed.gaps.find((gap) => gap.code === 'paging-capped')?.message).toBe(
      'devices/devicerecords has more than 6 pages; the rest was not read.',
    );
  });
});

describe('the other pieces', () => {
  it('alerts that cannot be read: device health stands in, and the result says it may lack failures', async () => {
    const { diagnosis } = await diagnoseWith({
      inject: [{ match: 'health/alerts', times: 50, status: 500 }],
    });
    expect(diagnosis.incomplete.map((entry) => entry.part)).toEqual(['alerts']);
    expect(diagnosis.incomplete[0]?.reason.en).toContain(
      'not green (red, yellow, black or unknown) were examined instead',
    );
    expect(diagnosis.failingComplete).toBe(false);
  });

  it('devices and alerts both missing: nothing is diagnosed, and nothing claims no device fails', async () => {
    const { diagnosis } = await diagnoseWith({
      inject: [
        { match: DEVICES, exact: true, times: 50, status: 500 },
        { match: 'health/alerts', times: 50, status: 500 },
      ],
    });
    expect(diagnosis.devices).toEqual([]);
    expect(diagnosis.incomplete.map((entry) => entry.part)).toEqual(['devices', 'alerts']);
    expect(diagnosis.failingComplete).toBe(false);
    const md = toMarkdown(diagnosis, 'en');
    expect(md).not.toContain('No device reports a Cloud Configuration failure');
    expect(md).toContain('cannot be told');
  });

  it('the region: the US host assumed is named; the version: said', async () => {
    const { diagnosis } = await diagnoseWith({
      inject: [
        { match: 'cloudregions', times: 50, status: 500 },
        { match: 'serverversion', times: 50, status: 500 },
      ],
    });
    const byPart = Object.fromEntries(diagnosis.incomplete.map((entry) => [entry.part, entry.reason.en]));
    expect(byPart.cloudRegions).toContain('The US host api-sse.cisco.com was assumed.');
    expect(byPart.serverVersion).toContain('info/serverversion');
    expect(byPart.serverVersion).toContain('as a current version would be');
    expect(diagnosis.integration.sseHost).toBe('api-sse.cisco.com');
  });

  it('the JSON export carries the same list, in one language, and passes the schema', async () => {
    const { diagnosis } = await diagnoseWith({
      inject: [{ match: 'securexconfigs', times: 50, status: 500 }],
    });
    const json = JSON.parse(toJson(diagnosis, 'fr'));
    expect(DiagnosisSchema.parse(json).incomplete).toEqual([
      { part: 'securex', reason: expect.stringContaining('Le scénario ne peut pas s’appuyer') },
    ]);
    const complete = await diagnoseWith({});
    expect(JSON.parse(toJson(complete.diagnosis)).incomplete).toEqual([]);
  });
});

describe('redirects', () => {
  it('are never followed: the run stops with a clear error and nothing reaches the other host', async () => {
    const { sim, client } = await sims.signedIn();
    sim.api.setFaults({ inject: [{ match: DEVICES, exact: true, times: 1, status: 302, body: 'redirect' }] });
    const error = await rejection(runDiagnosis({ client, domain, peers: 0 }));
    expect(error.code).toBe('redirected');
    expect(sim.api.stats().redirects).toBe(1);
    // The only /ui request would be the redirect's target; none arrived.
    expect(Object.keys(sim.api.stats().byEndpoint).every((key) => !key.includes('login'))).toBe(true);
  });
});

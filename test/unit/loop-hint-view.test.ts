import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type DeviceDiagnosis, type Diagnosis, diagnose } from '../../lib/diagnose';
import { VERDICT_LABELS } from '../../lib/diagnose/labels';
import { sectionSteps } from '../../lib/diagnose/sections';
import { hintDeviceView, hintVerdicts } from '../../lib/features/hint-views';
import { STORAGE, writeDiagnosisState } from '../../lib/platform/storage';
import type { DiagnosisState } from '../../lib/protocol/diagnosis-state';
import { FAILURE, failing, fleet, healthy, notRead, shown } from '../fixtures/diagnose/build';

const ORIGIN = 'https://fmc.example';
const OTHER_ORIGIN = 'https://fmc-other.example';
const CLEARED_ISO = '2026-03-04T05:06:07.000Z';

/**
 * Four devices: a healthy peer read for comparison, a device without DNS whose host name repeats its name, one
 * behind a proxy with a host name of its own, one never read. Names carry stray spaces as an FMC may send them.
 */
function fleetDiagnosis(): Diagnosis {
  return diagnose(
    fleet([
      healthy('dev-peer', shown({ dns: ['10.0.0.53', '10.0.0.54'], proxy: 'disabled' }), {
        name: 'HQ FTD',
        hostName: 'hq-ftd.corp.example',
      }),
      failing('dev-nodns', shown({ dns: [], gateway: '10.1.0.1' }), {
        name: ' Branch FTD ',
        hostName: 'Branch FTD',
      }),
      failing('dev-proxy', shown({ dns: ['10.0.0.53'], proxy: { address: '10.9.0.8', port: 3128 } }), {
        name: 'Proxy FTD',
        hostName: '  proxy-ftd.corp.example  ',
      }),
      failing('dev-unread', notRead(), { name: 'Unread FTD', hostName: '   ' }),
    ]),
  );
}

async function store(diagnosis: Diagnosis | undefined, extra: Partial<DiagnosisState> = {}) {
  await writeDiagnosisState(ORIGIN, {
    status: 'done',
    startedAt: 1_000,
    finishedAt: 2_000,
    ...(diagnosis ? { diagnosis } : {}),
    ...extra,
  });
}

function edit(
  diagnosis: Diagnosis,
  id: string,
  change: (device: DeviceDiagnosis) => DeviceDiagnosis,
): Diagnosis {
  return {
    ...diagnosis,
    devices: diagnosis.devices.map((device) => (device.id === id ? change(device) : device)),
  };
}

const find = <T extends { id: string }>(devices: readonly T[] | undefined, id: string): T => {
  const found = devices?.find((device) => device.id === id);
  if (!found) throw new Error(`no device ${id}`);
  return found;
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('hintVerdicts', () => {
  it('is null without a diagnosis state, and without a finished diagnosis in it', async () => {
    expect(await hintVerdicts(ORIGIN)).toBeNull();
    await store(undefined, { status: 'running', finishedAt: undefined });
    expect(await hintVerdicts(ORIGIN)).toBeNull();
  });

  it("gives only this FMC's diagnosis", async () => {
    await store(fleetDiagnosis());
    expect(await hintVerdicts(OTHER_ORIGIN)).toBeNull();
  });

  it('gives every device with its verdict and finishedAt', async () => {
    const diagnosis = fleetDiagnosis();
    await store(diagnosis);
    const verdicts = await hintVerdicts(ORIGIN);
    expect(verdicts?.finishedAt).toBe(2_000);
    expect(verdicts?.devices.map((device) => [device.id, device.verdict])).toEqual(
      diagnosis.devices.map((device) => [device.id, device.verdict]),
    );
    expect(find(verdicts?.devices, 'dev-peer').verdict).toBe('healthy');
    expect(find(verdicts?.devices, 'dev-nodns').verdict).toBe('dns-missing');
    expect(find(verdicts?.devices, 'dev-proxy').verdict).toBe('proxy');
  });

  it("words each verdict in the hint's language, so the content script carries no labels (issue 19)", async () => {
    await store(fleetDiagnosis());
    const en = await hintVerdicts(ORIGIN, 'en');
    const fr = await hintVerdicts(ORIGIN, 'fr');
    expect(find(en?.devices, 'dev-nodns').label).toBe(VERDICT_LABELS['dns-missing'].en);
    expect(find(fr?.devices, 'dev-nodns').label).toBe(VERDICT_LABELS['dns-missing'].fr);
    expect(find(fr?.devices, 'dev-peer').label).toBe(VERDICT_LABELS.healthy.fr);
  });

  it('falls back to startedAt when the state has no finishedAt', async () => {
    await store(fleetDiagnosis(), { status: 'running', finishedAt: undefined, startedAt: 1_500 });
    expect((await hintVerdicts(ORIGIN))?.finishedAt).toBe(1_500);
  });

  it('names each device by its name and host name, trimmed, deduplicated, none empty', async () => {
    await store(fleetDiagnosis());
    const devices = (await hintVerdicts(ORIGIN))?.devices;
    expect(find(devices, 'dev-peer').names).toEqual(['HQ FTD', 'hq-ftd.corp.example']);
    expect(find(devices, 'dev-nodns').names).toEqual(['Branch FTD']);
    expect(find(devices, 'dev-proxy').names).toEqual(['Proxy FTD', 'proxy-ftd.corp.example']);
    expect(find(devices, 'dev-unread').names).toEqual(['Unread FTD']);
  });

  it('says which devices are watched', async () => {
    await store(fleetDiagnosis());
    await STORAGE.watches(ORIGIN).write({
      'dev-proxy': { startedAt: 1, until: 2, everyMs: 60_000, lang: 'en' },
    });
    const devices = (await hintVerdicts(ORIGIN))?.devices ?? [];
    expect(devices.filter((device) => device.watching).map((device) => device.id)).toEqual(['dev-proxy']);
    await STORAGE.watches(OTHER_ORIGIN).write({
      'dev-nodns': { startedAt: 1, until: 2, everyMs: 60_000, lang: 'en' },
    });
    expect(find((await hintVerdicts(ORIGIN))?.devices, 'dev-nodns').watching).toBe(false);
  });

  it('gives failingSince in ms from the alert timestamp of a failing device only', async () => {
    let diagnosis = fleetDiagnosis();
    // A healthy device may still carry an alert that is no longer red or yellow.
    diagnosis = edit(diagnosis, 'dev-peer', (device) => ({
      ...device,
      alert: { status: 'GREEN', details: 'ok', results: ['ok'], timestamp: 1_650_000_000 },
    }));
    await store(diagnosis);
    const devices = (await hintVerdicts(ORIGIN))?.devices;
    expect(find(devices, 'dev-nodns').failingSince).toBe(FAILURE.timestamp * 1000);
    expect(find(devices, 'dev-peer')).not.toHaveProperty('failingSince');
  });

  it('leaves failingSince out when the alert has no sane timestamp', async () => {
    let diagnosis = fleetDiagnosis();
    diagnosis = edit(diagnosis, 'dev-nodns', (device) => ({
      ...device,
      alert: device.alert ? { status: device.alert.status, details: '', results: [] } : null,
    }));
    diagnosis = edit(diagnosis, 'dev-proxy', (device) => ({
      ...device,
      alert: device.alert ? { ...device.alert, timestamp: 0 } : null,
    }));
    await store(diagnosis);
    const devices = (await hintVerdicts(ORIGIN))?.devices;
    expect(find(devices, 'dev-nodns')).not.toHaveProperty('failingSince');
    expect(find(devices, 'dev-proxy')).not.toHaveProperty('failingSince');
  });

  it('gives clearedAt in ms from the ISO time a re-check found the alert cleared', async () => {
    let diagnosis = fleetDiagnosis();
    diagnosis = edit(diagnosis, 'dev-nodns', (device) => ({
      ...device,
      verdict: 'healthy',
      alert: null,
      recheckedAt: CLEARED_ISO,
      clearedAt: CLEARED_ISO,
    }));
    diagnosis = edit(diagnosis, 'dev-proxy', (device) => ({ ...device, clearedAt: 'not a date' }));
    await store(diagnosis);
    const devices = (await hintVerdicts(ORIGIN))?.devices;
    const cleared = find(devices, 'dev-nodns');
    expect(cleared.clearedAt).toBe(Date.parse(CLEARED_ISO));
    expect(cleared.verdict).toBe('healthy');
    expect(cleared).not.toHaveProperty('failingSince');
    expect(find(devices, 'dev-proxy')).not.toHaveProperty('clearedAt');
    expect(find(devices, 'dev-peer')).not.toHaveProperty('clearedAt');
  });

  it('carries no token, no evidence and no setting: only the fields a collapsed hint shows', async () => {
    let diagnosis = fleetDiagnosis();
    diagnosis = edit(diagnosis, 'dev-nodns', (device) => ({
      ...device,
      verdict: 'healthy',
      alert: null,
      clearedAt: CLEARED_ISO,
    }));
    await store(diagnosis);
    await writeDiagnosisState(OTHER_ORIGIN, { status: 'done', startedAt: 1, finishedAt: 2, diagnosis });
    await STORAGE.tokens(ORIGIN).write({
      username: 'api-user',
      accessToken: 'secret-access-token',
      refreshToken: 'secret-refresh-token',
      issuedAt: 0,
      refreshCount: 0,
      loginDomainUuid: 'g',
      domainUuid: 'g',
      domains: [{ uuid: 'g', name: 'Global' }],
    });
    await STORAGE.watches(ORIGIN).write({ 'dev-proxy': { startedAt: 1, until: 2, everyMs: 3, lang: 'en' } });

    const verdicts = await hintVerdicts(ORIGIN);
    const json = JSON.parse(JSON.stringify(verdicts)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['devices', 'finishedAt']);
    const allowed = [
      'clearedAt',
      'failingSince',
      'icon',
      'id',
      'label',
      'names',
      'verdict',
      'watchSince',
      'watchState',
      'watching',
    ];
    for (const device of json.devices as Record<string, unknown>[])
      for (const key of Object.keys(device)) expect(allowed).toContain(key);
    const text = JSON.stringify(verdicts);
    for (const secret of ['secret-access-token', 'secret-refresh-token', 'api-user', '10.0.0.53', '3128'])
      expect(text).not.toContain(secret);
  });
});

describe('what a hint says of a watch (issue 17)', () => {
  it('gives each watched device its state, since when it could not check, and the reason in the open view', async () => {
    const diagnosis = fleetDiagnosis();
    await store(diagnosis);
    const [paused, unchecked, ended] = ['dev-nodns', 'dev-proxy', 'dev-unread'];
    if (!paused || !unchecked || !ended) throw new Error('three devices');
    const base = { startedAt: 1, until: Date.now() + 60_000, everyMs: 60_000, lang: 'en' as const };
    await STORAGE.watches(ORIGIN).write({
      [paused]: { ...base, unchecked: { since: 5_000, reason: 'signed-out' } },
      [unchecked]: { ...base, unchecked: { since: 6_000, reason: 'unreachable' } },
      [ended]: {
        ...base,
        unchecked: { since: 7_000, reason: 'server-error' },
        ended: { at: Date.now(), outcome: 'unchecked' },
      },
    });
    const verdicts = await hintVerdicts(ORIGIN);
    const byId = Object.fromEntries((verdicts?.devices ?? []).map((device) => [device.id, device]));
    expect(byId[paused]).toMatchObject({ watching: true, watchState: 'paused', watchSince: 5_000 });
    expect(byId[unchecked]).toMatchObject({ watching: true, watchState: 'unchecked', watchSince: 6_000 });
    // An ended watch is no longer running, and says how it ended.
    expect(byId[ended]).toMatchObject({ watching: false, watchState: 'ended-unchecked', watchSince: 7_000 });

    const view = await hintDeviceView(ORIGIN, unchecked, 'fr');
    expect(view?.watchStatus?.state).toBe('unchecked');
    expect(view?.watchStatus?.text).toContain('vérification impossible depuis');
    expect(view?.watchStatus?.text).toContain('le FMC n’a pas répondu');
    const endedView = await hintDeviceView(ORIGIN, ended, 'en');
    expect(endedView?.watching).toBe(false);
    expect(endedView?.watch).toBeUndefined();
    expect(endedView?.watchStatus?.text).toMatch(/^Watch ended: could not check since .*server errors/);
    expect(endedView?.watchStatus?.text).not.toMatch(/still/);
  });
});

describe('hintDeviceView', () => {
  it('is null without a diagnosis, and for a device the diagnosis does not know', async () => {
    expect(await hintDeviceView(ORIGIN, 'dev-nodns', 'en')).toBeNull();
    await store(fleetDiagnosis());
    expect(await hintDeviceView(ORIGIN, 'dev-gone', 'en')).toBeNull();
    expect(await hintDeviceView(OTHER_ORIGIN, 'dev-nodns', 'en')).toBeNull();
  });

  it("gives the evidence and the runbook in the hint's language only, by section", async () => {
    const diagnosis = fleetDiagnosis();
    await store(diagnosis);
    const device = find(diagnosis.devices, 'dev-nodns');
    const view = await hintDeviceView(ORIGIN, 'dev-nodns', 'fr');
    expect(view?.id).toBe('dev-nodns');
    expect(view?.name).toBe(device.name);
    expect(view?.verdict).toBe('dns-missing');
    expect(view?.evidence).toEqual(device.evidence.map((evidence) => evidence.text.fr));
    expect(view?.evidence.length).toBeGreaterThan(0);
    // The sections of lib/diagnose/sections.ts, in its order, each step in French with its sources (issue 18).
    const sections = (['fix', 'verify', 'check'] as const)
      .map((id) => ({ id, steps: sectionSteps(device, id) }))
      .filter((section) => section.steps.length > 0);
    expect(view?.steps.map((section) => section.id)).toEqual(['fix', 'verify']);
    expect(view?.steps.map((section) => section.steps.map((step) => step.text))).toEqual(
      sections.map((section) => section.steps.map((step) => step.text.fr)),
    );
    expect(view?.why.map((step) => step.text)).toEqual(
      sectionSteps(device, 'why').map((step) => step.text.fr),
    );
    const commands = sections.flatMap((section) => section.steps.flatMap((step) => step.commands));
    expect(view?.steps.flatMap((section) => section.steps.flatMap((step) => step.commands))).toEqual(
      commands.map((command) => ({
        command: command.command,
        shell: command.shell,
        ...(command.expect ? { expect: command.expect.fr } : {}),
      })),
    );
    const steps = [...(view?.steps.flatMap((section) => section.steps) ?? []), ...(view?.why ?? [])];
    expect(steps.every((step) => (step.sources ?? []).length > 0)).toBe(true);
    // Every runbook step is in one section or in why: none lost, none twice.
    expect(steps).toHaveLength(device.runbook.length);
    const text = JSON.stringify(view);
    for (const evidence of device.evidence)
      if (evidence.text.en !== evidence.text.fr) expect(text).not.toContain(JSON.stringify(evidence.text.en));
  });

  it('gives the cause, "name · address", the ssh line only where a step is typed, and the other results', async () => {
    const diagnosis = edit(fleetDiagnosis(), 'dev-proxy', (device) => ({
      ...device,
      alert: device.alert
        ? {
            ...device.alert,
            results: [
              'Cisco Cloud Configuration - Failure',
              'SI URL Lists and Feeds - Success',
              'AMP Dynamic Analysis - Success',
            ],
          }
        : null,
    }));
    await store(diagnosis);
    const proxy = await hintDeviceView(ORIGIN, 'dev-proxy', 'en');
    expect(proxy?.title).toBe('Proxy FTD · proxy-ftd.corp.example');
    expect(proxy?.ssh).toBe('ssh admin@proxy-ftd.corp.example');
    expect(proxy?.cause).toContain('10.9.0.8:3128');
    expect(proxy?.others).toEqual({
      summary: '2 other data types: Success',
      results: ['SI URL Lists and Feeds - Success', 'AMP Dynamic Analysis - Success'],
    });
    expect((await hintDeviceView(ORIGIN, 'dev-proxy', 'fr'))?.others?.summary).toBe(
      '2 autres types de données : Success',
    );
    // A host name with a space is no address to type: the name line keeps it, no ssh line.
    const nodns = await hintDeviceView(ORIGIN, 'dev-nodns', 'en');
    expect(nodns?.title).toContain('Branch FTD');
    expect(nodns).not.toHaveProperty('ssh');
    // A healthy device has no step to type, so no ssh line either, whatever its address.
    expect(await hintDeviceView(ORIGIN, 'dev-peer', 'en')).not.toHaveProperty('ssh');
  });

  it('gives the watch, failingSince and checkedAt', async () => {
    await store(fleetDiagnosis());
    expect(await hintDeviceView(ORIGIN, 'dev-nodns', 'en')).toMatchObject({
      watching: false,
      failingSince: FAILURE.timestamp * 1000,
      checkedAt: 2_000,
    });
    expect(await hintDeviceView(ORIGIN, 'dev-nodns', 'en')).not.toHaveProperty('watch');

    await STORAGE.watches(ORIGIN).write({
      'dev-nodns': { startedAt: 10, until: 1_800_010, everyMs: 120_000, lang: 'fr' },
    });
    const view = await hintDeviceView(ORIGIN, 'dev-nodns', 'en');
    expect(view?.watching).toBe(true);
    expect(view?.watch).toEqual({ until: 1_800_010, everyMs: 120_000 });
  });

  it('gives clearedAt and checks at the re-check time once a re-check cleared the device', async () => {
    const diagnosis = edit(fleetDiagnosis(), 'dev-nodns', (device) => ({
      ...device,
      verdict: 'healthy',
      alert: null,
      recheckedAt: CLEARED_ISO,
      clearedAt: CLEARED_ISO,
    }));
    await store(diagnosis, { recheckedAt: 9_999 });
    const view = await hintDeviceView(ORIGIN, 'dev-nodns', 'fr');
    expect(view?.verdict).toBe('healthy');
    expect(view?.clearedAt).toBe(Date.parse(CLEARED_ISO));
    expect(view?.checkedAt).toBe(Date.parse(CLEARED_ISO));
    expect(view).not.toHaveProperty('failingSince');
  });
});

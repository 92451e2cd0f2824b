import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type DeviceDiagnosis, type Diagnosis, diagnose } from '../../lib/diagnose';
import type { RecheckOutcome } from '../../lib/features/recheck';
import {
  setWatch,
  type TickOptions,
  watchAlarmOrigin,
  watchNotificationTarget,
  watchTick,
} from '../../lib/features/watch';
import { STORAGE, writeDiagnosisState } from '../../lib/platform/storage';
import { loopText } from '../../lib/protocol/loop-answers';
import { WATCH_DEFAULTS } from '../../lib/protocol/watch';
import { failing, fleet, healthy, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

const ORIGIN = 'https://fmc.example:8443';
const ALARM = `fmc-watch:${ORIGIN}`;
const BRANCH = 'dev-branch';
const OTHER = 'dev-other';
const PEER = 'dev-peer';

function diagnosis(): Diagnosis {
  return diagnose(
    fleet([
      healthy(PEER, shown({ dns: ['10.0.0.53'] }), { name: 'HQ FTD' }),
      failing(BRANCH, shown({ dns: [] }), { name: 'Branch FTD' }),
      failing(OTHER, shown({ dns: ['10.0.0.53'], proxy: { address: '10.9.0.8', port: 3128 } }), {
        name: 'Other FTD',
      }),
    ]),
  );
}

async function storeDiagnosis(value: Diagnosis = diagnosis()) {
  await writeDiagnosisState(ORIGIN, {
    status: 'done',
    startedAt: 1_000,
    finishedAt: 2_000,
    diagnosis: value,
  });
  return value;
}

const device = (value: Diagnosis, id: string) => {
  const found = value.devices.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no device ${id}`);
  return found;
};

const clearedOutcome = (failingDevice: DeviceDiagnosis): RecheckOutcome => ({
  ok: true,
  device: { ...failingDevice, alert: null, verdict: 'healthy', clearedAt: new Date().toISOString() },
  wasFailing: true,
});
const stillFailingOutcome = (failingDevice: DeviceDiagnosis): RecheckOutcome => ({
  ok: true,
  device: failingDevice,
  wasFailing: true,
});
const refused = (code: 'signed-out' | 'failed' | 'no-diagnosis' | 'unknown-device' | 'run-in-progress') =>
  ({ ok: false, code, message: loopText(code, 'en', { detail: 'HTTP 503' }) }) as RecheckOutcome;

type Notify = NonNullable<TickOptions['notify']>;

function tickOptions(
  answer: (id: string) => RecheckOutcome,
  extra: { now?: () => number; notify?: Mock<Notify> } = {},
) {
  const recheck = vi.fn<NonNullable<TickOptions['recheck']>>(async (_origin, id) => answer(id));
  const notify = extra.notify ?? vi.fn<Notify>(async () => undefined);
  return { recheck, notify, ...(extra.now ? { now: extra.now } : {}) };
}

let granted = false;

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('en');
  granted = false;
  fakeBrowser.permissions.contains = vi.fn(async () => granted) as typeof fakeBrowser.permissions.contains;
});

describe('setWatch', () => {
  it('stores the watched device and creates the FMC alarm with the default period', async () => {
    await storeDiagnosis();
    const before = Date.now();
    const answer = await setWatch(ORIGIN, [BRANCH], true, 'fr');
    const after = Date.now();
    expect(answer).toEqual({ ok: true, notify: false });

    const watches = await STORAGE.watches(ORIGIN).read();
    expect(Object.keys(watches)).toEqual([BRANCH]);
    const entry = watches[BRANCH];
    expect(entry?.lang).toBe('fr');
    expect(entry?.startedAt).toBeGreaterThanOrEqual(before);
    expect(entry?.startedAt).toBeLessThanOrEqual(after);
    expect(entry?.everyMs).toBe(WATCH_DEFAULTS.everyMinutes * 60_000);
    expect((entry?.until ?? 0) - (entry?.startedAt ?? 0)).toBe(WATCH_DEFAULTS.forMinutes * 60_000);

    const alarm = await fakeBrowser.alarms.get(ALARM);
    expect(alarm?.periodInMinutes).toBe(WATCH_DEFAULTS.everyMinutes);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it("uses the user's schedule", async () => {
    await storeDiagnosis();
    await STORAGE.watchSchedule.write({ everyMinutes: 0.5, forMinutes: 10 });
    await setWatch(ORIGIN, [BRANCH, OTHER], true, 'en');
    const watches = await STORAGE.watches(ORIGIN).read();
    expect(Object.keys(watches).sort()).toEqual([BRANCH, OTHER]);
    for (const entry of Object.values(watches)) {
      expect(entry.everyMs).toBe(30_000);
      expect(entry.until - entry.startedAt).toBe(10 * 60_000);
    }
    expect((await fakeBrowser.alarms.get(ALARM))?.periodInMinutes).toBe(0.5);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('says a notification will tell the end when the user allowed them', async () => {
    await storeDiagnosis();
    granted = true;
    expect(await setWatch(ORIGIN, [BRANCH], true, 'en')).toEqual({ ok: true, notify: true });
  });

  it('keeps only the devices of the diagnosis', async () => {
    await storeDiagnosis();
    expect((await setWatch(ORIGIN, [BRANCH, 'dev-gone'], true, 'en')).ok).toBe(true);
    expect(Object.keys(await STORAGE.watches(ORIGIN).read())).toEqual([BRANCH]);
  });

  it('refuses a device the diagnosis does not know, storing nothing', async () => {
    await storeDiagnosis();
    const answer = await setWatch(ORIGIN, ['dev-gone'], true, 'fr');
    expect(answer).toEqual({ ok: false, code: 'unknown-device', message: loopText('unknown-device', 'fr') });
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });

  it('refuses a watch without a finished diagnosis', async () => {
    const answer = await setWatch(ORIGIN, [BRANCH], true, 'en');
    expect(answer).toEqual({ ok: false, code: 'no-diagnosis', message: loopText('no-diagnosis', 'en') });
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });

  it('stops a watch, and clears the alarm with the last one', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH, OTHER], true, 'en');
    expect(await setWatch(ORIGIN, [BRANCH], false, 'en')).toEqual({ ok: true, notify: undefined });
    expect(Object.keys(await STORAGE.watches(ORIGIN).read())).toEqual([OTHER]);
    expect(await fakeBrowser.alarms.get(ALARM)).toBeDefined();

    await setWatch(ORIGIN, [OTHER], false, 'en');
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('watchTick', () => {
  it('ends the watch of a device that cleared, with one notification naming it', async () => {
    const value = await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const options = tickOptions(() => clearedOutcome(device(value, BRANCH)));
    await watchTick(ORIGIN, options);

    expect(options.recheck).toHaveBeenCalledExactlyOnceWith(ORIGIN, BRANCH, 'en');
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
    expect(options.notify).toHaveBeenCalledOnce();
    const [id, title, body] = options.notify.mock.calls[0] ?? [];
    expect(watchNotificationTarget(id ?? '')).toEqual({ origin: ORIGIN, deviceId: BRANCH });
    expect(title).toBe('Cloud Configuration cleared: Branch FTD');
    expect(body).toContain('Branch FTD');
    expect(body).toContain('fmc.example:8443');
  });

  it('speaks the language the watch was started in', async () => {
    const value = await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'fr');
    const options = tickOptions(() => clearedOutcome(device(value, BRANCH)));
    await watchTick(ORIGIN, options);
    expect(options.recheck).toHaveBeenCalledExactlyOnceWith(ORIGIN, BRANCH, 'fr');
    expect(options.notify.mock.calls[0]?.[1]).toBe('Cloud Configuration rétablie : Branch FTD');
  });

  it('keeps watching a device that still fails, without a notification', async () => {
    const value = await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const stored = await STORAGE.watches(ORIGIN).read();
    const options = tickOptions(() => stillFailingOutcome(device(value, BRANCH)));
    await watchTick(ORIGIN, options);
    expect(options.recheck).toHaveBeenCalledOnce();
    expect(options.notify).not.toHaveBeenCalled();
    expect(await STORAGE.watches(ORIGIN).read()).toEqual(stored);
    expect((await fakeBrowser.alarms.get(ALARM))?.periodInMinutes).toBe(WATCH_DEFAULTS.everyMinutes);
  });

  it('ends only the device that cleared and keeps the FMC alarm for the other', async () => {
    const value = await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH, OTHER], true, 'en');
    const options = tickOptions((id) =>
      id === BRANCH ? clearedOutcome(device(value, BRANCH)) : stillFailingOutcome(device(value, OTHER)),
    );
    await watchTick(ORIGIN, options);
    expect(options.recheck).toHaveBeenCalledTimes(2);
    expect(Object.keys(await STORAGE.watches(ORIGIN).read())).toEqual([OTHER]);
    expect(await fakeBrowser.alarms.get(ALARM)).toBeDefined();
    expect(options.notify).toHaveBeenCalledOnce();
    expect(watchNotificationTarget(options.notify.mock.calls[0]?.[0] ?? '')?.deviceId).toBe(BRANCH);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('ends a watch past its limit with a "limit" notification, without re-checking', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const entry = (await STORAGE.watches(ORIGIN).read())[BRANCH];
    if (!entry) throw new Error('not watched');
    const options = tickOptions(() => refused('failed'), { now: () => entry.until });
    await watchTick(ORIGIN, options);

    expect(options.recheck).not.toHaveBeenCalled();
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
    expect(options.notify).toHaveBeenCalledOnce();
    const [id, title, body] = options.notify.mock.calls[0] ?? [];
    expect(watchNotificationTarget(id ?? '')).toEqual({ origin: ORIGIN, deviceId: BRANCH });
    expect(title).toBe(loopText('notify-limit-title', 'en', { device: 'Branch FTD' }));
    expect(body).toContain(`${WATCH_DEFAULTS.forMinutes} min`);
  });

  it('re-checks a watch just before its limit', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const entry = (await STORAGE.watches(ORIGIN).read())[BRANCH];
    if (!entry) throw new Error('not watched');
    const options = tickOptions(() => refused('failed'), { now: () => entry.until - 1 });
    await watchTick(ORIGIN, options);
    expect(options.recheck).toHaveBeenCalledOnce();
    expect(Object.keys(await STORAGE.watches(ORIGIN).read())).toEqual([BRANCH]);
  });

  it.each(['signed-out', 'no-diagnosis', 'unknown-device'] as const)(
    'stops the watch when the re-check answers %s',
    async (code) => {
      await storeDiagnosis();
      await setWatch(ORIGIN, [BRANCH], true, 'en');
      const options = tickOptions(() => refused(code));
      await watchTick(ORIGIN, options);
      expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
      expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
      expect(options.notify).toHaveBeenCalledOnce();
      const [, title, body] = options.notify.mock.calls[0] ?? [];
      expect(title).toBe('Watch stopped: Branch FTD');
      expect(body).toContain(loopText(code, 'en', { detail: 'HTTP 503' }));
    },
  );

  it.each(['failed', 'run-in-progress'] as const)(
    'keeps watching when the re-check answers %s',
    async (code) => {
      await storeDiagnosis();
      await setWatch(ORIGIN, [BRANCH], true, 'en');
      const options = tickOptions(() => refused(code));
      await watchTick(ORIGIN, options);
      expect(options.recheck).toHaveBeenCalledOnce();
      expect(options.notify).not.toHaveBeenCalled();
      expect(Object.keys(await STORAGE.watches(ORIGIN).read())).toEqual([BRANCH]);
      expect(await fakeBrowser.alarms.get(ALARM)).toBeDefined();
    },
  );

  it('names a device by its id once it is gone from the diagnosis', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    await storeDiagnosis(diagnose(fleet([healthy(PEER)])));
    const options = tickOptions(() => refused('unknown-device'));
    await watchTick(ORIGIN, options);
    expect(options.notify.mock.calls[0]?.[1]).toBe(`Watch stopped: ${BRANCH}`);
  });

  it('does nothing for an FMC without watches', async () => {
    await storeDiagnosis();
    const options = tickOptions(() => refused('failed'));
    await watchTick(ORIGIN, options);
    expect(options.recheck).not.toHaveBeenCalled();
    expect(options.notify).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('still ends the watch when the notification fails', async () => {
    const value = await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const options = tickOptions(() => clearedOutcome(device(value, BRANCH)), {
      notify: vi.fn<Notify>(async () => {
        throw new Error('notifications blocked');
      }),
    });
    await watchTick(ORIGIN, options);
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
  });
});

describe('names of alarms and notifications', () => {
  it('watchAlarmOrigin reads only our prefix', () => {
    expect(watchAlarmOrigin(ALARM)).toBe(ORIGIN);
    expect(watchAlarmOrigin('fmc-watch:https://fmc.example')).toBe('https://fmc.example');
    expect(watchAlarmOrigin('keep-alive')).toBeNull();
    expect(watchAlarmOrigin(`x${ALARM}`)).toBeNull();
    expect(watchAlarmOrigin('fmc-watch')).toBeNull();
    expect(watchAlarmOrigin('FMC-WATCH:https://fmc.example')).toBeNull();
  });

  it('watchNotificationTarget reads only our notifications', () => {
    expect(watchNotificationTarget(`fmc-watch:\n${ORIGIN}\n${BRANCH}`)).toEqual({
      origin: ORIGIN,
      deviceId: BRANCH,
    });
    expect(watchNotificationTarget(`other:\n${ORIGIN}\n${BRANCH}`)).toBeNull();
    expect(watchNotificationTarget(`fmc-watch:\n${ORIGIN}`)).toBeNull();
    expect(watchNotificationTarget(`fmc-watch:\n\n${BRANCH}`)).toBeNull();
    expect(watchNotificationTarget('0.123')).toBeNull();
  });
});

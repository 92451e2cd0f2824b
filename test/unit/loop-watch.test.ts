import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Diagnosis, diagnose } from '../../lib/diagnose';
import {
  abortTick,
  endingText,
  reasonOf,
  restoreWatches,
  resumeAfterSignIn,
  setWatch,
  stopWatches,
  type TickOptions,
  watchAlarmOrigin,
  watchBadge,
  watchNotificationTarget,
  watchTick,
} from '../../lib/features/watch';
import { FmcClient } from '../../lib/fmc/client';
import { FmcError } from '../../lib/fmc/errors';
import { MemoryTokenStore } from '../../lib/fmc/session';
import { memoryLocks } from '../../lib/platform/locks';
import { readDiagnosisState, STORAGE, writeDiagnosisState } from '../../lib/platform/storage';
import { loopText, watchStatusText } from '../../lib/protocol/loop-answers';
import { WATCH_DEFAULTS, type WatchEntry, watchEntries, watchState } from '../../lib/protocol/watch';
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

const DOMAIN = 'e276abec-e0f2-11e3-8169-6d9ed49b625f';

/**
 * A stand-in FMC behind a real `FmcClient` (limiter, session, retries): `failing` says which devices have a red
 * Cloud Configuration alert now; `mode` makes every request fail the way an unreachable or unwell FMC does.
 */
interface FakeFmc {
  failing: Set<string>;
  mode: 'ok' | 'network' | 'server-error' | 'rate-limited' | 'forbidden' | 'hang';
  requests: string[];
  /** Resolves once a request is waiting in `hang` mode. */
  hanging: Promise<void>;
}

function fakeFmc(failingIds: string[]): { fmc: FakeFmc; fetch: typeof fetch } {
  let hung: () => void = () => undefined;
  const fmc: FakeFmc = {
    failing: new Set(failingIds),
    mode: 'ok',
    requests: [],
    hanging: new Promise<void>((resolve) => {
      hung = resolve;
    }),
  };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    fmc.requests.push(url.pathname);
    if (fmc.mode === 'network') throw new TypeError('Failed to fetch');
    if (fmc.mode === 'hang')
      return new Promise<Response>((_, reject) => {
        hung();
        const abort = () => reject(new DOMException('aborted', 'AbortError'));
        if (init?.signal?.aborted) abort();
        init?.signal?.addEventListener('abort', abort);
      });
    if (fmc.mode === 'server-error') return json({}, 503);
    if (fmc.mode === 'rate-limited') return json({}, 429);
    if (fmc.mode === 'forbidden') return json({}, 403);
    if (url.pathname.endsWith('/health/alerts')) {
      const filter = url.searchParams.get('filter') ?? '';
      const asked = /deviceUUIDs:([^;]*)/.exec(filter)?.[1]?.split(',') ?? [];
      const items = asked
        .filter((id) => fmc.failing.has(id))
        .map((id) => ({
          id: `alert-${id}`,
          deviceUUID: id,
          moduleID: 'THREAT_DATA_UPDATES',
          name: 'Threat Data Updates on Devices',
          details: 'Cisco Cloud Configuration - Failure',
          status: 'RED',
          timestamp: 1_700_000_000,
        }));
      return json({ items, paging: { offset: 0, limit: 1000, count: items.length, pages: 1 } });
    }
    if (url.pathname.endsWith('/operational/commands'))
      return json({
        items: [
          {
            commandInput: 'show network',
            commandOutput:
              '===============[ System Information ]===============\nHostname                  : ftd\nDNS Servers               : 10.0.0.53\n',
          },
        ],
        paging: { offset: 0, limit: 1000, count: 1, pages: 1 },
      });
    return json({}, 404);
  };
  return { fmc, fetch: fetchFn as typeof fetch };
}

async function signedInClient(fetchFn: typeof fetch, signedIn = true): Promise<FmcClient> {
  const store = new MemoryTokenStore();
  if (signedIn)
    await store.save(ORIGIN, {
      username: 'api-user',
      accessToken: 'access',
      refreshToken: 'refresh',
      issuedAt: Date.now(),
      refreshCount: 0,
      loginDomainUuid: DOMAIN,
      domainUuid: DOMAIN,
      domains: [{ uuid: DOMAIN, name: 'Global' }],
    });
  return new FmcClient({
    url: ORIGIN,
    store,
    fetch: fetchFn,
    sleep: async () => undefined,
    random: () => 0.5,
    // A 429 pauses the limiter for real time: give up at the first one (the reason is what is tested).
    retry: { rateLimitRetries: 0 },
  });
}

type Notify = NonNullable<TickOptions['notify']>;

/** Tick options over the fake FMC; `now` moves the clock (the watch's limit). */
async function setup(failingIds: string[] = [BRANCH, OTHER], signedIn = true) {
  const { fmc, fetch: fetchFn } = fakeFmc(failingIds);
  const client = await signedInClient(fetchFn, signedIn);
  const notify = vi.fn<Notify>(async () => undefined);
  let clock = Date.now();
  const options: TickOptions = {
    client: async () => client,
    notify,
    now: () => clock,
    locks: memoryLocks(),
  };
  return {
    fmc,
    client,
    notify,
    options,
    at: (ms: number) => {
      clock = ms;
    },
  };
}

const entryOf = async (id: string) => {
  const entry = (await STORAGE.watches(ORIGIN).read())[id];
  if (!entry) throw new Error(`${id} not watched`);
  return entry;
};

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

  it('refuses a scenario 1 failure, which never clears, and still watches the other devices (issue 19)', async () => {
    const value = diagnosis();
    device(value, OTHER).verdict = 'expected-integration-off';
    await storeDiagnosis(value);
    const answer = await setWatch(ORIGIN, [OTHER], true, 'en');
    expect(answer).toEqual({ ok: false, code: 'not-watchable', message: loopText('not-watchable', 'en') });
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    // The positive control: the same call with a device that can clear watches that one only.
    expect((await setWatch(ORIGIN, [BRANCH, OTHER], true, 'en')).ok).toBe(true);
    expect(Object.keys(await STORAGE.watches(ORIGIN).read())).toEqual([BRANCH]);
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

describe('watchTick: a watch says only what it saw (issue 17)', () => {
  it('ends the watch of a device seen cleared, with one notification naming it, and judges it again', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH, OTHER], true, 'en');
    const { fmc, notify, options } = await setup();
    fmc.failing.delete(BRANCH);
    expect(await watchTick(ORIGIN, options)).toBe('checked');

    // One alerts read for both devices, and `show network` for the one whose alert changed.
    expect(fmc.requests.filter((path) => path.endsWith('/health/alerts'))).toHaveLength(1);
    expect(fmc.requests.filter((path) => path.endsWith('/operational/commands'))).toHaveLength(1);
    expect(fmc.requests).toHaveLength(2);
    const branch = await entryOf(BRANCH);
    expect(watchState(branch)).toBe('cleared');
    expect(watchState(await entryOf(OTHER))).toBe('watching');
    expect(notify).toHaveBeenCalledOnce();
    const [id, title, body] = notify.mock.calls[0] ?? [];
    expect(watchNotificationTarget(id ?? '')).toEqual({ origin: ORIGIN, deviceId: BRANCH });
    expect(title).toBe('Cloud Configuration cleared: Branch FTD');
    expect(body).toContain('fmc.example:8443');
    const stored = (await readDiagnosisState(ORIGIN))?.diagnosis;
    expect(stored?.devices.find((d) => d.id === BRANCH)?.verdict).toBe('healthy');
    expect(stored?.devices.find((d) => d.id === OTHER)?.verdict).not.toBe('healthy');
    // The alarm stays for the device still watched; the badge counts it.
    expect(await fakeBrowser.alarms.get(ALARM)).toBeDefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('speaks the language the watch was started in', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'fr');
    const { fmc, notify, options } = await setup();
    fmc.failing.clear();
    await watchTick(ORIGIN, options);
    expect(notify.mock.calls[0]?.[1]).toBe('Alerte Cloud Configuration levée : Branch FTD');
  });

  it('reads the alerts of every watched device in one request, and nothing else while none changes', async () => {
    const value = await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH, OTHER], true, 'en');
    const before = await readDiagnosisState(ORIGIN);
    const { fmc, notify, options, at } = await setup();
    at(Date.now() + 60_000);
    expect(await watchTick(ORIGIN, options)).toBe('checked');
    expect(fmc.requests).toEqual([`/api/fmc_config/v1/domain/${DOMAIN}/health/alerts`]);
    expect(notify).not.toHaveBeenCalled();
    for (const id of [BRANCH, OTHER]) {
      const entry = await entryOf(id);
      expect(entry.seen?.status).toBe('RED');
      expect(watchState(entry)).toBe('watching');
      expect(watchStatusText(entry, 'en')).toContain('not cleared at');
    }
    // Nothing new was seen of the devices: the diagnosis is not rewritten.
    expect(await readDiagnosisState(ORIGIN)).toEqual(before);
    expect(device(value, BRANCH).verdict).not.toBe('healthy');
    // A second tick with the same alerts: again one request.
    await watchTick(ORIGIN, options);
    expect(fmc.requests).toHaveLength(2);
  });

  it('ends "still failing at the limit" only when the tick at the limit read the alert red or yellow', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const entry = await entryOf(BRANCH);
    const { notify, options, at } = await setup();
    at(entry.until);
    expect(await watchTick(ORIGIN, options)).toBe('checked');
    expect(watchState(await entryOf(BRANCH))).toBe('limit');
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(notify).toHaveBeenCalledOnce();
    const [, title, body] = notify.mock.calls[0] ?? [];
    expect(title).toBe(loopText('notify-limit-title', 'en', { device: 'Branch FTD' }));
    expect(body).toContain(`${WATCH_DEFAULTS.forMinutes} min`);
    expect(body).toContain('had not cleared at the last check');
  });

  it.each([
    ['network', 'unreachable'],
    ['server-error', 'server-error'],
    ['rate-limited', 'rate-limited'],
    ['forbidden', 'refused'],
  ] as const)(
    'a tick the FMC answers with %s checks nothing: "could not check", reason %s',
    async (mode, reason) => {
      await storeDiagnosis();
      await setWatch(ORIGIN, [BRANCH], true, 'en');
      const { fmc, notify, options, at } = await setup();
      const t0 = Date.now() + 1_000;
      at(t0);
      fmc.mode = mode;
      expect(await watchTick(ORIGIN, options)).toBe('unchecked');
      const entry = await entryOf(BRANCH);
      expect(entry.unchecked).toEqual({ since: t0, reason });
      expect(entry.seen).toBeUndefined();
      expect(watchState(entry)).toBe('unchecked');
      expect(watchStatusText(entry, 'en')).toContain(`could not check since`);
      expect(watchStatusText(entry, 'en')).toContain(loopText(`reason-${reason}`, 'en'));
      // It goes on: no notification, the alarm stays.
      expect(notify).not.toHaveBeenCalled();
      expect(await fakeBrowser.alarms.get(ALARM)).toBeDefined();
    },
  );

  // Before issue 17 this test asserted the lie: a watch whose ticks never reached the FMC ended with "its Cloud
  // Configuration alert is still there". It saw nothing, so it now says it could not check, since when and why.
  it('a watch whose FMC never answers ends "could not check since HH:MM: <reason>", never "still failing"', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const entry = await entryOf(BRANCH);
    const { fmc, notify, options, at } = await setup();
    fmc.mode = 'network';
    const first = entry.startedAt + entry.everyMs;
    for (const when of [first, first + entry.everyMs, entry.until]) {
      at(when);
      await watchTick(ORIGIN, options);
    }
    const ended = await entryOf(BRANCH);
    expect(watchState(ended)).toBe('ended-unchecked');
    expect(ended.unchecked).toEqual({ since: first, reason: 'unreachable' });
    expect(notify).toHaveBeenCalledOnce();
    const [, title, body] = notify.mock.calls[0] ?? [];
    expect(title).toBe('Could not check: Branch FTD');
    const since = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(first));
    expect(body).toContain(`could not check since ${since}: ${loopText('reason-unreachable', 'en')}`);
    for (const text of [title, body, watchStatusText(ended, 'en')]) {
      expect(text).not.toMatch(/still/i);
      expect(text).not.toMatch(/cleared/i);
    }
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });

  it('"since" is the first tick that could not check after the last one that did; a read clears it', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const { fmc, options, at } = await setup();
    const t = Date.now();
    at(t + 1_000);
    await watchTick(ORIGIN, options);
    fmc.mode = 'server-error';
    at(t + 2_000);
    await watchTick(ORIGIN, options);
    at(t + 3_000);
    fmc.mode = 'network';
    await watchTick(ORIGIN, options);
    let entry = await entryOf(BRANCH);
    expect(entry.seen).toEqual({ at: t + 1_000, status: 'RED' });
    expect(entry.unchecked).toEqual({ since: t + 2_000, reason: 'unreachable' });
    fmc.mode = 'ok';
    at(t + 4_000);
    await watchTick(ORIGIN, options);
    entry = await entryOf(BRANCH);
    expect(entry.unchecked).toBeUndefined();
    expect(entry.seen).toEqual({ at: t + 4_000, status: 'RED' });
  });

  it('without a session the watch pauses ("sign in to resume watching"), asking the FMC nothing', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const { fmc, options, notify } = await setup([BRANCH], false);
    expect(await watchTick(ORIGIN, options)).toBe('unchecked');
    expect(fmc.requests).toEqual([]);
    const paused = await entryOf(BRANCH);
    expect(watchState(paused)).toBe('paused');
    expect(watchStatusText(paused, 'en')).toMatch(/^Sign in to resume watching/);
    expect(watchStatusText(paused, 'fr')).toMatch(/^Connectez-vous pour reprendre la surveillance/);
    const badge = watchBadge({ [ORIGIN]: await STORAGE.watches(ORIGIN).read() }, 'en');
    expect(badge).toMatchObject({ count: 1, attention: true });
    expect(badge.title).toContain('fmc.example:8443: sign in to resume watching 1 device');

    expect(notify).not.toHaveBeenCalled();
  });

  it('never queues a tick behind a running one, and "Stop watching" aborts the running tick at once', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const { fmc, notify, options } = await setup();
    fmc.mode = 'hang';
    const first = watchTick(ORIGIN, options);
    await fmc.hanging;
    // The alarm fires again while the first tick waits for the FMC: skipped, no second request.
    expect(await watchTick(ORIGIN, options)).toBe('skipped');
    expect(fmc.requests).toHaveLength(1);

    const stoppedAt = Date.now();
    await setWatch(ORIGIN, [BRANCH], false, 'en');
    expect(await first).toBe('aborted');
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    expect(notify).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });

  it('an aborted tick records nothing (aborting is not "could not check")', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const before = await entryOf(BRANCH);
    const { fmc, options } = await setup();
    fmc.mode = 'hang';
    const tick = watchTick(ORIGIN, options);
    await fmc.hanging;
    expect(abortTick(ORIGIN)).toBe(true);
    expect(await tick).toBe('aborted');
    expect(await entryOf(BRANCH)).toEqual(before);
    expect(abortTick(ORIGIN)).toBe(false);
  });

  it('skips a tick while a diagnosis or re-check of the FMC holds its lock, asking nothing', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const { fmc, options } = await setup();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const locks = options.locks ?? memoryLocks();
    const run = locks.request(`fmc-diagnosis:${ORIGIN}`, {}, async () => held);
    expect(await watchTick(ORIGIN, options)).toBe('skipped');
    expect(fmc.requests).toEqual([]);
    release();
    await run;
    expect(await watchTick(ORIGIN, options)).toBe('checked');
  });

  it('works from the watch alone after a browser restart (no diagnosis in storage.session): name, outcome', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    await STORAGE.diagnosis(ORIGIN).remove();
    const { fmc, notify, options } = await setup();
    fmc.failing.clear();
    expect(await watchTick(ORIGIN, options)).toBe('checked');
    // No diagnosis to judge again: no `show network`.
    expect(fmc.requests).toHaveLength(1);
    expect(watchState(await entryOf(BRANCH))).toBe('cleared');
    expect(notify.mock.calls[0]?.[1]).toBe('Cloud Configuration cleared: Branch FTD');
  });

  it('does nothing for an FMC without watches', async () => {
    await storeDiagnosis();
    const { fmc, notify, options } = await setup();
    expect(await watchTick(ORIGIN, options)).toBe('idle');
    expect(fmc.requests).toEqual([]);
    expect(notify).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('still ends the watch when the notification fails', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const { fmc, options } = await setup();
    fmc.failing.clear();
    await watchTick(ORIGIN, {
      ...options,
      notify: async () => {
        throw new Error('notifications blocked');
      },
    });
    expect(watchState(await entryOf(BRANCH))).toBe('cleared');
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
  });
});

describe('restart, resume and disable (issue 17)', () => {
  it('watches live in storage.local without a secret, and a worker start pauses them without a session', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const raw = (await fakeBrowser.storage.local.get(`watches:${ORIGIN}`))[`watches:${ORIGIN}`];
    expect(JSON.stringify(raw)).not.toMatch(/token|password|access|refresh/i);
    expect(await fakeBrowser.storage.session.get(`watches:${ORIGIN}`)).toEqual({});

    // The browser restarts: storage.session (tokens, diagnosis) and the alarms are gone.
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.alarms.clearAll();
    const { fmc, options } = await setup([BRANCH], false);
    await restoreWatches(options);
    expect(await fakeBrowser.alarms.get(ALARM)).toBeDefined();
    expect(watchState(await entryOf(BRANCH))).toBe('paused');
    expect(fmc.requests).toEqual([]);
  });

  it('a sign-in resumes a paused watch at once', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const signedOut = await setup([BRANCH], false);
    await watchTick(ORIGIN, signedOut.options);
    expect(watchState(await entryOf(BRANCH))).toBe('paused');

    const signedIn = await setup([], true);
    expect(await resumeAfterSignIn(ORIGIN, signedIn.options)).toBe('checked');
    expect(watchState(await entryOf(BRANCH))).toBe('cleared');
    // Nothing paused: a sign-in ticks nothing.
    expect(await resumeAfterSignIn(ORIGIN, signedIn.options)).toBeNull();
  });

  it('stopWatches (the FMC was disabled) aborts its tick and forgets its watches and alarm', async () => {
    await storeDiagnosis();
    await setWatch(ORIGIN, [BRANCH], true, 'en');
    const { fmc, options } = await setup();
    fmc.mode = 'hang';
    const tick = watchTick(ORIGIN, options);
    await fmc.hanging;
    await stopWatches(ORIGIN);
    expect(await tick).toBe('aborted');
    expect(await STORAGE.watches(ORIGIN).read()).toEqual({});
    expect(await fakeBrowser.alarms.get(ALARM)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('words of a watch', () => {
  it('reasonOf turns each client failure into a reason code', () => {
    const of = (code: ConstructorParameters<typeof FmcError>[0]['code']) =>
      reasonOf(new FmcError({ code, params: { endpoint: 'health/alerts' } }));
    expect(of('tls-or-network')).toBe('unreachable');
    expect(of('timeout')).toBe('unreachable');
    expect(of('server-error')).toBe('server-error');
    expect(of('rate-limited')).toBe('rate-limited');
    expect(of('sign-in-required')).toBe('signed-out');
    expect(of('forbidden')).toBe('refused');
    expect(of('redirected')).toBe('refused');
    expect(of('not-json')).toBe('unreadable');
    expect(of('paging-short')).toBe('unreadable');
    expect(reasonOf(new Error('boom'))).toBe('failed');
    // The offscreen document could not reach the FMC either; the FMC asked to wait beyond the cap (issue 17).
    const later = (code: string) =>
      reasonOf(Object.assign(new FmcError({ code: 'tls-or-network', params: { endpoint: 'x' } }), { code }));
    expect(later('fmc-unreachable')).toBe('unreachable');
    expect(later('retry-after-too-long')).toBe('rate-limited');
  });

  it('endingText says each ending in both languages', () => {
    const base: WatchEntry = { startedAt: 0, until: 30 * 60_000, everyMs: 120_000, lang: 'fr', name: 'FTD' };
    const unchecked = endingText(
      {
        ...base,
        unchecked: { since: 60_000, reason: 'server-error' },
        ended: { at: 1, outcome: 'unchecked' },
      },
      'fmc',
      'id',
    );
    expect(unchecked.title).toBe('Vérification impossible : FTD');
    expect(unchecked.body).toContain(loopText('reason-server-error', 'fr'));
    const limit = endingText(
      { ...base, seen: { at: 5, status: 'RED' }, ended: { at: 6, outcome: 'limit' } },
      'fmc',
      'id',
    );
    expect(limit.title).toBe('Toujours en échec : FTD');
  });

  it('a stored entry of another shape is left out; a good one keeps only its fields', () => {
    const good = {
      startedAt: 1,
      until: 2,
      everyMs: 3,
      lang: 'en',
      unchecked: { since: 1, reason: 'unreachable' },
    };
    expect(
      watchEntries({ a: good, b: { ...good, unchecked: { since: 1, reason: '<img src=x>' } }, c: 'x' }),
    ).toEqual({ a: good });
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

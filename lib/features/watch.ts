import { browser } from 'wxt/browser';
import { canWatch } from '../diagnose/labels';
import { watchedStatus, watchRead } from '../doctor/recheck';
import type { FmcClient } from '../fmc';
import { FmcError } from '../fmc/errors';
import type { HealthAlert } from '../fmc/schemas';
import { type Lang, uiLang } from '../i18n';
import { keepWorkerAlive } from '../platform/keep-alive';
import { diagnosisLock, locks as extensionLocks, type Locks } from '../platform/locks';
import { hasNotifications } from '../platform/permissions';
import {
  onSessionChanged,
  readDiagnosisState,
  STORAGE,
  sessionKeyId,
  watchedOrigins,
  writeDiagnosisState,
} from '../platform/storage';
import type { LoopAnswer } from '../protocol/hint';
import { clockText, type LoopMessageCode, loopText, reasonText } from '../protocol/loop-answers';
import {
  ENDED_KEPT_MS,
  isRunning,
  type WatchEnding,
  type WatchEntry,
  type WatchReason,
  watchState,
} from '../protocol/watch';
import { fmcClientFor } from './fmc-client';
import { openReport } from './report-tab';

/**
 * Watch until it clears (issues 10 and 17). A `browser.alarms` alarm per FMC wakes the background every
 * `everyMinutes` (2 by default) for up to `forMinutes` (30), so the watch goes on while the MV3 service worker
 * sleeps. The watched devices live in storage.local (`STORAGE.watches`, no secret): they survive a browser
 * restart, and without a session the watch pauses ("sign in to resume watching") until a sign-in resumes it.
 *
 * A watch says only what it saw. Each tick of an FMC is one read of the Cloud Configuration alerts of all its
 * watched devices (lib/fmc/watch-read.ts: one request, two when the token is renewed, whatever the number of
 * devices), then `show network` of each device whose alert changed (to judge it again in the diagnosis). Its
 * outcome per device is one of:
 * - seen cleared (the read lists no alert that is not clear (red, yellow, error) for it): the watch ends "cleared";
 * - seen still failing (red, yellow or error): it goes on, and at its limit ends "still failing at the limit";
 * - not checked (no answer, 5xx or 429 after the client's retries, no session, refused, unreadable), with the
 *   reason and since when (`WatchEntry.unchecked`): it goes on, and at its limit ends "could not check since
 *   HH:MM: <reason>". The limit's verdict is the last tick's: "still failing" only when the tick at the limit
 *   read the alert not clear; a watch whose FMC never answered never says "still failing".
 * A tick never waits behind another: one still running when the alarm fires again (or while a diagnosis or
 * re-check holds the FMC's lock) is skipped. "Stop watching" aborts the running tick at once.
 */

const ALARM_PREFIX = 'fmc-watch:';
const alarmName = (origin: string) => `${ALARM_PREFIX}${origin}`;

/** The FMC an alarm of ours stands for, or null for someone else's alarm. */
export function watchAlarmOrigin(name: string): string | null {
  return name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : null;
}

/** A notification's id names its FMC and device, so that a click opens the report on it. */
const NOTIFICATION_SEPARATOR = '\n';
export function watchNotificationTarget(id: string): { origin: string; deviceId: string } | null {
  const [prefix, origin, deviceId] = id.split(NOTIFICATION_SEPARATOR);
  return prefix === ALARM_PREFIX && origin && deviceId ? { origin, deviceId } : null;
}

export async function notificationsAllowed(): Promise<boolean> {
  try {
    return await hasNotifications();
  } catch {
    return false;
  }
}

// Read-modify-writes of the watches (starts, stops, a tick's result) of one extension context must not
// interleave. The tick's reads from the FMC run outside this queue: a stop never waits for them.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** The tick running for each FMC in this context, to skip the next alarm and abort it on "Stop watching". */
const running = new Map<string, AbortController>();

/** Aborts the running tick of an FMC, if any: its reads stop at once and it records nothing. */
export function abortTick(origin: string): boolean {
  const tick = running.get(origin);
  tick?.abort();
  return tick !== undefined;
}

/** Starts or stops watching devices of an FMC; the answer says whether a notification will tell the end. */
export function setWatch(
  origin: string,
  deviceIds: readonly string[],
  on: boolean,
  lang: Lang,
): Promise<LoopAnswer> {
  // "Stop watching" aborts the tick at once, before waiting for the queue.
  if (!on) abortTick(origin);
  return serialised(async () => {
    const watches = { ...(await STORAGE.watches(origin).read()) };
    if (on) {
      const diagnosis = (await readDiagnosisState(origin))?.diagnosis;
      if (!diagnosis) return refusal('no-diagnosis', lang);
      const known = new Map(diagnosis.devices.map((device) => [device.id, device]));
      const listed = deviceIds.filter((id) => known.has(id));
      if (listed.length === 0) return refusal('unknown-device', lang);
      // Scenario 1's failure is expected and never clears (issue 19): the buttons hide Watch for it, and a
      // message asking anyway (an older page, another extension page) is refused here too.
      const ids = listed.filter((id) => canWatch(known.get(id)?.verdict ?? 'unknown'));
      if (ids.length === 0) return refusal('not-watchable', lang);
      const schedule = await STORAGE.watchSchedule.read();
      const startedAt = Date.now();
      const everyMs = Math.round(schedule.everyMinutes * 60_000);
      for (const id of ids) {
        const device = known.get(id);
        watches[id] = {
          startedAt,
          until: startedAt + Math.round(schedule.forMinutes * 60_000),
          everyMs,
          lang,
          ...(device?.name ? { name: device.name } : {}),
        };
      }
    } else {
      for (const id of deviceIds) delete watches[id];
    }
    await store(origin, watches);
    return { ok: true, notify: on ? await notificationsAllowed() : undefined };
  });
}

/** Stops every watch of an FMC (the FMC was disabled): its running tick aborted, its alarm and entries gone. */
export function stopWatches(origin: string): Promise<void> {
  abortTick(origin);
  return serialised(async () => {
    await STORAGE.watches(origin).remove();
    await browser.alarms.clear(alarmName(origin));
    await showWatchBadge();
  });
}

async function store(origin: string, watches: Record<string, WatchEntry>, now = Date.now()): Promise<void> {
  // Ended watches are shown a day, then dropped.
  const kept = Object.fromEntries(
    Object.entries(watches).filter(([, entry]) => !entry.ended || now - entry.ended.at < ENDED_KEPT_MS),
  );
  const live = Object.values(kept).filter(isRunning);
  if (Object.keys(kept).length === 0) await STORAGE.watches(origin).remove();
  else await STORAGE.watches(origin).write(kept);
  if (live.length === 0) {
    await browser.alarms.clear(alarmName(origin));
  } else {
    const everyMs = Math.min(...live.map((entry) => entry.everyMs));
    const existing = await browser.alarms.get(alarmName(origin));
    // Re-created only when the period changes: a new alarm would push the next tick back.
    if (existing?.periodInMinutes !== everyMs / 60_000)
      await browser.alarms.create(alarmName(origin), {
        delayInMinutes: everyMs / 60_000,
        periodInMinutes: everyMs / 60_000,
      });
  }
  await showWatchBadge();
}

function refusal(code: LoopMessageCode, lang: Lang): LoopAnswer {
  return { ok: false, code, message: loopText(code, lang) };
}

export interface TickOptions {
  /** The FMC's client (the extension's shared one by default: same limiter, session and token lock). */
  client?: (origin: string) => Promise<FmcClient>;
  notify?: (id: string, title: string, message: string) => Promise<void>;
  now?: () => number;
  locks?: Locks;
}

/**
 * What a tick did: `skipped` (a tick or a run of this FMC was under way), `aborted` (stopped meanwhile),
 * `idle` (nothing to watch), `checked` (the alerts were read), `unchecked` (they could not be).
 */
export type TickResult = 'skipped' | 'aborted' | 'idle' | 'checked' | 'unchecked';

type Observation =
  | { ok: true; alerts: Map<string, HealthAlert | null> }
  | { ok: false; reason: WatchReason }
  | { ok: false; aborted: true };

/** One alarm of an FMC's watch (see the top of this file). */
export async function watchTick(origin: string, options: TickOptions = {}): Promise<TickResult> {
  if (running.has(origin)) return 'skipped';
  const controller = new AbortController();
  running.set(origin, controller);
  const now = options.now ?? Date.now;
  try {
    // The FMC's one-run lock, like a re-check: a diagnosis asked for meanwhile runs right after the tick.
    return await (options.locks ?? extensionLocks).request(
      diagnosisLock(origin),
      { ifAvailable: true },
      async (held): Promise<TickResult> => {
        if (!held) return 'skipped';
        const watches = await STORAGE.watches(origin).read();
        const ids = Object.keys(watches).filter((id) => isRunning(watches[id] as WatchEntry));
        if (ids.length === 0) {
          await serialised(async () => store(origin, await STORAGE.watches(origin).read()));
          return 'idle';
        }
        const observed = await observe(origin, ids, watches, controller.signal, options);
        if ('aborted' in observed || controller.signal.aborted) return 'aborted';
        await serialised(() => record(origin, ids, observed, now(), options.notify ?? showNotification));
        return observed.ok ? 'checked' : 'unchecked';
      },
    );
  } finally {
    if (running.get(origin) === controller) running.delete(origin);
  }
}

/** Reads the FMC for the watched devices (lib/doctor/recheck.ts `watchRead`); stores a diagnosis judged again. */
async function observe(
  origin: string,
  ids: string[],
  watches: Record<string, WatchEntry>,
  signal: AbortSignal,
  options: TickOptions,
): Promise<Observation> {
  try {
    const client = await (options.client ?? fmcClientFor)(origin);
    if (!(await client.session.restore())) return { ok: false, reason: 'signed-out' };
    const state = await readDiagnosisState(origin).catch(() => undefined);
    const read = await watchRead({
      client,
      deviceIds: ids,
      lastSeen: (id) => watches[id]?.seen?.status,
      diagnosis: state?.diagnosis,
      signal,
      now: () => new Date(options.now?.() ?? Date.now()),
    });
    if (read.diagnosis && !signal.aborted) {
      // Read again under the lock: a sign-out or another page's write since the start is kept.
      const latest = (await readDiagnosisState(origin).catch(() => undefined)) ?? state;
      if (latest?.diagnosis)
        await writeDiagnosisState(origin, {
          ...latest,
          diagnosis: read.diagnosis,
          recheckedAt: Date.now(),
        }).catch(() => undefined);
    }
    return { ok: true, alerts: read.alerts };
  } catch (error) {
    if (signal.aborted) return { ok: false, aborted: true };
    return { ok: false, reason: reasonOf(error) };
  }
}

/** Why a read could not check, as a code (worded in lib/protocol/loop-answers.ts). */
export function reasonOf(error: unknown): WatchReason {
  if (!(error instanceof FmcError)) return 'failed';
  // Compared as text: codes the client gains later (the offscreen transport's, the Retry-After cap's) too.
  const code: string = error.code;
  switch (code) {
    case 'tls-or-network':
    case 'fmc-unreachable':
    case 'timeout':
      return 'unreachable';
    case 'server-error':
      return 'server-error';
    case 'rate-limited':
    case 'retry-after-too-long':
    case 'cdfmc-rate-limited':
    case 'cdfmc-retry-after-too-long':
      return 'rate-limited';
    case 'sign-in-required':
    case 'token-rejected':
    case 'bad-credentials':
    // A cdFMC's SCC API token refused (issue 20): a new one must be pasted, as a sign-in would be asked for.
    case 'token-invalid':
    case 'token-wrong-kind':
    case 'token-wrong-region':
      return 'signed-out';
    case 'cdfmc-not-found':
      return 'refused';
    case 'forbidden':
    case 'login-forbidden':
    case 'not-available':
    case 'method-not-allowed':
    case 'invalid-request':
    case 'redirected':
    case 'unexpected-status':
      return 'refused';
    case 'not-json':
    case 'schema-mismatch':
    case 'items-rejected':
    case 'paging-repeated':
    case 'paging-short':
    case 'paging-capped':
      return 'unreadable';
    default:
      return 'failed';
  }
}

/** Writes what a tick saw into the watches, ends those it decided, and says so. */
async function record(
  origin: string,
  ids: readonly string[],
  observed: Exclude<Observation, { aborted: true }>,
  now: number,
  notify: NonNullable<TickOptions['notify']>,
): Promise<void> {
  // Read again: a watch stopped or started while the FMC was read is kept as it is now.
  const watches = { ...(await STORAGE.watches(origin).read()) };
  const ended: Array<[string, WatchEntry]> = [];
  for (const id of ids) {
    const entry = watches[id];
    if (!entry || !isRunning(entry)) continue;
    let next: WatchEntry;
    let outcome: WatchEnding | undefined;
    if (observed.ok) {
      const status = watchedStatus(observed.alerts.get(id));
      const { unchecked: _seenNow, ...rest } = entry;
      next = { ...rest, seen: { at: now, status } };
      if (status === null) outcome = 'cleared';
      else if (now >= entry.until) outcome = 'limit';
    } else {
      next = { ...entry, unchecked: { since: entry.unchecked?.since ?? now, reason: observed.reason } };
      if (now >= entry.until) outcome = 'unchecked';
    }
    if (outcome) {
      next = { ...next, ended: { at: now, outcome } };
      ended.push([id, next]);
    }
    watches[id] = next;
  }
  await store(origin, watches, now);
  const fmc = new URL(origin).host;
  for (const [id, entry] of ended) {
    const { title, body } = endingText(entry, fmc, id);
    await notify([ALARM_PREFIX, origin, id].join(NOTIFICATION_SEPARATOR), title, body).catch(() => undefined);
  }
}

/** The notification of an ended watch, in the language it was started in: exactly what the watch saw. */
export function endingText(entry: WatchEntry, fmc: string, id: string): { title: string; body: string } {
  const lang = entry.lang;
  const at = (ms: number) => clockText(ms, lang);
  const vars: Record<string, string> = {
    device: entry.name || id,
    fmc,
    minutes: String(Math.round((entry.until - entry.startedAt) / 60_000)),
  };
  const state = watchState(entry);
  if (state === 'cleared') vars.time = at(entry.seen?.at ?? entry.ended?.at ?? Date.now());
  if (state === 'limit') vars.time = at(entry.seen?.at ?? entry.ended?.at ?? Date.now());
  if (entry.unchecked) {
    vars.since = at(entry.unchecked.since);
    vars.reason = reasonText(entry.unchecked.reason, lang);
  }
  const kind = state === 'cleared' ? 'cleared' : state === 'limit' ? 'limit' : 'unchecked';
  return {
    title: loopText(`notify-${kind}-title`, lang, vars),
    body: loopText(`notify-${kind}-body`, lang, vars),
  };
}

async function showNotification(id: string, title: string, message: string): Promise<void> {
  if (!(await notificationsAllowed())) return;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/** The badge's words for the running watches of every FMC: a count, and what needs the admin. */
export interface WatchBadge {
  count: number;
  /** Some running watch could not check or is paused: the badge turns amber and its title says why. */
  attention: boolean;
  title: string;
}

export function watchBadge(byOrigin: Record<string, Record<string, WatchEntry>>, lang: Lang): WatchBadge {
  let count = 0;
  const lines: string[] = [];
  for (const [origin, watches] of Object.entries(byOrigin)) {
    const live = Object.values(watches).filter(isRunning);
    count += live.length;
    let fmc = origin;
    try {
      fmc = new URL(origin).host;
    } catch {
      // An origin stored by hand: shown as it is (as text).
    }
    const paused = live.filter((entry) => watchState(entry) === 'paused');
    if (paused.length > 0) lines.push(loopText('badge-paused', lang, { fmc, count: String(paused.length) }));
    const unchecked = live.find((entry) => watchState(entry) === 'unchecked');
    if (unchecked?.unchecked)
      lines.push(
        loopText('badge-unchecked', lang, {
          fmc,
          since: clockText(unchecked.unchecked.since, lang),
          reason: reasonText(unchecked.unchecked.reason, lang),
        }),
      );
  }
  const title = [loopText('badge-watching', lang, { count: String(count) }), ...lines].join('\n');
  return { count, attention: lines.length > 0, title };
}

/** The browser's UI language (the badge's title speaks it); English where it cannot be read. */
function browserLang(): Lang {
  try {
    return uiLang(browser.i18n.getUILanguage());
  } catch {
    return 'en';
  }
}

/** The toolbar shows how many devices are watched (each FMC tab's own hint count takes precedence there). */
export async function showWatchBadge(): Promise<void> {
  const byOrigin: Record<string, Record<string, WatchEntry>> = {};
  for (const origin of await watchedOrigins()) byOrigin[origin] = await STORAGE.watches(origin).read();
  const lang = browserLang();
  const badge = watchBadge(byOrigin, lang);
  await browser.action
    .setBadgeBackgroundColor({ color: badge.attention ? '#b45309' : '#1d4ed8' })
    .catch(() => undefined);
  await browser.action
    .setBadgeText({ text: badge.count > 0 ? String(badge.count) : '' })
    .catch(() => undefined);
  await browser.action
    .setTitle({ title: badge.count > 0 ? badge.title : browser.i18n.getMessage('extName') })
    .catch(() => undefined);
}

/**
 * After the worker starts: every running watch has its alarm (the browser may drop alarms on restart), and an
 * FMC without a session is ticked at once, which costs no request and pauses its watches ("sign in to resume
 * watching") instead of leaving them "watching" until the next alarm.
 */
export async function restoreWatches(options: TickOptions = {}): Promise<void> {
  for (const origin of await watchedOrigins()) {
    await serialised(async () => store(origin, await STORAGE.watches(origin).read()));
    const watches = await STORAGE.watches(origin).read();
    const live = Object.values(watches).filter(isRunning);
    if (
      live.length > 0 &&
      !(await STORAGE.tokens(origin).read()) &&
      live.some((e) => watchState(e) !== 'paused')
    )
      await watchTick(origin, options);
  }
}

/** A sign-in resumes the paused watches of its FMC at once (its first tick), without waiting for the alarm. */
export async function resumeAfterSignIn(
  origin: string,
  options: TickOptions = {},
): Promise<TickResult | null> {
  const watches = await STORAGE.watches(origin).read();
  if (!Object.values(watches).some((entry) => isRunning(entry) && watchState(entry) === 'paused'))
    return null;
  return watchTick(origin, options);
}

/**
 * The background's part: watches outlive the worker, so their alarms wake it, and a start finds every stored
 * watch its alarm. Each tick keeps the worker up while it lasts; a click on a watch's notification opens the
 * report on its device; a sign-in resumes a paused watch.
 */
export function serveWatches(): void {
  void restoreWatches().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    const origin = watchAlarmOrigin(alarm.name);
    if (!origin) return;
    const stop = keepWorkerAlive();
    void watchTick(origin)
      .catch(() => undefined)
      .finally(stop);
  });
  onSessionChanged((changes) => {
    for (const [key, change] of Object.entries(changes)) {
      const origin = sessionKeyId('tokens', key);
      if (origin !== null && change.newValue !== undefined && change.oldValue === undefined)
        void resumeAfterSignIn(origin).catch(() => undefined);
    }
  });
  browser.notifications?.onClicked.addListener((id) => {
    const target = watchNotificationTarget(id);
    if (target) void openReport(target.origin, target.deviceId);
  });
}

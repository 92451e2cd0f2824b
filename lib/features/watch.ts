import { browser } from 'wxt/browser';
import type { Lang } from '../i18n';
import { keepWorkerAlive } from '../platform/keep-alive';
import { hasNotifications } from '../platform/permissions';
import { readDiagnosisState, STORAGE, watchedOrigins } from '../platform/storage';
import type { LoopAnswer } from '../protocol/hint';
import { type LoopMessageCode, loopText } from '../protocol/loop-answers';
import type { WatchEntry } from '../protocol/watch';
import { type RecheckOutcome, recheck } from './recheck';
import { openReport } from './report-tab';

/**
 * Watch until it clears (issue 10): the device is re-checked every `everyMinutes` (2 by default) for up to
 * `forMinutes` (30), by a `browser.alarms` alarm per FMC, so that it goes on while the MV3 service worker
 * sleeps; the watched devices live in storage.session (`STORAGE.watches`). It stops when the alert clears or at
 * the limit, and says so with a browser notification when the user allowed them (the optional `notifications`
 * permission, asked by the popup or the report at the first watch; content scripts cannot ask). Each tick costs
 * what a re-check costs (2 requests per device, 3 when the token is renewed), through the same limiter.
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

// Starts, stops and ticks of one extension context must not interleave their read-modify-writes.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** Starts or stops watching devices of an FMC; the answer says whether a notification will tell the end. */
export function setWatch(
  origin: string,
  deviceIds: readonly string[],
  on: boolean,
  lang: Lang,
): Promise<LoopAnswer> {
  return serialised(async () => {
    const watches = { ...(await STORAGE.watches(origin).read()) };
    if (on) {
      const diagnosis = (await readDiagnosisState(origin))?.diagnosis;
      if (!diagnosis) return refusal('no-diagnosis', lang);
      const known = new Set(diagnosis.devices.map((device) => device.id));
      const ids = deviceIds.filter((id) => known.has(id));
      if (ids.length === 0) return refusal('unknown-device', lang);
      const schedule = await STORAGE.watchSchedule.read();
      const startedAt = Date.now();
      const everyMs = Math.round(schedule.everyMinutes * 60_000);
      for (const id of ids)
        watches[id] = { startedAt, until: startedAt + schedule.forMinutes * 60_000, everyMs, lang };
    } else {
      for (const id of deviceIds) delete watches[id];
    }
    await store(origin, watches);
    return { ok: true, notify: on ? await notificationsAllowed() : undefined };
  });
}

async function store(origin: string, watches: Record<string, WatchEntry>): Promise<void> {
  const entries = Object.values(watches);
  if (entries.length === 0) {
    await STORAGE.watches(origin).remove();
    await browser.alarms.clear(alarmName(origin));
  } else {
    await STORAGE.watches(origin).write(watches);
    const everyMs = Math.min(...entries.map((entry) => entry.everyMs));
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
  recheck?: (origin: string, deviceId: string, lang: Lang) => Promise<RecheckOutcome>;
  notify?: (id: string, title: string, message: string) => Promise<void>;
  now?: () => number;
}

/**
 * One alarm of an FMC's watch: each watched device is re-checked in turn; a device that cleared, reached its
 * limit or can no longer be checked (signed out, gone from the diagnosis) stops being watched, with a
 * notification. A re-check that fails for a while (the FMC unreachable, a run in progress) is tried again at
 * the next tick.
 */
export function watchTick(origin: string, options: TickOptions = {}): Promise<void> {
  const check = options.recheck ?? recheck;
  const notify = options.notify ?? showNotification;
  const now = options.now ?? Date.now;
  return serialised(async () => {
    const watches = { ...(await STORAGE.watches(origin).read()) };
    const names = new Map(
      ((await readDiagnosisState(origin).catch(() => undefined))?.diagnosis?.devices ?? []).map((d) => [
        d.id,
        d.name,
      ]),
    );
    const fmc = new URL(origin).host;
    for (const [id, entry] of Object.entries(watches)) {
      const device = names.get(id) ?? id;
      const vars = { device, fmc };
      const end = async (kind: 'cleared' | 'limit' | 'stopped', extra: Record<string, string> = {}) => {
        delete watches[id];
        const all = { ...vars, ...extra };
        await notify(
          [ALARM_PREFIX, origin, id].join(NOTIFICATION_SEPARATOR),
          loopText(`notify-${kind}-title`, entry.lang, all),
          loopText(`notify-${kind}-body`, entry.lang, all),
        ).catch(() => undefined);
      };
      if (now() >= entry.until) {
        await end('limit', { minutes: String(Math.round((entry.until - entry.startedAt) / 60_000)) });
        continue;
      }
      const outcome = await check(origin, id, entry.lang);
      if (outcome.ok) {
        if (outcome.device.verdict === 'healthy')
          await end('cleared', {
            time: new Intl.DateTimeFormat(entry.lang, { timeStyle: 'short' }).format(new Date(now())),
          });
      } else if (['signed-out', 'no-diagnosis', 'unknown-device'].includes(outcome.code)) {
        await end('stopped', { detail: outcome.message });
      }
    }
    await store(origin, watches);
  });
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

/** The toolbar shows how many devices are watched (each FMC tab's own hint count takes precedence there). */
export async function showWatchBadge(): Promise<void> {
  let count = 0;
  for (const origin of await watchedOrigins())
    count += Object.keys(await STORAGE.watches(origin).read()).length;
  await browser.action.setBadgeBackgroundColor({ color: '#1d4ed8' }).catch(() => undefined);
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' }).catch(() => undefined);
  await browser.action
    .setTitle({
      title:
        count > 0
          ? browser.i18n.getMessage('badgeWatching', [String(count)])
          : browser.i18n.getMessage('extName'),
    })
    .catch(() => undefined);
}

/** After the worker starts: every stored watch has its alarm (the browser may drop alarms on restart). */
export async function restoreWatches(): Promise<void> {
  for (const origin of await watchedOrigins())
    await serialised(async () => store(origin, await STORAGE.watches(origin).read()));
}

/**
 * The background's part: watches outlive the worker, so their alarms wake it, and a start finds every stored
 * watch its alarm. Each tick keeps the worker up while it lasts; a click on a watch's notification opens the
 * report on its device.
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
  browser.notifications?.onClicked.addListener((id) => {
    const target = watchNotificationTarget(id);
    if (target) void openReport(target.origin, target.deviceId);
  });
}

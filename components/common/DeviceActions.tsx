import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { canWatch } from '../../lib/diagnose/labels';
import type { DeviceTimes } from '../../lib/diagnose/times';
import type { Verdict } from '../../lib/diagnose/types';
import type { LoopAnswer } from '../../lib/protocol/hint';
import type { WatchState } from '../../lib/protocol/watch';
import { t } from '../i18n';
import { clock } from './clock';

// Re-check and Watch for one device (issue 10), their times and the answer line: one set for the hint (inside
// its shadow root, in the content script) and for the popup and the report. The transport is the caller's: the
// hint passes its bridge to the background (lib/page/bridge.ts), our pages functions over `askBackground`
// (components/diagnosis/loop-actions.ts). Type-only imports besides Preact, `t`, `clock` and the verdict labels
// (lib/diagnose/labels.ts, which the hint bundles anyway): the content script must stay small (no storage
// registry, no zod, no knowledge base prose).

/**
 * How a place reaches the background for one device. Called straight from the click handler, before any
 * await: a transport may ask for a permission first, which the browser allows only in the user's gesture.
 * A rejection or no answer means the background did not answer.
 */
export interface DeviceTransport {
  recheck(deviceId: string): Promise<LoopAnswer | undefined>;
  watch(deviceId: string, on: boolean): Promise<LoopAnswer | undefined>;
}

/**
 * Whether a click came from the user (issue 17): a script of the FMC page can reach the hint's buttons (its
 * shadow root is open) and call `click()` or dispatch a click, which the browser marks `isTrusted: false`;
 * such a click must not re-check, watch, stop a watch or open a tab. `isTrusted` is an unforgeable attribute
 * of the event (DOM Standard, https://dom.spec.whatwg.org/#dom-event-istrusted; MDN Event.isTrusted), true for
 * a real click and for Enter or Space on a focused button. Only an explicit `false` is refused: test DOMs
 * without the attribute (happy-dom) leave it undefined, real browsers never do.
 */
export function byUser(event: Event): boolean {
  return event.isTrusted !== false;
}

/** The words of an answer: nothing when it went well, else why not. */
export function answerText(answer: LoopAnswer | undefined): string {
  if (!answer) return t('loopNoAnswer');
  if (answer.ok) return answer.notify === false ? t('hintWatchNoNotifications') : '';
  return answer.message || t('loopNoAnswer');
}

export interface DeviceActions {
  /** The action under way, if any: its button says so, and Re-check waits for it. */
  pending: 'recheck' | 'watch' | null;
  /** The last action's answer, as `answerText` words it. */
  answer: string;
  recheck(): void;
  watch(on: boolean): void;
}

/** The state of one place's actions on one device; without a transport or a device, the actions do nothing. */
export function useDeviceActions(
  transport: DeviceTransport | undefined,
  deviceId: string | undefined,
): DeviceActions {
  const [pending, setPending] = useState<DeviceActions['pending']>(null);
  const [answer, setAnswer] = useState('');
  const act = (kind: 'recheck' | 'watch', task: (id: string) => Promise<LoopAnswer | undefined>) => {
    if (!deviceId || pending) return;
    setPending(kind);
    setAnswer('');
    // The task starts in the click's own task (see DeviceTransport).
    let asked: Promise<LoopAnswer | undefined>;
    try {
      asked = task(deviceId);
    } catch (error) {
      asked = Promise.reject(error);
    }
    asked
      .then(answerText, () => answerText(undefined))
      .then(setAnswer)
      .finally(() => setPending(null));
  };
  return {
    pending,
    answer,
    recheck: () => transport && act('recheck', (id) => transport.recheck(id)),
    watch: (on) => transport && act('watch', (id) => transport.watch(id, on)),
  };
}

/** "Re-check": reads the device again now; busy meanwhile. */
export function RecheckButton({ actions, name }: { actions: DeviceActions; name: string }) {
  const busy = actions.pending !== null;
  return (
    <button
      type="button"
      class="recheck"
      aria-label={t('hintRecheckLabel', name)}
      aria-busy={busy}
      disabled={busy}
      onClick={(event) => byUser(event) && actions.recheck()}
    >
      {actions.pending === 'recheck' ? t('hintRechecking') : t('hintRecheck')}
    </button>
  );
}

/**
 * "Watch until it clears" / "Stop watching", for a failure that can clear (`canWatch`: not scenario 1's, which is
 * expected) or a device being watched.
 */
export function WatchButton({
  actions,
  verdict,
  watching,
}: {
  actions: DeviceActions;
  verdict: Verdict;
  watching: boolean;
}) {
  if (!watching && !canWatch(verdict)) return null;
  return (
    <button
      type="button"
      class="watch"
      aria-pressed={watching}
      disabled={actions.pending !== null}
      onClick={(event) => byUser(event) && actions.watch(!watching)}
    >
      {watching ? t('hintWatchStop') : t('hintWatch')}
    </button>
  );
}

/** How often and until when a watched device is re-checked. */
export function WatchingUntil({
  watch,
  lang,
  class: className,
}: {
  watch: { until: number; everyMs: number } | undefined;
  lang: string;
  class: string;
}) {
  if (!watch) return null;
  return (
    <p class={className} data-testid="watching">
      {/* A schedule under a minute still says "every 1 min", never 0. */}
      {t('hintWatchingUntil', String(Math.round(watch.everyMs / 60_000) || 1), clock(watch.until, lang))}
    </p>
  );
}

/**
 * What a device's watch says, short (issue 17): the hint's row line and the report's table. `since`: when its
 * ticks could not check from (unchecked, paused, ended unchecked).
 */
export function WatchStateTag({
  state,
  since,
  lang,
  class: className,
}: {
  state: WatchState | undefined;
  since: number | undefined;
  lang: string;
  class: string;
}) {
  if (!state) return null;
  const at = since ? clock(since, lang) : '?';
  const text = {
    watching: () => t('hintWatching'),
    unchecked: () => t('hintWatchUnchecked', at),
    paused: () => t('hintWatchPaused'),
    cleared: () => t('hintWatchCleared'),
    limit: () => t('hintWatchLimit'),
    'ended-unchecked': () => t('hintWatchEndedUnchecked', at),
  }[state]();
  return (
    <span class={className} data-testid="watching-tag" data-watch-state={state}>
      {text}
    </span>
  );
}

/** The answer of the last action; a live region, so a screen reader says it. */
export function AnswerLine({ actions, class: className }: { actions: DeviceActions; class: string }) {
  return (
    <p class={className} role="status">
      {actions.answer}
    </p>
  );
}

/** A device's times, and when the diagnosis read it: `checkedAt` in the hint, `recheckedAt` in our pages. */
export interface ShownTimes extends DeviceTimes {
  checkedAt?: number;
}

const TIME_LABELS = {
  'failing-since': 'hintFailingSince',
  'cleared-at': 'hintClearedAt',
  'rechecked-at': 'fmcRecheckedAt',
  'checked-at': 'hintCheckedAt',
} as const;

const SEPARATOR = ' · ';

/** The times as words, in this order; those a device lacks are left out. */
function timeParts(times: ShownTimes, lang: string): { kind: keyof typeof TIME_LABELS; text: string }[] {
  const at: Record<keyof typeof TIME_LABELS, number | undefined> = {
    'failing-since': times.failingSince,
    'cleared-at': times.clearedAt,
    'rechecked-at': times.recheckedAt,
    'checked-at': times.checkedAt,
  };
  return (Object.keys(TIME_LABELS) as (keyof typeof TIME_LABELS)[]).flatMap((kind) => {
    const ms = at[kind];
    return ms ? [{ kind, text: t(TIME_LABELS[kind], clock(ms, lang)) }] : [];
  });
}

/** The times as one text (a title attribute). */
export function timesText(times: ShownTimes, lang: string): string {
  return timeParts(times, lang)
    .map((part) => part.text)
    .join(SEPARATOR);
}

/** The times on one line, each in a `data-time` span; nothing when there is none. */
export function TimesLine({
  times,
  lang,
  class: className,
}: {
  times: ShownTimes;
  lang: string;
  class: string;
}) {
  const parts = timeParts(times, lang);
  if (parts.length === 0) return null;
  return (
    <p class={className} data-testid="device-times">
      {parts.map((part, i) => (
        <Fragment key={part.kind}>
          {i > 0 && SEPARATOR}
          <span data-time={part.kind}>{part.text}</span>
        </Fragment>
      ))}
    </p>
  );
}

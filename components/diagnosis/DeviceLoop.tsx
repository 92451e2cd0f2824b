import { useState } from 'preact/hooks';
import type { DeviceDiagnosis } from '../../lib/diagnose';
import { canWatch } from '../../lib/diagnose/labels';
import { deviceTimes } from '../../lib/diagnose/times';
import type { Lang } from '../../lib/i18n';
import { watchStatusText } from '../../lib/protocol/loop-answers';
import { isRunning, type WatchEntry, watchState } from '../../lib/protocol/watch';
import {
  AnswerLine,
  answerText,
  byUser,
  RecheckButton,
  TimesLine,
  useDeviceActions,
  WatchButton,
  WatchingUntil,
} from '../common/DeviceActions';
import { tn } from '../i18n';
import { pageTransport, watchFrom } from './loop-actions';

/** Since when a device fails, when it was re-checked and when it cleared, as text. */
export function DeviceTimes({ device, lang }: { device: DeviceDiagnosis; lang: Lang }) {
  return <TimesLine times={deviceTimes(device)} lang={lang} class="muted small device-times" />;
}

/**
 * Re-check and Watch for one device (issue 10), in the popup and the report, with the hint's controls
 * (components/common/DeviceActions.tsx): the verdict then changes in storage, and every page and hint of the
 * FMC redraws from there. Self-contained, so a card places it where `deviceSections` puts `actions` (right after
 * the fix and its verification: DeviceDetails' `actions`). No Watch for scenario 1's failure (`canWatch`).
 */
export function DeviceLoop({
  origin,
  device,
  lang,
  watch,
  direct,
}: {
  origin: string;
  device: DeviceDiagnosis;
  lang: Lang;
  watch: WatchEntry | undefined;
  /** Re-check in this page (the report) rather than in the background (the popup). */
  direct: boolean;
}) {
  const actions = useDeviceActions(pageTransport(origin, lang, direct), device.id);
  const running = watch !== undefined && isRunning(watch);
  return (
    <div class="device-loop" data-testid="device-loop">
      <DeviceTimes device={device} lang={lang} />
      <div class="row">
        <RecheckButton actions={actions} name={device.name || device.id} />
        <WatchButton actions={actions} verdict={device.verdict} watching={running} />
      </div>
      <WatchingUntil watch={running ? watch : undefined} lang={lang} class="muted small" />
      <WatchStatus watch={watch} lang={lang} />
      <AnswerLine actions={actions} class="muted small" />
    </div>
  );
}

/**
 * What the device's watch saw (issue 17), running or ended within the day: "still red or yellow at 10:42",
 * "could not check since 10:40: <reason>", "sign in to resume watching", or how it ended.
 */
export function WatchStatus({ watch, lang }: { watch: WatchEntry | undefined; lang: Lang }) {
  if (!watch) return null;
  const state = watchState(watch);
  // A running watch that has read nothing yet is said by WatchingUntil alone.
  if (state === 'watching' && !watch.seen) return null;
  return (
    <p class="muted small" data-testid="watch-status" data-watch-state={state}>
      {watchStatusText(watch, lang)}
    </p>
  );
}

/** "Watch all failing" (the report): every device whose failure can clear (`canWatch`), in one request. */
export function WatchAllFailing({
  origin,
  devices,
  lang,
}: {
  origin: string;
  devices: readonly DeviceDiagnosis[];
  lang: Lang;
}) {
  const [message, setMessage] = useState('');
  const failing = devices.filter((device) => canWatch(device.verdict)).map((device) => device.id);
  if (failing.length === 0) return null;
  return (
    <>
      <button
        type="button"
        class="watch-all"
        onClick={async (event) => {
          if (byUser(event)) setMessage(answerText(await watchFrom(origin, failing, true, lang)));
        }}
      >
        {tn('reportWatchAll', failing.length)}
      </button>
      {message && (
        <span class="muted small" role="status">
          {message}
        </span>
      )}
    </>
  );
}

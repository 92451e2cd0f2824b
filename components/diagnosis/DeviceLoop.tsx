import { useState } from 'preact/hooks';
import type { DeviceDiagnosis } from '../../lib/diagnose';
import { deviceTimes } from '../../lib/diagnose/times';
import type { Lang } from '../../lib/i18n';
import type { WatchEntry } from '../../lib/platform/storage';
import type { LoopAnswer } from '../../lib/protocol/hint';
import { clock } from '../common/clock';
import { t } from '../i18n';
import { recheckFrom, watchFrom } from './loop-actions';

const answerText = (answer: LoopAnswer) =>
  answer.ok
    ? answer.notify === false
      ? t('hintWatchNoNotifications')
      : ''
    : answer.message || t('loopNoAnswer');

/** Since when a device fails, when it was re-checked and when it cleared: one line each, as text. */
export function DeviceTimes({ device, lang }: { device: DeviceDiagnosis; lang: Lang }) {
  const times = deviceTimes(device);
  if (!times.failingSince && !times.recheckedAt && !times.clearedAt) return null;
  return (
    <p class="muted small device-times" data-testid="device-times">
      {times.failingSince && (
        <span data-time="failing-since">{t('hintFailingSince', clock(times.failingSince, lang))} </span>
      )}
      {times.clearedAt && (
        <span data-time="cleared-at">{t('hintClearedAt', clock(times.clearedAt, lang))} </span>
      )}
      {times.recheckedAt && (
        <span data-time="rechecked-at">{t('fmcRecheckedAt', clock(times.recheckedAt, lang))}</span>
      )}
    </p>
  );
}

/**
 * Re-check and Watch for one device (issue 10), in the popup and the report: the verdict then changes in
 * storage, and every page and hint of the FMC redraws from there.
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
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const name = device.name || device.id;
  const act = async (task: () => Promise<LoopAnswer>) => {
    setBusy(true);
    setMessage('');
    try {
      setMessage(answerText(await task()));
    } finally {
      setBusy(false);
    }
  };
  const watching = watch !== undefined;
  return (
    <div class="device-loop" data-testid="device-loop">
      <DeviceTimes device={device} lang={lang} />
      <div class="row">
        <button
          type="button"
          class="recheck"
          disabled={busy}
          aria-label={t('hintRecheckLabel', name)}
          onClick={() => void act(() => recheckFrom(origin, device.id, lang, direct))}
        >
          {busy ? t('hintRechecking') : t('hintRecheck')}
        </button>
        {(device.verdict !== 'healthy' || watching) && (
          <button
            type="button"
            class="watch"
            aria-pressed={watching}
            onClick={() => void act(() => watchFrom(origin, [device.id], !watching, lang))}
          >
            {watching ? t('hintWatchStop') : t('hintWatch')}
          </button>
        )}
      </div>
      {watching && (
        <p class="muted small" data-testid="watching">
          {t('hintWatchingUntil', String(Math.round(watch.everyMs / 60_000) || 1), clock(watch.until, lang))}
        </p>
      )}
      <p class="muted small" role="status">
        {message}
      </p>
    </div>
  );
}

/** "Watch all failing" (the report): every device with a failing verdict, in one request. */
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
  const failing = devices.filter((device) => device.verdict !== 'healthy').map((device) => device.id);
  if (failing.length === 0) return null;
  return (
    <>
      <button
        type="button"
        class="watch-all"
        onClick={async () => setMessage(answerText(await watchFrom(origin, failing, true, lang)))}
      >
        {t('reportWatchAll', String(failing.length))}
      </button>
      {message && (
        <span class="muted small" role="status">
          {message}
        </span>
      )}
    </>
  );
}

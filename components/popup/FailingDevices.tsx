import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { DeviceDiagnosis, Diagnosis } from '../../lib/diagnose';
import { deviceSettings } from '../../lib/diagnose/device-text';
import { INCOMPLETE_TEXT } from '../../lib/diagnose/incomplete';
import { clearedSince } from '../../lib/diagnose/times';
import type { Lang } from '../../lib/i18n';
import { isRunning, type WatchEntry, watchState } from '../../lib/protocol/watch';
import { DeviceDetails } from '../diagnosis/DeviceDetails';
import { DeviceLoop } from '../diagnosis/DeviceLoop';
import { useWatches } from '../diagnosis/useWatches';
import { VerdictBadge } from '../diagnosis/VerdictBadge';
import { t } from '../i18n';

/** The devices with the Cloud Configuration failure, each with its DNS, proxy, gateway, verdict and runbook. */
/** A device a re-check found cleared stays listed, with its time, so that the fix shows where it was made. */
export function FailingDevices({
  diagnosis,
  origin,
  lang,
}: {
  diagnosis: Diagnosis;
  origin: string;
  lang: Lang;
}) {
  const failing = diagnosis.devices.filter((device) => device.verdict !== 'healthy');
  const cleared = diagnosis.devices.filter(clearedSince);
  const watches = useWatches(origin);
  return (
    <section aria-labelledby="failing-heading">
      <h3 id="failing-heading">{t('popupFailingDevices', String(failing.length))}</h3>
      {failing.length === 0 && cleared.length === 0 ? (
        diagnosis.failingComplete ? (
          <p class="ok">{t('popupNoFailingDevices')}</p>
        ) : (
          // The pieces that would name a failing device are missing: "none" would be a guess.
          <p class="muted" data-testid="failing-unknown">
            {INCOMPLETE_TEXT.failingUnknown[lang]}
          </p>
        )
      ) : (
        <ul class="devices" data-testid="failing-devices">
          {[...failing, ...cleared].map((device) => (
            <FailingDevice
              key={device.id}
              device={device}
              origin={origin}
              lang={lang}
              watch={watches[device.id]}
            />
          ))}
        </ul>
      )}
      {failing.length > 0 && !diagnosis.failingComplete && (
        <p class="muted">{INCOMPLETE_TEXT.failingMaybeMore[lang]}</p>
      )}
      {diagnosis.peerDns && (
        <p class="muted" data-testid="peer-dns">
          {t(
            'popupPeerDns',
            diagnosis.peerDns.servers.join(', '),
            String(diagnosis.peerDns.deviceIds.length),
          )}
        </p>
      )}
    </section>
  );
}

/** One device; its evidence and runbook are drawn when opened, so the popup opens fast on a large fleet. */
function FailingDevice({
  device,
  origin,
  lang,
  watch,
}: {
  device: DeviceDiagnosis;
  origin: string;
  lang: Lang;
  watch: WatchEntry | undefined;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="failing-device" data-device-id={device.id} data-verdict={device.verdict}>
      <details onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <VerdictBadge verdict={device.verdict} /> <strong>{device.name}</strong>{' '}
          <span class="muted">{device.version}</span>
        </summary>
        {open && (
          <>
            <dl class="facts">
              {deviceSettings(device, lang).map(({ label, value }) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            </dl>
            <DeviceDetails device={device} lang={lang} heading={false} />
          </>
        )}
      </details>
      <DeviceLoop origin={origin} device={device} lang={lang} watch={watch} direct={false} />
    </li>
  );
}

/**
 * Above the popup's sign-in form (issue 17): watches of this FMC that wait for a session (the browser restarted,
 * or the session ended) say so, "sign in to resume watching"; signing in resumes them.
 */
export function PausedWatches({ origin }: { origin: string }) {
  const watches = useWatches(origin);
  const paused = Object.values(watches).filter((entry) => isRunning(entry) && watchState(entry) === 'paused');
  if (paused.length === 0) return null;
  return (
    <p class="fmc-notice" role="status" data-testid="watch-paused" data-watch-state="paused">
      {t('hintWatchPaused')} ({paused.length})
    </p>
  );
}

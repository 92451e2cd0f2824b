import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DeviceDiagnosis, Diagnosis } from '../../lib/diagnose';
import { healthyDnsStatement } from '../../lib/diagnose/cross-checks';
import { INCOMPLETE_TEXT } from '../../lib/diagnose/incomplete';
import { clearedSince } from '../../lib/diagnose/times';
import type { Lang } from '../../lib/i18n';
import { reportPath } from '../../lib/protocol/report-url';
import { isRunning, type WatchEntry, watchState } from '../../lib/protocol/watch';
import { DeviceDetails } from '../diagnosis/DeviceDetails';
import { DeviceLoop } from '../diagnosis/DeviceLoop';
import { useWatches } from '../diagnosis/useWatches';
import { VerdictBadge } from '../diagnosis/VerdictBadge';
import { t } from '../i18n';
import { useInitialFocus } from './initial-focus';

/** The devices with the Cloud Configuration failure, each with its DNS, proxy, gateway, verdict and runbook. */
/** A device a re-check found cleared stays listed, with its time, so that the fix shows where it was made. */
export function FailingDevices({
  diagnosis,
  origin,
  lang,
  healthPolicyUrl,
}: {
  diagnosis: Diagnosis;
  origin: string;
  lang: Lang;
  /** The health policy editor's URL, scenario 1's first action (the tab's FMC page knows it). */
  healthPolicyUrl?: string | undefined;
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
          {[...failing, ...cleared].map((device, index) => (
            <FailingDevice
              key={device.id}
              first={index === 0}
              device={device}
              origin={origin}
              lang={lang}
              watch={watches[device.id]}
              healthPolicyUrl={healthPolicyUrl}
            />
          ))}
        </ul>
      )}
      {failing.length > 0 && !diagnosis.failingComplete && (
        <p class="muted">{INCOMPLETE_TEXT.failingMaybeMore[lang]}</p>
      )}
      {diagnosis.peerDns && (
        <p class="muted" data-testid="peer-dns">
          {healthyDnsStatement(diagnosis.devices)[lang]}
        </p>
      )}
    </section>
  );
}

/** One device; its evidence and runbook are drawn when opened, so the popup opens fast on a large fleet. */
function FailingDevice({
  first,
  device,
  origin,
  lang,
  watch,
  healthPolicyUrl,
}: {
  first: boolean;
  device: DeviceDiagnosis;
  origin: string;
  lang: Lang;
  watch: WatchEntry | undefined;
  healthPolicyUrl: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  // The first device is the popup's first useful control once a diagnosis shows (issue 19).
  const summary = useInitialFocus<HTMLElement>(first);
  const name = device.name || device.id;
  const loop = <DeviceLoop origin={origin} device={device} lang={lang} watch={watch} direct={false} />;
  return (
    <li data-testid="failing-device" data-device-id={device.id} data-verdict={device.verdict}>
      <div class="device-row">
        <details onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
          <summary ref={summary}>
            <VerdictBadge verdict={device.verdict} /> <strong>{name}</strong>{' '}
            <span class="muted">{device.version}</span>
          </summary>
          {/* One order (issue 19): the card's fix, its verification, then Re-check / Watch, then the folded
              "Why this verdict" (which states the DNS, proxy and gateway read). */}
          {open && (
            <DeviceDetails
              device={device}
              lang={lang}
              heading={false}
              actions={loop}
              {...(device.verdict === 'expected-integration-off' && healthPolicyUrl
                ? { healthPolicyUrl }
                : {})}
            />
          )}
        </details>
        <button
          type="button"
          class="icon"
          data-testid="open-device-report"
          aria-label={t('popupOpenDeviceReport', name)}
          title={t('popupOpenDeviceReport', name)}
          onClick={() =>
            browser.tabs.create({ url: browser.runtime.getURL(reportPath(origin, { device: device.id })) })
          }
        >
          <span aria-hidden="true">↗</span>
        </button>
      </div>
      {/* Closed, the row keeps its Re-check / Watch under it; open, they sit in the card's order. */}
      {!open && loop}
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

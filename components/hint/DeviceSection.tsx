import { useEffect, useState } from 'preact/hooks';
import { uiLang } from '../../lib/i18n';
import type { PageLoop } from '../../lib/page/bridge';
import type { HintDevice, HintDeviceView } from '../../lib/protocol/hint';
import { CommandLine } from '../common/CommandLine';
import {
  AnswerLine,
  byUser,
  TimesLine,
  useDeviceActions,
  WatchButton,
  WatchingUntil,
} from '../common/DeviceActions';
import { t } from '../i18n';
import { SourceNote } from './HintDetails';
import { VerdictTag } from './VerdictTag';

/**
 * The row's own device in the expanded hint: its verdict, management settings, evidence and runbook filled
 * with its values (the first step stands out), a watch until the alert clears, the way to the report. Loaded
 * from the background when the hint opens and again when the verdict changes, through the content script's
 * bridge (`loop`, lib/page/bridge.ts); Watch is the control our pages use too (components/common/DeviceActions).
 */
export function DeviceSection({ device, loop, lang }: { device: HintDevice; loop: PageLoop; lang: string }) {
  const [view, setView] = useState<HintDeviceView | 'loading' | 'failed'>('loading');
  // The watch's own answer line; the re-check's is on the row's line (Hint.tsx).
  const actions = useDeviceActions(loop, device.id);
  useEffect(() => {
    let live = true;
    loop.loadDevice(device.id).then(
      (loaded) => live && setView(loaded ?? 'failed'),
      () => live && setView('failed'),
    );
    return () => {
      live = false;
    };
  }, [
    device.id,
    device.verdict,
    device.watching,
    device.watchState,
    device.watchSince,
    device.clearedAt,
    loop,
  ]);

  if (view === 'loading' || view === 'failed') {
    return (
      <section class="device" data-section="device">
        <p role="status">{view === 'loading' ? t('hintDeviceLoading') : t('hintDeviceLoadFailed')}</p>
        <ReportButton loop={loop} id={device.id} />
      </section>
    );
  }
  return (
    <section class="device" data-section="device">
      <h3>
        {t('hintDeviceTitle', view.name)} <VerdictTag verdict={device.verdict} lang={lang} />
      </h3>
      <TimesLine
        times={{ failingSince: device.failingSince, clearedAt: device.clearedAt, checkedAt: view.checkedAt }}
        lang={lang}
        class="when"
      />
      <h4>{t('hintDeviceSettings')}</h4>
      <table>
        <tbody>
          {view.settings.map((setting) => (
            <tr key={setting.label}>
              <th scope="row">{setting.label}</th>
              <td>{setting.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.evidence.length > 0 && (
        <>
          <h4>{t('hintDeviceEvidence')}</h4>
          <ul>
            {view.evidence.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {view.runbook.length > 0 && (
        <>
          <h4>{t('hintDeviceRunbook')}</h4>
          <ol class="runbook">
            {view.runbook.map((step, i) => (
              <li key={step.text} class={i === 0 ? 'first' : undefined}>
                {step.text} <SourceNote sources={step.sources} lang={uiLang(lang)} />
                {step.commands.map((command) => (
                  <CommandLine
                    key={command.command}
                    command={command.command}
                    shell={command.shell}
                    expect={command.expect}
                  />
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
      <WatchingUntil watch={view.watching ? view.watch : undefined} lang={lang} class="when" />
      {view.watchStatus && (
        <p class="when" data-testid="watch-status" data-watch-state={view.watchStatus.state}>
          {view.watchStatus.text}
        </p>
      )}
      <p class="actions">
        <WatchButton actions={actions} verdict={device.verdict} watching={device.watching} />
        <ReportButton loop={loop} id={device.id} />
      </p>
      <AnswerLine actions={actions} class="status" />
    </section>
  );
}

function ReportButton({ loop, id }: { loop: PageLoop; id?: string }) {
  return (
    <button type="button" class="secondary" onClick={(event) => byUser(event) && loop.openReport(id)}>
      {t('hintOpenReport')}
    </button>
  );
}

/**
 * The hint's row has no device of the diagnosis: with none yet, the way to one (the report, which asks to sign
 * in when needed); with one, why no verdict shows here.
 */
export function DevicePrompt({ diagnosed, loop }: { diagnosed: boolean; loop: PageLoop }) {
  return (
    <section class="device" data-section={diagnosed ? 'no-device' : 'diagnose'}>
      <p>{diagnosed ? t('hintNoTie') : t('hintDiagnoseWhy')}</p>
      {diagnosed ? (
        <ReportButton loop={loop} />
      ) : (
        <button type="button" class="secondary" onClick={(event) => byUser(event) && loop.openReport()}>
          {t('hintDiagnose')}
        </button>
      )}
    </section>
  );
}

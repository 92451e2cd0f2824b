import { useEffect, useState } from 'preact/hooks';
import type { HintDevice, HintDeviceView, LoopAnswer } from '../../lib/protocol/hint';
import { clock } from '../common/clock';
import { t } from '../i18n';
import { CommandLine } from './CommandLine';
import { VerdictTag } from './VerdictTag';

/** What the hint asks the background for, to close the loop in the page (issue 10). */
export interface HintLoop {
  loadDevice(id: string): Promise<HintDeviceView | null>;
  recheck(id: string): Promise<LoopAnswer>;
  watch(id: string, on: boolean): Promise<LoopAnswer>;
  openReport(id?: string): void;
}

/** The failing/cleared line of a device, when the diagnosis knows the times. */
export function timesLine(device: Pick<HintDevice, 'failingSince' | 'clearedAt'>, lang: string): string {
  if (device.clearedAt) return t('hintClearedAt', clock(device.clearedAt, lang));
  return device.failingSince ? t('hintFailingSince', clock(device.failingSince, lang)) : '';
}

/**
 * The row's own device in the expanded hint: its verdict, management settings, evidence and runbook filled
 * with its values (the first step stands out), a watch until the alert clears, the way to the report. Loaded
 * from the background when the hint opens and again when the verdict changes.
 */
export function DeviceSection({ device, loop, lang }: { device: HintDevice; loop: HintLoop; lang: string }) {
  const [view, setView] = useState<HintDeviceView | 'loading' | 'failed'>('loading');
  const [answer, setAnswer] = useState('');
  useEffect(() => {
    let live = true;
    loop.loadDevice(device.id).then(
      (loaded) => live && setView(loaded ?? 'failed'),
      () => live && setView('failed'),
    );
    return () => {
      live = false;
    };
  }, [device.id, device.verdict, device.watching, device.clearedAt, loop]);

  if (view === 'loading' || view === 'failed') {
    return (
      <section class="device" data-section="device">
        <p role="status">{view === 'loading' ? t('hintDeviceLoading') : t('hintDeviceLoadFailed')}</p>
        <ReportButton loop={loop} id={device.id} />
      </section>
    );
  }
  const watch = async () => {
    const result = await loop.watch(device.id, !device.watching);
    setAnswer(result.ok ? (result.notify === false ? t('hintWatchNoNotifications') : '') : result.message);
  };
  const times = timesLine(device, lang);
  return (
    <section class="device" data-section="device">
      <h3>
        {t('hintDeviceTitle', view.name)} <VerdictTag verdict={device.verdict} lang={lang} />
      </h3>
      <p class="when">
        {times}
        {times && ' · '}
        {t('hintCheckedAt', clock(view.checkedAt, lang))}
      </p>
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
                {step.text}
                {step.commands.map((command) => (
                  <CommandLine
                    key={command.command}
                    command={{
                      command: command.command,
                      shell: command.shell,
                      purpose: '',
                      ...(command.expect ? { lookFor: command.expect } : {}),
                    }}
                  />
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
      {view.watching && view.watch && (
        <p class="when">
          {t(
            'hintWatchingUntil',
            String(Math.round(view.watch.everyMs / 60_000)),
            clock(view.watch.until, lang),
          )}
        </p>
      )}
      <p class="actions">
        {device.verdict !== 'healthy' || device.watching ? (
          <button type="button" class="secondary" onClick={watch}>
            {device.watching ? t('hintWatchStop') : t('hintWatch')}
          </button>
        ) : null}
        <ReportButton loop={loop} id={device.id} />
      </p>
      <p class="status" role="status">
        {answer}
      </p>
    </section>
  );
}

function ReportButton({ loop, id }: { loop: HintLoop; id?: string }) {
  return (
    <button type="button" class="secondary" onClick={() => loop.openReport(id)}>
      {t('hintOpenReport')}
    </button>
  );
}

/**
 * The hint's row has no device of the diagnosis: with none yet, the way to one (the report, which asks to sign
 * in when needed); with one, why no verdict shows here.
 */
export function DevicePrompt({ diagnosed, loop }: { diagnosed: boolean; loop: HintLoop }) {
  return (
    <section class="device" data-section={diagnosed ? 'no-device' : 'diagnose'}>
      <p>{diagnosed ? t('hintNoTie') : t('hintDiagnoseWhy')}</p>
      {diagnosed ? (
        <ReportButton loop={loop} />
      ) : (
        <button type="button" class="secondary" onClick={() => loop.openReport()}>
          {t('hintDiagnose')}
        </button>
      )}
    </section>
  );
}

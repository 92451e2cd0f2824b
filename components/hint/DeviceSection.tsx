import { useEffect, useState } from 'preact/hooks';
import { uiLang } from '../../lib/i18n';
import type { PageLoop } from '../../lib/page/bridge';
import type { HintDevice, HintDeviceView, HintStep } from '../../lib/protocol/hint';
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
import { type HealthPolicy, HintDetails, PolicyLink, type ResolvedEntry, SourceNote } from './HintDetails';
import { VerdictTag } from './VerdictTag';

/** The explanation of the row's alert, loaded from the background when the panel first opens. */
export type EntryLoad = { state: 'idle' | 'loading' | 'failed' } | { state: 'ready'; entry: ResolvedEntry };

/**
 * What the open panel says, in the order of issue 19. With the row's device: its section (verdict, cause, fix,
 * verify, actions, folded why), then the alert's explanation, folded. Before a diagnosis: the explanation's
 * triage, the way to a diagnosis, then the rest folded.
 */
export function PanelBody({
  device,
  diagnosed,
  loop,
  lang,
  load,
  policy,
}: {
  device: HintDevice | null;
  diagnosed: boolean;
  loop: PageLoop | undefined;
  lang: string;
  load: EntryLoad;
  policy: HealthPolicy | null;
}) {
  const prompt = loop && !device && <DevicePrompt diagnosed={diagnosed} loop={loop} />;
  return (
    <>
      {loop && device && <DeviceSection device={device} loop={loop} lang={lang} policy={policy} />}
      {load.state === 'ready' && policy ? (
        <HintDetails entry={load.entry} policy={policy} folded={!!device}>
          {prompt}
        </HintDetails>
      ) : (
        <>
          {prompt}
          <p role="status">{load.state === 'failed' ? t('hintLoadFailed') : t('hintLoading')}</p>
        </>
      )}
    </>
  );
}

/**
 * The row's own device in the expanded hint, in the one order of every surface (lib/diagnose/sections.ts): the
 * verdict and its cause, the fix (scenario 1's is the health policy, the primary action), how to verify it or
 * the checks, Watch and the report, then, folded, why this verdict and the alert's other results. Texts come
 * worded and sorted from the background (lib/features/hint-views.ts) through the content script's bridge
 * (`loop`, lib/page/bridge.ts), when the hint opens and when the verdict changes; Watch is the control our
 * pages use too (components/common/DeviceActions). Re-check is in the panel's head (Hint.tsx).
 */
export function DeviceSection({
  device,
  loop,
  lang,
  policy,
}: {
  device: HintDevice;
  loop: PageLoop;
  lang: string;
  policy: HealthPolicy | null;
}) {
  const [view, setView] = useState<HintDeviceView | 'loading' | 'failed'>('loading');
  // The watch's own answer line; the re-check's is in the panel's head (Hint.tsx).
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
    // Loaded again when the device changes: the row's cell keeps the same object until one of its fields
    // (verdict, watch, times) changes (lib/page/device-ties.ts `same`).
  }, [device, loop]);

  if (typeof view === 'string')
    return (
      <section class="device" data-section="device">
        <p role="status">{view === 'loading' ? t('hintDeviceLoading') : t('hintDeviceLoadFailed')}</p>
        <ReportButton loop={loop} id={device.id} />
      </section>
    );
  const sourceLang = uiLang(lang);
  return (
    <section class="device" data-section="device">
      <div data-section="cause">
        <h3>
          {view.title} <VerdictTag verdict={device.verdict} label={device.label} icon={device.icon} />
        </h3>
        <p class="cause">{view.cause}</p>
        <TimesLine
          times={{
            failingSince: device.failingSince,
            clearedAt: device.clearedAt,
            checkedAt: view.checkedAt,
          }}
          lang={lang}
          class="when"
        />
      </div>
      {view.steps.map(({ id, steps }, n) => (
        <div key={id} data-section={id}>
          <h4>{t(id === 'fix' ? 'fmcFix' : id === 'verify' ? 'fmcVerify' : 'fmcCheck')}</h4>
          {id === 'fix' && view.verdict === 'expected-integration-off' && policy && (
            // Scenario 1's fix is the FMC's health policy: its page is the primary action (issue 19).
            <PolicyLink policy={policy} />
          )}
          {n === 0 && view.ssh && <CommandLine command={view.ssh} />}
          <Steps steps={steps} lang={sourceLang} startHere={n === 0} />
        </div>
      ))}
      <div data-section="actions">
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
      </div>
      <details data-section="why">
        <summary>{t('hintDeviceEvidence')}</summary>
        <ul>
          {view.evidence.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
        <Steps steps={view.why} lang={sourceLang} />
      </details>
      {view.others && (
        <details data-section="other-results">
          <summary>{view.others.summary}</summary>
          <ul>
            {view.others.results.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** Runbook steps with their sources and commands (Copy, Expected); the first one stands out (hint.css). */
function Steps({ steps, lang, startHere }: { steps: HintStep[]; lang: 'en' | 'fr'; startHere?: boolean }) {
  return (
    <ol class="runbook">
      {steps.map((step, i) => (
        <li key={step.text} class={startHere && i === 0 ? 'first' : undefined}>
          {step.text} <SourceNote sources={step.sources} lang={lang} />
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
      <button type="button" class="secondary" onClick={(event) => byUser(event) && loop.openReport()}>
        {diagnosed ? t('hintOpenReport') : t('hintDiagnose')}
      </button>
    </section>
  );
}

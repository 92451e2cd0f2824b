import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { DeviceDiagnosis, RunbookStep } from '../../lib/diagnose';
import {
  causeText,
  deviceAddressLine,
  managementAddress,
  otherResultsText,
  sshCommand,
} from '../../lib/diagnose/device-text';
import {
  alertResultsSplit,
  type DeviceSectionId,
  deviceSections,
  sectionSteps,
} from '../../lib/diagnose/sections';
import type { Lang } from '../../lib/i18n';
import { CommandLine } from '../common/CommandLine';
import { useCopy } from '../common/copy';
import { SourceNote } from '../hint/HintDetails';
import { t, tn } from '../i18n';
import { TextLines } from './TextLines';
import { VerdictBadge } from './VerdictBadge';
import './diagnosis.css';

export interface DeviceDetailsProps {
  device: DeviceDiagnosis;
  lang: Lang;
  /** False where the surrounding list already names the device and its verdict (the popup). */
  heading?: boolean;
  /**
   * Re-check / Watch for this device (DeviceLoop), placed right after the fix and its verification, so in a
   * tall pane the controls are near the top; nothing when the caller shows them elsewhere.
   */
  actions?: ComponentChildren;
  /** The FMC's health policy page: scenario 1's fix, then the card's primary action. */
  healthPolicyUrl?: string | undefined;
}

/**
 * One device's card, in the order of `deviceSections` (lib/diagnose/sections.ts, issue 19): the verdict and its
 * cause, the device's address, the fix with its commands, how to verify it, Re-check / Watch, then folded why
 * this verdict (the evidence) and the alert's other results.
 */
export function DeviceDetails({
  device,
  lang,
  heading = true,
  actions,
  healthPolicyUrl,
}: DeviceDetailsProps) {
  const headingId = useId();
  const sections = deviceSections(device);
  // The first section with steps starts the work: its first step carries the "start here" mark.
  const first = sections.find((id) => id === 'fix' || id === 'verify' || id === 'check');
  const part = (id: DeviceSectionId) => {
    switch (id) {
      case 'cause':
        return (
          <section key={id} class="device-cause" data-section={id}>
            {heading && (
              <p class="device-meta">
                <VerdictBadge verdict={device.verdict} />
                <span class="muted">{t('fmcSoftwareVersion', device.version)}</span>
              </p>
            )}
            <p class="cause">{causeText(device, lang)}</p>
          </section>
        );
      case 'address':
        return <AddressSection key={id} device={device} />;
      case 'fix':
      case 'verify':
      case 'check':
        return (
          <section key={id} class={`device-steps device-${id}`} data-section={id}>
            <h4>{id === 'fix' ? t('fmcFix') : id === 'verify' ? t('fmcVerify') : t('fmcCheck')}</h4>
            {id === 'fix' && device.verdict === 'expected-integration-off' && healthPolicyUrl && (
              // Scenario 1's fix is in the FMC's health policy: its page is the card's primary action (issue 19).
              <p>
                <a class="button primary" href={healthPolicyUrl} target="_blank" rel="noreferrer">
                  {t('fmcOpenHealthPolicy')}
                </a>{' '}
                <span class="muted small">{t('hintOpensInNewTab')}</span>
              </p>
            )}
            <Steps
              steps={sectionSteps(device, id)}
              lang={lang}
              startHere={id === first}
              fold={id === 'verify'}
            />
          </section>
        );
      case 'actions':
        return actions ? (
          <section key={id} class="device-actions" data-section={id}>
            {actions}
          </section>
        ) : null;
      case 'why':
        return <WhySection key={id} device={device} lang={lang} />;
      case 'other-results':
        return (
          <details key={id} class="device-folded" data-section={id}>
            <summary>{otherResultsText(device, lang)}</summary>
            <ul class="alert-results" data-testid="alert-results">
              {alertResultsSplit(device).others.map((result, i) => (
                <li key={i}>{result}</li>
              ))}
            </ul>
          </details>
        );
    }
  };
  return (
    <article class="fmc-device" aria-labelledby={heading ? headingId : undefined} data-device-id={device.id}>
      {heading && (
        <h3 id={headingId} class="device-name">
          {device.name || device.id}
        </h3>
      )}
      {sections.map(part)}
    </article>
  );
}

/** "name · management address" with Copy, and the `ssh` line that opens the device's CLI. */
function AddressSection({ device }: { device: DeviceDiagnosis }) {
  const { status, copy } = useCopy();
  const address = managementAddress(device) ?? '';
  const ssh = sshCommand(device);
  return (
    <section class="device-address" data-section="address" aria-label={t('fmcManagementAddress')}>
      <p class="address-line" data-address-line={deviceAddressLine(device)}>
        <span class="device-name">{device.name || device.id}</span>
        {' · '}
        <span class="address" title={t('fmcManagementAddress')}>
          {address}
        </span>{' '}
        <button
          type="button"
          class="copy"
          aria-label={t('fmcCopyAddress', address)}
          onClick={(event) => copy(address, event)}
        >
          {t('hintCopy')}
        </button>{' '}
        <span class="status" role="status">
          {status === 'copied' ? t('hintCopied') : status === 'failed' ? t('hintCopyFailed') : ''}
        </span>
      </p>
      {ssh && <CommandLine command={ssh} />}
    </section>
  );
}

/**
 * Runbook steps, each with its source and its commands (Copy, Expected); the first marked "start here". With
 * `fold`, a verification keeps its first step and its last one (re-run the module, then Re-check, which follows)
 * in view and folds the deeper checks between them, so Re-check / Watch stay near the top of a tall pane.
 */
function Steps({
  steps,
  lang,
  startHere,
  fold = false,
}: {
  steps: RunbookStep[];
  lang: Lang;
  startHere: boolean;
  fold?: boolean;
}) {
  if (steps.length === 0) return null;
  // Folding a single step would hide as much as it saves.
  const folded = fold && steps.length > 3 ? steps.slice(1, -1) : [];
  const shown = folded.length > 0 ? [steps[0], steps[steps.length - 1]] : steps;
  const item = (step: RunbookStep | undefined, i: number, value?: number) =>
    step && <StepItem key={step.id} step={step} lang={lang} startHere={startHere && i === 0} value={value} />;
  // The steps keep their numbers through the fold: 1, then 2… inside it, then the last one's.
  return (
    <ol class="runbook">
      {item(shown[0], 0)}
      {folded.length > 0 && (
        <li class="more-steps">
          <details>
            <summary>{tn('fmcMoreChecks', folded.length)}</summary>
            <ol class="runbook" start={2}>
              {folded.map((step) => item(step, 1))}
            </ol>
          </details>
        </li>
      )}
      {shown.slice(1).map((step) => item(step, 1, folded.length > 0 ? steps.length : undefined))}
    </ol>
  );
}

function StepItem({
  step,
  lang,
  startHere,
  value,
}: {
  step: RunbookStep;
  lang: Lang;
  startHere: boolean;
  value?: number | undefined;
}) {
  return (
    <li data-step={step.id} class={startHere ? 'first' : undefined} value={value}>
      <p>
        {startHere && <span class="start-here">{t('fmcStartHere')}</span>}
        {step.text[lang]}
        {/* Where the step comes from; a diagnosis stored before issue 18 has none. */}
        <SourceNote sources={step.sources} lang={lang} />
      </p>
      {step.commands.map((command) => (
        <div key={command.command}>
          <CommandLine command={command.command} shell={command.shell} expect={command.expect?.[lang]} />
          {command.expect && <SourceNote sources={command.sources} lang={lang} />}
        </div>
      ))}
    </li>
  );
}

/** Folded: the facts the verdict rests on, the steps that re-read them on the device, the cross-checks. */
function WhySection({ device, lang }: { device: DeviceDiagnosis; lang: Lang }) {
  return (
    <details class="device-folded" data-section="why">
      <summary>{t('hintDeviceEvidence')}</summary>
      <ul class="evidence">
        {device.evidence.map((item, i) => (
          <li key={i} data-evidence={item.id}>
            <TextLines text={item.text[lang]} />
          </li>
        ))}
      </ul>
      <Steps steps={sectionSteps(device, 'why')} lang={lang} startHere={false} />
      {device.flags.length > 0 && (
        <>
          <h4>{t('fmcDeviceFlags')}</h4>
          <ul class="flags">
            {device.flags.map((flag) => (
              <li key={flag.id} data-flag={flag.id}>
                {flag.text[lang]}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

import { useId } from 'preact/hooks';
import type { DeviceDiagnosis } from '../../lib/diagnose';
import type { Lang } from '../../lib/i18n';
import { CommandLine } from '../common/CommandLine';
import { SourceNote } from '../hint/HintDetails';
import { t } from '../i18n';
import { TextLines } from './TextLines';
import { VerdictBadge } from './VerdictBadge';
import './diagnosis.css';

/** One device's diagnosis: the facts the verdict rests on, the runbook to fix it, and the cross-checks. */
/** `heading`: false where the surrounding list already names the device and its verdict (the popup). */
export function DeviceDetails({
  device,
  lang,
  heading = true,
}: {
  device: DeviceDiagnosis;
  lang: Lang;
  heading?: boolean;
}) {
  const headingId = useId();
  return (
    <article class="fmc-device" aria-labelledby={heading ? headingId : undefined} data-device-id={device.id}>
      {heading && (
        <>
          <h3 id={headingId} class="device-name">
            {device.name || device.id}
          </h3>
          <p class="device-meta">
            <VerdictBadge verdict={device.verdict} />
            <span class="muted">{t('fmcSoftwareVersion', device.version)}</span>
          </p>
        </>
      )}

      <h4>{t('fmcEvidence')}</h4>
      <ul class="evidence">
        {device.evidence.map((item, i) => (
          <li key={i} data-evidence={item.id}>
            <TextLines text={item.text[lang]} />
          </li>
        ))}
      </ul>

      {(device.alert?.results.length ?? 0) > 0 && (
        // The evidence quotes the failing results; here every result of the alert, one a line, failing first.
        <>
          <h4>{t('fmcAlertText')}</h4>
          <ul class="alert-results" data-testid="alert-results">
            {device.alert?.results.map((result, i) => (
              <li key={i}>{result}</li>
            ))}
          </ul>
        </>
      )}

      <h4>{t('fmcRunbook')}</h4>
      {device.runbook.length === 0 ? (
        <p>{t('fmcNoSteps')}</p>
      ) : (
        <ol class="runbook">
          {device.runbook.map((step) => (
            <li key={step.id} data-step={step.id}>
              <p>
                {step.text[lang]}
                {/* Where the step comes from; a diagnosis stored before issue 18 has none. */}
                <SourceNote sources={step.sources} lang={lang} />
              </p>
              {step.commands.map((command) => (
                <div key={command.command}>
                  <CommandLine
                    command={command.command}
                    shell={command.shell}
                    expect={command.expect?.[lang]}
                  />
                  {command.expect && <SourceNote sources={command.sources} lang={lang} />}
                </div>
              ))}
            </li>
          ))}
        </ol>
      )}

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
    </article>
  );
}

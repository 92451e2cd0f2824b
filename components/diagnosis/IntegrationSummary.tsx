import { useId } from 'preact/hooks';
import type { Diagnosis } from '../../lib/diagnose';
import { kindsList } from '../../lib/diagnose/evidence';
import { CLOUD_EVENTS_LABELS, MD_TEXT, SECUREX_LABELS } from '../../lib/diagnose/markdown-text';
import type { Lang } from '../../lib/i18n';
import { fill } from '../../lib/i18n';
import { t } from '../i18n';
import './diagnosis.css';

export interface IntegrationSummaryProps {
  diagnosis: Diagnosis;
  lang: Lang;
  /** Where the FMC's health policy page is; scenario 1 links to it (the fix is to switch the module off). */
  healthPolicyUrl?: string;
}

/**
 * The FMC-wide facts that decide between the two scenarios, worded like the Markdown export (same labels), and
 * the scenario itself with the note on how it was inferred: the FMC never states it.
 */
export function IntegrationSummary({ diagnosis, lang, healthPolicyUrl }: IntegrationSummaryProps) {
  const headingId = useId();
  const { fmc, integration } = diagnosis;
  const events = CLOUD_EVENTS_LABELS[integration.cloudEvents] ?? CLOUD_EVENTS_LABELS.error;
  const securex = SECUREX_LABELS[integration.securex] ?? SECUREX_LABELS.error;
  const inference = integration.scenarioInference;
  const scenario1 = integration.scenario === 1;
  return (
    <section class="fmc-integration" aria-labelledby={headingId} data-scenario={integration.scenario}>
      <h2 id={headingId}>{t('fmcIntegrationHeading')}</h2>
      <dl>
        <dt>{t('fmcVersionLabel')}</dt>
        <dd data-field="version">{fmc.version}</dd>
        <dt>{t('fmcDomain')}</dt>
        <dd data-field="domain">{fmc.domain.name}</dd>
        <dt>{t('fmcCloudEvents')}</dt>
        <dd data-field="cloud-events">
          {events && fill(events[lang], { kinds: kindsList(integration.eventsSent) }, lang)}
        </dd>
        <dt>{t('fmcSecurex')}</dt>
        <dd data-field="securex">{securex?.[lang]}</dd>
        <dt>{t('fmcRegion')}</dt>
        <dd data-field="region">
          {integration.region ?? MD_TEXT.regionUnknown[lang]} — <code>{integration.sseHost}</code>
        </dd>
        <dt>{t('fmcScenarioLabel')}</dt>
        <dd data-field="scenario">
          <p>
            <strong>{scenario1 ? t('fmcScenario1') : t('fmcScenario2')}</strong>{' '}
            <span class="muted">
              {inference.uncertain ? t('fmcScenarioUncertain') : t('fmcScenarioInferred')}
            </span>
          </p>
          <p>{inference.note[lang]}</p>
          {scenario1 && healthPolicyUrl && (
            // Scenario 1's fix, so a button, not a small link (issue 19).
            <p>
              <a class="button primary" href={healthPolicyUrl} target="_blank" rel="noreferrer">
                {t('fmcOpenHealthPolicy')}
              </a>{' '}
              <span class="muted">{t('hintOpensInNewTab')}</span>
            </p>
          )}
        </dd>
      </dl>
    </section>
  );
}

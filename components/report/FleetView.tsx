import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { Diagnosis } from '../../lib/diagnose';
import type { Lang } from '../../lib/i18n';
import { patternForUrl } from '../../lib/origins';
import { type HealthPolicyTarget, resolveHealthPolicyOffPage } from '../../lib/page/health-policy';
import { readHealthPolicyOverride } from '../../lib/platform/storage';
import { reportDevice } from '../../lib/protocol/report-url';
import { DeviceDetails } from '../diagnosis/DeviceDetails';
import { DeviceLoop, WatchAllFailing } from '../diagnosis/DeviceLoop';
import { IntegrationSummary } from '../diagnosis/IntegrationSummary';
import { useWatches } from '../diagnosis/useWatches';
import { t } from '../i18n';
import { FleetFlags } from './FleetFlags';
import { FleetTable } from './FleetTable';
import { DEFAULT_QUERY, followSelection, type TableQuery, visibleDevices } from './table-model';
import { VerdictCounts } from './VerdictCounts';

/** A diagnosis laid out: FMC-wide facts, counts, fleet cross-checks, then the table and one device's runbook. */
export function FleetView({ diagnosis, origin, lang }: { diagnosis: Diagnosis; origin: string; lang: Lang }) {
  const detailsId = useId();
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  // Opened from a hint or a notification (`&device=`): that device's runbook shows first.
  const [selectedId, setSelectedId] = useState<string | null>(() => reportDevice(location.search));
  const watches = useWatches(origin);
  const [policy, setPolicy] = useState<HealthPolicyTarget | null>(null);
  const scenario1 = diagnosis.integration.scenario === 1;
  const version = diagnosis.fmc.version;

  useEffect(() => {
    if (!scenario1) return;
    let live = true;
    // No FMC page to read the menu from: the user's address for this FMC, else the guess by version.
    const pattern = patternForUrl(origin);
    (pattern ? readHealthPolicyOverride(pattern) : Promise.resolve(undefined)).then(
      (override) => live && setPolicy(resolveHealthPolicyOffPage(origin, version, override)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [origin, version, scenario1]);

  // The details pane follows the filter (issue 19): a device the filter hides gives way to the first one shown.
  const shown = useMemo(() => visibleDevices(diagnosis.devices, query), [diagnosis.devices, query]);
  const followedId = followSelection(selectedId, shown);
  useEffect(() => {
    if (followedId !== selectedId) setSelectedId(followedId);
  }, [followedId, selectedId]);
  const selected = diagnosis.devices.find((device) => device.id === followedId);
  const select = (id: string) => {
    setSelectedId(id);
    // Below the table on narrow windows: bring the runbook into view when none of it shows, without moving the
    // keyboard focus. Beside the table (sticky) it is already in view and the page must not jump.
    requestAnimationFrame(() => {
      const details = document.getElementById(detailsId);
      const box = details?.getBoundingClientRect();
      if (box && (box.top >= window.innerHeight || box.bottom <= 0))
        details?.scrollIntoView({ block: 'start' });
    });
  };

  return (
    <div class="fleet-view">
      <div class="overview">
        <div>
          <IntegrationSummary
            diagnosis={diagnosis}
            lang={lang}
            {...(scenario1 && policy ? { healthPolicyUrl: policy.url } : {})}
          />
          {scenario1 && policy?.guessed && <p class="muted small">{t('reportPolicyGuess')}</p>}
        </div>
        <div>
          <VerdictCounts
            counts={diagnosis.counts}
            active={query.verdict}
            onPick={(verdict) => setQuery({ ...query, verdict })}
            lang={lang}
          />
          <FleetFlags diagnosis={diagnosis} lang={lang} />
        </div>
      </div>
      <div class="row devices-head">
        <h2>{t('reportDevicesHeading')}</h2>
        <WatchAllFailing origin={origin} devices={diagnosis.devices} lang={lang} />
      </div>
      <div class="devices">
        <FleetTable
          devices={diagnosis.devices}
          query={query}
          onQuery={setQuery}
          selectedId={followedId}
          onSelect={select}
          watched={watches}
          lang={lang}
        />
        <aside id={detailsId} class="details" aria-label={t('reportDetailsHeading')}>
          {selected ? (
            <>
              {/* Re-check / Watch right after the fix and its verification (issue 19), not below a tall pane. */}
              <DeviceDetails
                device={selected}
                lang={lang}
                actions={
                  <DeviceLoop
                    origin={origin}
                    device={selected}
                    lang={lang}
                    watch={watches[selected.id]}
                    direct={true}
                  />
                }
                {...(selected.verdict === 'expected-integration-off' && policy
                  ? { healthPolicyUrl: policy.url }
                  : {})}
              />
            </>
          ) : (
            <p class="muted">{t('reportPickDevice')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}

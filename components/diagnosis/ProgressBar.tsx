import { useRef } from 'preact/hooks';
import type { DoctorProgress } from '../../lib/doctor/run';
import { currentLang, t, tn } from '../i18n';
import { formatDuration } from './duration';
import './diagnosis.css';

/** The bar's resolution: its value is a share of this. */
const BAR_MAX = 1000;

/**
 * Requests done out of those expected, and the time left at the FMC's allowed rate. `expected` is 0 until the
 * first answers tell how many there will be: the bar is indeterminate meanwhile. `expected` grows once the
 * failing devices are known (their `show network`) and with every retry, so done/expected can drop: the bar
 * never moves backwards within one run (`runKey`, the run's start), it holds until the share passes it again
 * (issue 19). The words keep the exact counts.
 */
export function ProgressBar({ progress, runKey }: { progress: DoctorProgress; runKey?: number }) {
  const { done, expected, etaMs } = progress;
  const known = expected > 0;
  const shown = useRef<{ key: number | undefined; value: number }>({ key: runKey, value: 0 });
  if (shown.current.key !== runKey) shown.current = { key: runKey, value: 0 };
  const share = known ? Math.round((Math.min(done, expected) / expected) * BAR_MAX) : 0;
  shown.current.value = Math.max(shown.current.value, share);
  const counted = known ? tn('fmcProgressRequests', expected, String(Math.min(done, expected))) : '';
  const left = known && done < expected ? t('fmcProgressLeft', formatDuration(etaMs, currentLang())) : '';
  const phase = phaseText(progress);
  return (
    <div class="fmc-progress" data-testid="progress" data-phase={progress.phase}>
      {phase && <p class="phase">{phase}</p>}
      <progress
        aria-label={t('fmcProgressLabel')}
        aria-valuetext={counted || t('fmcProgressStarting')}
        {...(known ? { max: BAR_MAX, value: shown.current.value } : {})}
      />
      <p class="muted">{known ? [counted, left].filter(Boolean).join(' · ') : t('fmcProgressStarting')}</p>
    </div>
  );
}

/** The run's phase in words (issue 19); none for a state written before phases were. */
function phaseText({ phase, commands }: DoctorProgress): string | null {
  switch (phase) {
    case 'sign-in':
      return t('fmcPhaseSignIn');
    case 'fleet':
      return t('fmcPhaseFleet');
    case 'show-network':
      return t('fmcPhaseShowNetwork', String(commands?.done ?? 0), String(commands?.total ?? 0));
    case 'dns':
      return t('fmcPhaseDns');
    default:
      return null;
  }
}

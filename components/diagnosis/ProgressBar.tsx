import type { DoctorProgress } from '../../lib/doctor/run';
import { currentLang, t } from '../i18n';
import { formatDuration } from './duration';
import './diagnosis.css';

/**
 * Requests done out of those expected, and the time left at the FMC's allowed rate. `expected` is 0 until the
 * first answers tell how many there will be: the bar is indeterminate meanwhile.
 */
export function ProgressBar({ progress }: { progress: DoctorProgress }) {
  const { done, expected, etaMs } = progress;
  const known = expected > 0;
  const counted = known ? t('fmcProgressRequests', String(Math.min(done, expected)), String(expected)) : '';
  const left = known && done < expected ? t('fmcProgressLeft', formatDuration(etaMs, currentLang())) : '';
  return (
    <div class="fmc-progress">
      <progress
        aria-label={t('fmcProgressLabel')}
        aria-valuetext={counted || t('fmcProgressStarting')}
        {...(known ? { max: expected, value: Math.min(done, expected) } : {})}
      />
      <p class="muted">{known ? [counted, left].filter(Boolean).join(' · ') : t('fmcProgressStarting')}</p>
    </div>
  );
}

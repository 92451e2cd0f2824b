import { useId } from 'preact/hooks';
import { type Diagnosis, VERDICTS, type Verdict } from '../../lib/diagnose';
import { VERDICT_LABELS } from '../../lib/diagnose/markdown-text';
import type { Lang } from '../../lib/i18n';
import { VerdictBadge } from '../diagnosis/VerdictBadge';
import { t } from '../i18n';
import type { VerdictFilter } from './table-model';

export interface VerdictCountsProps {
  counts: Diagnosis['counts'];
  /** The verdict the table shows only, or 'all', or 'failing'. */
  active: VerdictFilter;
  onPick(verdict: Verdict | 'all'): void;
  lang: Lang;
}

/** How many devices got each verdict; each count filters the table to its devices (pressed again: all). */
export function VerdictCounts({ counts, active, onPick, lang }: VerdictCountsProps) {
  const headingId = useId();
  const present = VERDICTS.filter((verdict) => (counts[verdict] ?? 0) > 0);
  return (
    <section class="verdict-counts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reportCountsHeading')}</h2>
      <ul>
        {present.map((verdict) => (
          <li key={verdict} data-verdict={verdict}>
            <button
              type="button"
              aria-pressed={active === verdict}
              aria-label={t('reportCountFilter', VERDICT_LABELS[verdict][lang], String(counts[verdict]))}
              onClick={() => onPick(active === verdict ? 'all' : verdict)}
            >
              <VerdictBadge verdict={verdict} /> <strong class="count">{counts[verdict]}</strong>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

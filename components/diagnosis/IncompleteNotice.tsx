import { useId } from 'preact/hooks';
import type { Diagnosis } from '../../lib/diagnose';
import { INCOMPLETE_TEXT, PART_LABELS } from '../../lib/diagnose/incomplete';
import type { Lang } from '../../lib/i18n';
import './diagnosis.css';

/**
 * "Incomplete": each piece of the diagnosis that could not be read after the retries, and why, worded as in
 * the exports. Shown above the result, so that nothing below reads as the whole picture when it is not.
 */
export function IncompleteNotice({ diagnosis, lang }: { diagnosis: Diagnosis; lang: Lang }) {
  const headingId = useId();
  if (diagnosis.incomplete.length === 0) return null;
  return (
    <section
      class="fmc-notice fmc-notice-incomplete"
      role="status"
      aria-labelledby={headingId}
      data-testid="incomplete-notice"
    >
      <p id={headingId} class="notice-title">
        {INCOMPLETE_TEXT.heading[lang]}
      </p>
      <p>{INCOMPLETE_TEXT.intro[lang]}</p>
      <ul>
        {diagnosis.incomplete.map((entry) => (
          <li key={entry.part} data-part={entry.part}>
            <strong>{PART_LABELS[entry.part][lang]}</strong> — {entry.reason[lang]}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { VERDICT_ICONS, VERDICT_LABELS } from '../../lib/diagnose/labels';
import type { Verdict } from '../../lib/diagnose/types';
import type { Lang } from '../../lib/i18n';

/**
 * A verdict in the hint, with the popup's and report's label, colours and shape (lib/diagnose/labels.ts,
 * components/diagnosis/verdict.css, here inside the shadow root). Text only: nothing from the page or the FMC is markup.
 */
export function VerdictTag({ verdict, lang, title }: { verdict: Verdict; lang: string; title?: string }) {
  const label = VERDICT_LABELS[verdict][lang === 'fr' ? 'fr' : ('en' satisfies Lang)];
  return (
    <span class={`verdict verdict-${verdict}`} title={title}>
      <span class="verdict-icon" aria-hidden="true">
        {VERDICT_ICONS[verdict]}
      </span>
      {label}
    </span>
  );
}

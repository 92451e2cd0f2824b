import type { Verdict } from '../../lib/diagnose';
import { VERDICT_ICONS, VERDICT_LABELS } from '../../lib/diagnose/labels';
import { currentLang } from '../i18n';
import './diagnosis.css';

/** The verdict in words, with a colour and a symbol as extra cues. Same labels as the Markdown export. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <span class="verdict-icon" aria-hidden="true">
        {VERDICT_ICONS[verdict]}
      </span>
      {VERDICT_LABELS[verdict][currentLang()]}
    </span>
  );
}

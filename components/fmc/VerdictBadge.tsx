import type { Verdict } from '../../lib/diagnose';
import { VERDICT_LABELS } from '../../lib/diagnose/markdown-text';
import { currentLang } from './lang';
import './fmc.css';

/** A shape per kind of verdict, so the badge reads without colour too (the label says it in words). */
const ICONS: Record<Verdict, string> = {
  healthy: '✓',
  'expected-integration-off': '–',
  'dns-missing': '✕',
  proxy: '✕',
  connectivity: '✕',
  unknown: '?',
};

/** The verdict in words, with a colour and a symbol as extra cues. Same labels as the Markdown export. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`verdict verdict-${verdict}`} data-verdict={verdict}>
      <span class="verdict-icon" aria-hidden="true">
        {ICONS[verdict]}
      </span>
      {VERDICT_LABELS[verdict][currentLang()]}
    </span>
  );
}

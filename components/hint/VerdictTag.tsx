import type { Verdict } from '../../lib/diagnose/types';

/**
 * A verdict in the hint, with the popup's and report's label, colours and shape (lib/diagnose/labels.ts,
 * components/diagnosis/verdict.css, here inside the shadow root). Text only: nothing from the page or the FMC is markup.
 * The label comes worded from the background (`HintDevice.label`): the content script bundles no labels.
 */
export function VerdictTag({
  verdict,
  label,
  icon,
  title,
}: {
  verdict: Verdict;
  label: string;
  icon: string;
  title?: string;
}) {
  return (
    <span class={`verdict verdict-${verdict}`} title={title}>
      <span class="verdict-icon" aria-hidden="true">
        {icon}
      </span>
      {label}
    </span>
  );
}

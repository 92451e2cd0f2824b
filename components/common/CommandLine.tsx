import { t } from '../i18n';
import { useCopy } from './copy';

export interface CommandLineProps {
  /** Exactly what the admin types. */
  command: string;
  /** `cli` is the device's `>` prompt; `expert` the Linux shell reached with `expert`. */
  shell: 'cli' | 'expert';
  /** Why to run it (the knowledge base's commands). */
  purpose?: string | undefined;
  /** What to look for in its output (the knowledge base's commands). */
  lookFor?: string | undefined;
  /** A healthy output, verbatim, folded away (the knowledge base's commands). */
  healthyOutput?: string | undefined;
  /** What a good output shows (a runbook's commands). */
  expect?: string | undefined;
}

/**
 * One command: where to type it, the text with a copy button, and what the output should show. The same in the
 * hint (its shadow root's stylesheet styles `.command`, components/hint/styles.ts) and in our pages (their
 * stylesheet styles `.fmc-command`, components/diagnosis/diagnosis.css): both names stay, tests select both.
 */
export function CommandLine({ command, shell, purpose, lookFor, healthyOutput, expect }: CommandLineProps) {
  const { status, copy } = useCopy();
  return (
    <div class="command fmc-command">
      <span class="shell">{shell === 'cli' ? t('hintShellCli') : t('hintShellExpert')}</span>
      <code>{command}</code>
      <button
        type="button"
        class="copy"
        aria-label={t('hintCopyLabel', command)}
        onClick={(event) => copy(command, event)}
      >
        {t('hintCopy')}
      </button>
      <span class="status" role="status">
        {status === 'copied' ? t('hintCopied') : status === 'failed' ? t('hintCopyFailed') : ''}
      </span>
      {purpose && <span class="purpose">{purpose}</span>}
      {lookFor && (
        <span class="purpose">
          {t('hintLookFor')} {lookFor}
        </span>
      )}
      {healthyOutput && (
        <details class="healthy purpose">
          <summary>{t('hintHealthyOutput')}</summary>
          <pre>{healthyOutput}</pre>
        </details>
      )}
      {expect && (
        <p class="expect">
          <span class="expect-label">{t('fmcGoodOutput')}</span> {expect}
        </p>
      )}
    </div>
  );
}

import { t } from '../i18n';
import { useCopy } from './copy';

export interface CommandLineProps {
  /** Exactly what the admin types. */
  command: string;
  /**
   * `cli` is the device's `>` prompt; `expert` the Linux shell reached with `expert`; none for a command the
   * admin types on their own computer (`ssh admin@<address>`).
   */
  shell?: 'cli' | 'expert' | undefined;
  /** Why to run it (the knowledge base's commands). */
  purpose?: string | undefined;
  /** A healthy output, verbatim, folded away (the knowledge base's commands). */
  healthyOutput?: string | undefined;
  /**
   * What its output shows once fixed or on a working device (a runbook's commands, the knowledge base's
   * `lookFor`), under the one label "Expected" (issue 19).
   */
  expect?: string | undefined;
}

/**
 * One command: where to type it, the text with a copy button, and what the output should show. The same in the
 * hint (its shadow root's stylesheet styles `.command`, components/hint/styles.ts) and in our pages (their
 * stylesheet styles `.fmc-command`, components/diagnosis/diagnosis.css): both names stay, tests select both.
 */
export function CommandLine({ command, shell, purpose, healthyOutput, expect }: CommandLineProps) {
  const { status, copy } = useCopy();
  return (
    <div class="command fmc-command">
      {shell && <span class="shell">{shell === 'cli' ? t('hintShellCli') : t('hintShellExpert')}</span>}
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
      {expect && (
        <p class="expect">
          <span class="expect-label">{t('fmcExpected')}</span> {expect}
        </p>
      )}
      {healthyOutput && (
        <details class="healthy purpose">
          <summary>{t('hintHealthyOutput')}</summary>
          <pre>{healthyOutput}</pre>
        </details>
      )}
    </div>
  );
}

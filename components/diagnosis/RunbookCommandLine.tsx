import type { RunbookCommand } from '../../lib/diagnose';
import type { Lang } from '../../lib/i18n';
import { useCopy } from '../common/copy';
import { t } from '../i18n';

/** One command of a runbook step: where to type it, the text with a copy button, what a good output shows. */
export function RunbookCommandLine({ command, lang }: { command: RunbookCommand; lang: Lang }) {
  const { status, copy } = useCopy();
  return (
    <div class="fmc-command">
      <span class="shell">{command.shell === 'cli' ? t('hintShellCli') : t('hintShellExpert')}</span>
      <code>{command.command}</code>
      <button
        type="button"
        class="copy"
        aria-label={t('hintCopyLabel', command.command)}
        onClick={(event) => copy(command.command, event)}
      >
        {t('hintCopy')}
      </button>
      <span class="status" role="status">
        {status === 'copied' ? t('hintCopied') : status === 'failed' ? t('hintCopyFailed') : ''}
      </span>
      {command.expect && (
        <p class="expect">
          <span class="expect-label">{t('fmcGoodOutput')}</span> {command.expect[lang]}
        </p>
      )}
    </div>
  );
}

import type { Resolved } from '../../lib/knowledge/resolve';
import type { Command } from '../../lib/knowledge/schema';
import { useCopy } from '../common/copy';
import { t } from '../i18n';

export function CommandLine({ command }: { command: Resolved<Command> }) {
  const { status, copy } = useCopy();
  const onCopy = (event: Event) => copy(command.command, event);
  return (
    <div class="command">
      <span class="shell">{command.shell === 'cli' ? t('hintShellCli') : t('hintShellExpert')}</span>
      <code>{command.command}</code>
      <button type="button" class="copy" aria-label={t('hintCopyLabel', command.command)} onClick={onCopy}>
        {t('hintCopy')}
      </button>
      <span class="status" role="status">
        {status === 'copied' ? t('hintCopied') : status === 'failed' ? t('hintCopyFailed') : ''}
      </span>
      <span class="purpose">{command.purpose}</span>
      {command.lookFor && (
        <span class="purpose">
          {t('hintLookFor')} {command.lookFor}
        </span>
      )}
      {command.healthyOutput && (
        <details class="healthy purpose">
          <summary>{t('hintHealthyOutput')}</summary>
          <pre>{command.healthyOutput}</pre>
        </details>
      )}
    </div>
  );
}

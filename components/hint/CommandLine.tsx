import { useState } from 'preact/hooks';
import type { Resolved } from '../../lib/knowledge/resolve';
import type { Command } from '../../lib/knowledge/schema';
import { t } from '../i18n';

async function copyText(text: string, scratchParent: Node): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // FMCs are often served over plain http or a self-signed certificate, where the async clipboard is off.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    scratchParent.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CommandLine({ command }: { command: Resolved<Command> }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async (event: Event) => {
    const button = event.currentTarget as HTMLElement;
    setStatus((await copyText(command.command, button.parentNode ?? button)) ? 'copied' : 'failed');
  };
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

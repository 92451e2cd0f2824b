import { useState } from 'preact/hooks';

export type CopyStatus = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard; true when the browser says it did. */
export async function copyText(text: string, scratchParent: Node): Promise<boolean> {
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

/**
 * A copy button's state: `copy(text, event)` copies and remembers whether it worked. The scratch textarea goes
 * next to the button, so inside a shadow root it stays in the same tree as the focus.
 */
export function useCopy(): { status: CopyStatus; copy(text: string, event: Event): Promise<void> } {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const copy = async (text: string, event: Event) => {
    const button = event.currentTarget as HTMLElement;
    setStatus((await copyText(text, button.parentNode ?? button)) ? 'copied' : 'failed');
  };
  return { status, copy };
}

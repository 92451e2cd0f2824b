import { type Browser, browser } from 'wxt/browser';
import { entryById } from '../knowledge';
import { resolveLang } from '../knowledge/resolve';
import { ExtensionMessage } from './messages';

export interface MessageHandlers {
  recordFrameCount(tabId: number, frameId: number, count: number): Promise<number>;
  tabCount(tabId: number): Promise<number>;
  /** Starts (or joins) the diagnosis of an FMC; progress and result go to storage.session. */
  diagnose(origin: string): void;
  cancelDiagnosis(origin: string): void;
}

/** Our popup, options and report pages (a content script's sender URL is the web page's). */
const isExtensionPage = (sender: Browser.runtime.MessageSender) =>
  sender.url?.startsWith(browser.runtime.getURL('/')) === true;

let dropped = 0;
/** How many messages were refused since the background started (shown in tests and diagnostics). */
export const droppedMessageCount = () => dropped;

/**
 * Validates and routes a runtime message. Only this extension's own scripts can reach us (there is no
 * `externally_connectable`), but a message is still checked for its sender and its shape before any action:
 * a compromised page cannot forge a content script, yet a bug must not become an action.
 */
export function handleMessage(
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  handlers: MessageHandlers,
): Promise<unknown> | undefined {
  const parsed = ExtensionMessage.safeParse(raw);
  if (sender.id !== browser.runtime.id || !parsed.success) {
    dropped++;
    return undefined;
  }
  const message = parsed.data;
  switch (message.type) {
    case 'hint-count': {
      // Content scripts only: our report page also lives in a tab, but it has no hints to count.
      const tabId = sender.tab?.id;
      if (tabId === undefined || isExtensionPage(sender)) break;
      return handlers.recordFrameCount(tabId, sender.frameId ?? 0, message.count);
    }
    case 'knowledge': {
      const entry = entryById(message.id);
      return Promise.resolve(entry ? resolveLang(entry, message.lang) : null);
    }
    case 'tab-hint-count':
      // Extension pages only: a content script has no business asking about other tabs.
      if (!isExtensionPage(sender)) break;
      return handlers.tabCount(message.tabId);
    case 'diagnose':
      if (!isExtensionPage(sender)) break;
      handlers.diagnose(message.origin);
      return Promise.resolve(true);
    case 'cancel-diagnosis':
      if (!isExtensionPage(sender)) break;
      handlers.cancelDiagnosis(message.origin);
      return Promise.resolve(true);
  }
  dropped++;
  return undefined;
}

import { type Browser, browser } from 'wxt/browser';
import type { Lang } from '../i18n';
import { entryById } from '../knowledge';
import { resolveLang } from '../knowledge/resolve';
import type { Answers } from '../platform/messaging';
import { ExtensionMessage } from '../protocol/messages';

// The handlers answer what the typed senders expect (`Answers`, lib/platform/messaging.ts): their return
// types come from there, and every answer below goes through `answer`, so the two cannot drift.

export interface MessageHandlers {
  recordFrameCount(tabId: number, frameId: number, count: number): Promise<Answers['hint-count']>;
  tabCount(tabId: number): Promise<Answers['tab-hint-count']>;
  /** Starts (or joins) the diagnosis of an FMC; progress and result go to storage.session. */
  diagnose(origin: string): void;
  /** The loop in the page (issue 10). Absent in a context that does not serve it: the message is dropped. */
  loop?: LoopHandlers;
}

export interface LoopHandlers {
  /** Whether the user enabled this FMC (a content script's origin must be one). */
  isEnabled(origin: string): Promise<boolean>;
  settings(origin: string): Promise<Answers['hint-settings']>;
  verdicts(origin: string): Promise<Answers['hint-verdicts']>;
  device(origin: string, deviceId: string, lang: Lang): Promise<Answers['hint-device']>;
  recheck(origin: string, deviceId: string, lang: Lang): Promise<Answers['recheck']>;
  watch(origin: string, deviceIds: string[], on: boolean, lang: Lang): Promise<Answers['watch']>;
  /** Whatever it resolves to, the sender gets `Answers['open-report']` once the tab is open. */
  openReport(origin: string, deviceId: string | undefined): Promise<unknown>;
}

type Answer = Answers[keyof Answers];

/** The answer to a message of type `T`, checked against `Answers[T]`. */
const answer = <T extends keyof Answers>(_type: T, value: Promise<Answers[T]>): Promise<Answers[T]> => value;

/** Our popup, options and report pages (a content script's sender URL is the web page's). */
const isExtensionPage = (sender: Browser.runtime.MessageSender) =>
  sender.url?.startsWith(browser.runtime.getURL('/')) === true;

/**
 * The FMC a loop message is about. A content script speaks only for its own page's origin (a message naming
 * another is dropped), and only for an FMC the user enabled; our pages name the FMC.
 */
async function loopOrigin(
  sender: Browser.runtime.MessageSender,
  named: string | undefined,
  loop: LoopHandlers,
): Promise<string | null> {
  if (isExtensionPage(sender)) return named ?? null;
  if (named !== undefined || !sender.url || sender.tab === undefined) return null;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  if (origin === 'null' || !(await loop.isEnabled(origin))) return null;
  return origin;
}

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
): Promise<Answer | undefined> | undefined {
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
      return answer(message.type, handlers.recordFrameCount(tabId, sender.frameId ?? 0, message.count));
    }
    case 'knowledge': {
      const entry = entryById(message.id);
      return answer(message.type, Promise.resolve(entry ? resolveLang(entry, message.lang) : null));
    }
    case 'tab-hint-count':
      // Extension pages only: a content script has no business asking about other tabs.
      if (!isExtensionPage(sender)) break;
      return answer(message.type, handlers.tabCount(message.tabId));
    case 'diagnose':
      if (!isExtensionPage(sender)) break;
      handlers.diagnose(message.origin);
      return answer(message.type, Promise.resolve(true));
    case 'hint-settings':
    case 'hint-verdicts':
    case 'hint-device':
    case 'recheck':
    case 'watch':
    case 'open-report': {
      const loop = handlers.loop;
      if (!loop) break;
      const named = 'origin' in message ? message.origin : undefined;
      return loopOrigin(sender, named, loop).then((origin): Promise<Answer> | undefined => {
        if (origin === null) {
          dropped++;
          return undefined;
        }
        const lang = 'lang' in message && message.lang ? message.lang : 'en';
        switch (message.type) {
          case 'hint-settings':
            return answer(message.type, loop.settings(origin));
          case 'hint-verdicts':
            return answer(message.type, loop.verdicts(origin));
          case 'hint-device':
            return answer(message.type, loop.device(origin, message.deviceId, lang));
          case 'recheck':
            return answer(message.type, loop.recheck(origin, message.deviceId, lang));
          case 'watch':
            return answer(message.type, loop.watch(origin, message.deviceIds, message.on, lang));
          case 'open-report':
            return answer(
              message.type,
              loop.openReport(origin, message.deviceId).then(() => true as const),
            );
        }
      });
    }
  }
  dropped++;
  return undefined;
}

import { browser } from 'wxt/browser';
import type { Resolved } from '../knowledge/resolve';
import type { KnowledgeEntry } from '../knowledge/schema';
import type { HintDeviceView, HintSettings, HintVerdicts, LoopAnswer } from '../protocol/hint';
import { PAGE_INFO, VERDICTS_CHANGED } from '../protocol/hint';
import type { ExtensionMessage, OffscreenFetchRequest } from '../protocol/messages';

/**
 * The typed senders: every `sendMessage` of the extension goes through this file, so a message and the answer
 * its sender expects are written once (the background validates what arrives, `lib/protocol/messages.ts`).
 * Type-only imports of the protocol: the content script bundles no zod for this.
 */

/**
 * What the background answers to each message (`undefined` when it drops one): the one place an answer is
 * typed. The router's handlers take their return types from here (lib/features/message-router.ts). One
 * entry per message type of `ExtensionMessage`, no more, no fewer: anything else does not compile.
 */
export type Answers = OnePerMessage<{
  'hint-count': number;
  knowledge: Resolved<KnowledgeEntry> | null;
  'tab-hint-count': number;
  diagnose: true;
  'hint-verdicts': HintVerdicts | null;
  'hint-settings': HintSettings;
  'hint-device': HintDeviceView | null;
  recheck: LoopAnswer;
  watch: LoopAnswer;
  'open-report': true;
}>;

type MessageType = ExtensionMessage['type'];
type OnePerMessage<T extends Record<MessageType, unknown> & Record<Exclude<keyof T, MessageType>, never>> = T;

type MessageOf<T extends keyof Answers> = Extract<ExtensionMessage, { type: T }>;

/** A message to the background, from a content script or one of our pages. */
export function askBackground<T extends keyof Answers>(
  message: MessageOf<T>,
): Promise<Answers[T] | undefined> {
  return browser.runtime.sendMessage(message) as Promise<Answers[T] | undefined>;
}

/**
 * Asks the content script of a tab's top frame about its FMC page (`lib/page`); the raw answer, for the
 * caller to validate (`PageInfoSchema`, lib/protocol/messages.ts).
 */
export function askPageInfo(tabId: number): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { type: PAGE_INFO }, { frameId: 0 });
}

/** Tells a tab's content scripts that their FMC's verdicts changed: they ask again (`hint-verdicts`). */
export function tellVerdictsChanged(tabId: number): Promise<void> {
  return browser.tabs.sendMessage(tabId, { type: VERDICTS_CHANGED }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * The service worker's FMC request, to the offscreen document (lib/platform/offscreen.ts); the raw answer, for
 * the caller to validate (`OffscreenFetchAnswer`, lib/protocol/messages.ts). Our pages have no runtime message
 * listener and the background does not hear its own messages, so only the document answers.
 */
export function askOffscreen(message: OffscreenFetchRequest): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

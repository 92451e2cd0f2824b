import { browser } from 'wxt/browser';

/**
 * Listens to the runtime messages of this extension only (the background, the popup): another extension's, or
 * a sender without id, never reach `handle`. The content script listens to nothing a page could send (no
 * window message, no DOM event). `handle` gets the message's type (undefined when it has none) and returns
 * `true` to answer later through `sendResponse`: without the polyfill (wxt.config.ts), an answer goes through
 * `sendResponse` in both browsers. Returns the way to stop listening.
 */
export function onOwnMessage(
  handle: (type: unknown, sendResponse: (answer: unknown) => void) => true | undefined,
): () => void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return undefined;
    return handle((message as { type?: unknown } | null)?.type, sendResponse);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

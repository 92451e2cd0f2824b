import { browser } from 'wxt/browser';

/**
 * Chromium stops an MV3 service worker after 30 s without events, and a diagnosis can wait longer than that
 * (a 429's Retry-After, a slow device command). Since Chrome 110 each extension API call resets that idle
 * timer (developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle), so a cheap call
 * every 20 s keeps the worker up while a run lasts, and only then. Firefox's event page has its own idle
 * timer; a run it ends anyway is marked interrupted when the background starts again.
 */
export function keepWorkerAlive(): () => void {
  const timer = setInterval(() => {
    browser.runtime.getPlatformInfo().catch(() => undefined);
  }, 20_000);
  return () => clearInterval(timer);
}

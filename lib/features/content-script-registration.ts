import { browser } from 'wxt/browser';
import { isFmcPattern } from '../origins';
import { grantedOrigins, onPermissionsAdded, onPermissionsRemoved } from '../platform/permissions';

const SCRIPT_ID = 'fmc-health-hints';
/** Where WXT writes the `content` entrypoint (registered at run time, so absent from the manifest). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/** The FMC origins the user enabled: exactly the host permissions the browser currently grants us. */
export async function enabledPatterns(): Promise<string[]> {
  return (await grantedOrigins()).filter(isFmcPattern).sort();
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the registered content script cover exactly the enabled origins. Calls are serialised: install,
 * start-up and permission events can fire together, and two concurrent registrations of one id fail.
 */
export function syncContentScript(): Promise<string[]> {
  const run = queue.then(async () => {
    const patterns = await enabledPatterns();
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (patterns.length === 0) {
      if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
      return patterns;
    }
    const script = {
      id: SCRIPT_ID,
      matches: patterns,
      js: [CONTENT_SCRIPT_FILE],
      allFrames: true,
      runAt: 'document_end' as const,
      persistAcrossSessions: true,
    };
    if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([script]);
    return patterns;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** A newly enabled FMC already open in a tab gets its hints without a reload. */
export async function injectIntoOpenTabs(patterns: string[]): Promise<void> {
  const fmcPatterns = patterns.filter(isFmcPattern);
  if (fmcPatterns.length === 0) return;
  const tabs = await browser.tabs.query({ url: fmcPatterns });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting
            .executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT_FILE] })
            // A tab can close or navigate away meanwhile; the registration covers its next load.
            .catch(() => undefined),
    ),
  );
}

/**
 * The background's part: the registration follows the enabled origins at install, at browser start-up, and on
 * every grant from our popup or options and every revocation from the browser's own extension settings.
 */
export function keepContentScriptRegistered(): void {
  browser.runtime.onInstalled.addListener(() => void syncContentScript());
  browser.runtime.onStartup.addListener(() => void syncContentScript());
  onPermissionsAdded(async (origins) => {
    await syncContentScript();
    await injectIntoOpenTabs(origins);
  });
  onPermissionsRemoved(() => void syncContentScript());
}

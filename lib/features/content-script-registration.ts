import { browser } from 'wxt/browser';
import { isFmcPattern, patternForUrl } from '../origins';
import { grantedOrigins, onPermissionsAdded, onPermissionsRemoved } from '../platform/permissions';
import { STORAGE, signedInOrigins, watchedOrigins } from '../platform/storage';
import { fmcClientFor } from './fmc-client';
import { stopWatches } from './watch';

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
  onPermissionsRemoved(() => {
    void syncContentScript();
    void forgetDisabledFmcs().catch(() => undefined);
  });
}

/** How long a revoke may hold up forgetting an FMC (an unreachable FMC must not keep its tokens in memory). */
const REVOKE_WAIT_MS = 3_000;

/**
 * Forgets an FMC the user disables (issue 17): its watches stop (the running tick aborted, the alarm gone), its
 * tokens are revoked on the FMC (best effort, `auth/revokeaccess`, through the FMC's client) and removed from
 * storage.session at once, whatever the revoke does. The options page calls it before it removes the host
 * permission, so that the revoke can still reach the FMC; the background calls it again after any removal (the
 * browser's own settings), when the revoke most likely cannot leave any more (no host permission: the request
 * needs CORS the FMC does not grant) and the tokens expire on the FMC within 30 minutes.
 */
export async function forgetFmc(origin: string): Promise<void> {
  await stopWatches(origin);
  try {
    const client = await fmcClientFor(origin);
    // signOut clears the stored tokens before it asks the FMC to revoke them.
    await Promise.race([
      client.signOut().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, REVOKE_WAIT_MS)),
    ]);
  } finally {
    await STORAGE.tokens(origin).remove();
  }
}

/** The FMC origins (with their ports) a host permission pattern covers, among those with watches or tokens. */
export async function knownOriginsOf(pattern: string): Promise<string[]> {
  const origins = new Set([...(await watchedOrigins()), ...(await signedInOrigins())]);
  return [...origins].filter((origin) => patternForUrl(origin) === pattern);
}

/** Forgets the FMCs a pattern covers (the options page's Remove, before the permission goes). */
export async function forgetFmcsOf(pattern: string): Promise<string[]> {
  const origins = await knownOriginsOf(pattern);
  for (const origin of origins) await forgetFmc(origin);
  return origins;
}

/** After a host permission went away: every FMC with watches or tokens that is no longer enabled is forgotten. */
export async function forgetDisabledFmcs(): Promise<string[]> {
  const enabled = new Set(await enabledPatterns());
  const origins = new Set([...(await watchedOrigins()), ...(await signedInOrigins())]);
  const disabled = [...origins].filter((origin) => {
    const pattern = patternForUrl(origin);
    return pattern !== null && !enabled.has(pattern);
  });
  for (const origin of disabled) await forgetFmc(origin);
  return disabled;
}

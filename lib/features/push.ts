import { browser } from 'wxt/browser';
import { patternForUrl } from '../origins';
import { tellVerdictsChanged } from '../platform/messaging';
import { localKeyId, onLocalChanged, onSessionChanged, sessionKeyId } from '../platform/storage';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

interface StateStamp {
  status?: unknown;
  finishedAt?: unknown;
  recheckedAt?: unknown;
}

/**
 * The FMCs whose verdicts a storage.session change altered: a run that finished (or failed, keeping the last
 * diagnosis), a re-check (the watches are in storage.local: `watchesChangedBy`). Progress writes of a running diagnosis are not changes.
 */
export function verdictsChangedBy(changes: Changes): string[] {
  const origins: string[] = [];
  for (const [key, change] of Object.entries(changes)) {
    const diagnosed = sessionKeyId('diagnosis', key);
    if (diagnosed === null) continue;
    const before = (change.oldValue ?? {}) as StateStamp;
    const after = (change.newValue ?? {}) as StateStamp;
    if (after.status === 'running' && before.status === 'running') continue;
    if (
      before.status !== after.status ||
      before.finishedAt !== after.finishedAt ||
      before.recheckedAt !== after.recheckedAt
    )
      origins.push(diagnosed);
  }
  return [...new Set(origins)];
}

/**
 * Tells every frame of the FMC's open tabs that its verdicts changed; those showing hints ask for them again
 * (`hint-verdicts`). Tabs are found by the FMC's host permission pattern, then by their exact origin.
 */
export async function pushVerdictsChanged(origin: string): Promise<void> {
  const pattern = patternForUrl(origin);
  if (!pattern) return;
  const tabs = await browser.tabs.query({ url: pattern }).catch(() => []);
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url) return;
      try {
        if (new URL(tab.url).origin !== origin) return;
      } catch {
        return;
      }
      await tellVerdictsChanged(tab.id);
    }),
  );
}

/**
 * The background's part: after a finished run, a re-check, a watch started or ended, the FMC's open pages ask
 * for their verdicts again.
 */
export function pushVerdictsOnChange(): void {
  onSessionChanged((changes) => {
    for (const origin of verdictsChangedBy(changes)) void pushVerdictsChanged(origin);
  });
  // The watches live in storage.local (issue 17): a watch started, ticked into another state, or ended.
  onLocalChanged((changes) => {
    for (const origin of watchesChangedBy(changes)) void pushVerdictsChanged(origin);
  });
}

/** The FMCs whose watches a storage.local change altered. */
export function watchesChangedBy(changes: Changes): string[] {
  return [
    ...new Set(
      Object.keys(changes).flatMap((key) => [localKeyId('watches', key)].filter((id) => id !== null)),
    ),
  ] as string[];
}

import { browser } from 'wxt/browser';

import { STORAGE } from '../platform/storage';

/** `STORAGE.hintCounts` keeps only counts as this module writes them: the badge shows what is sane. */
const total = (frames: Record<string, number>) => Object.values(frames).reduce((sum, n) => sum + n, 0);

// Reports from several frames and the tab's own navigation arrive together; each read-modify-write of
// storage must see the previous one's result.
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Each frame of a tab reports how many failing rows it annotated; the toolbar badge shows the tab's total.
 * Kept in storage.session because the MV3 service worker forgets its memory between events.
 */
export function recordFrameCount(tabId: number, frameId: number, count: number): Promise<number> {
  return serialised(async () => {
    const stored = await STORAGE.hintCounts(tabId).read();
    // A frame that says what the badge already counts (a sub-frame's first 0) costs no write and no badge call.
    if ((stored[frameId] ?? 0) === count) return total(stored);
    const frames = { ...stored, [frameId]: count };
    await STORAGE.hintCounts(tabId).write(frames);
    const sum = total(frames);
    await showCount(tabId, sum);
    return sum;
  });
}

export function tabCount(tabId: number): Promise<number> {
  return serialised(async () => {
    return total(await STORAGE.hintCounts(tabId).read());
  });
}

export function clearTab(tabId: number): Promise<void> {
  return serialised(async () => {
    await STORAGE.hintCounts(tabId).remove();
    // The tab may be gone already (onRemoved).
    await showCount(tabId, 0).catch(() => undefined);
  });
}

async function showCount(tabId: number, total: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#b42318' });
  await browser.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
}

/** The background's part: a tab that loads a new page, or closes, starts again from no count. */
export function clearCountsWithTabs(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearTab(tabId));
}

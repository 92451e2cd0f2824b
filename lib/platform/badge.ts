import { browser } from 'wxt/browser';

type FrameCounts = Record<string, number>;

/** Only counts as this module writes them: storage can be tampered with, the badge shows what is sane. */
const total = (frames: unknown) =>
  Object.values(frames && typeof frames === 'object' ? frames : {}).reduce<number>(
    (sum, n) => sum + (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0),
    0,
  );
const key = (tabId: number) => `hints:${tabId}`;

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
    const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as FrameCounts | undefined;
    const frames: FrameCounts = { ...stored, [frameId]: count };
    await browser.storage.session.set({ [key(tabId)]: frames });
    const sum = total(frames);
    await showCount(tabId, sum);
    return sum;
  });
}

export function tabCount(tabId: number): Promise<number> {
  return serialised(async () => {
    const frames = (await browser.storage.session.get(key(tabId)))[key(tabId)] as FrameCounts | undefined;
    return total(frames);
  });
}

export function clearTab(tabId: number): Promise<void> {
  return serialised(async () => {
    await browser.storage.session.remove(key(tabId));
    // The tab may be gone already (onRemoved).
    await showCount(tabId, 0).catch(() => undefined);
  });
}

async function showCount(tabId: number, total: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#b42318' });
  await browser.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
}

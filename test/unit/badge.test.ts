import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clearTab, recordFrameCount, tabCount } from '../../lib/features/badge';

const badgeText = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
const stored = async (tabId: number) =>
  (await fakeBrowser.storage.session.get(`hints:${tabId}`))[`hints:${tabId}`];

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('recordFrameCount', () => {
  it('adds up the counts of the frames of one tab', async () => {
    expect(await recordFrameCount(1, 0, 2)).toBe(2);
    expect(await recordFrameCount(1, 5, 3)).toBe(5);
    expect(await tabCount(1)).toBe(5);
    expect(await badgeText(1)).toBe('5');
  });

  it("replaces a frame's previous count instead of adding to it", async () => {
    await recordFrameCount(1, 0, 4);
    expect(await recordFrameCount(1, 0, 1)).toBe(1);
    expect(await badgeText(1)).toBe('1');
  });

  it('shows an empty badge when the tab has no failing row', async () => {
    await recordFrameCount(1, 0, 2);
    expect(await recordFrameCount(1, 0, 0)).toBe(0);
    expect(await badgeText(1)).toBe('');
  });

  it('writes nothing and leaves the badge alone when a frame repeats what is counted (a first 0)', async () => {
    const setBadgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    expect(await recordFrameCount(1, 3, 0)).toBe(0);
    expect(await stored(1)).toBeUndefined();
    await recordFrameCount(1, 0, 2);
    expect(await recordFrameCount(1, 0, 2)).toBe(2);
    expect(setBadgeText).toHaveBeenCalledTimes(1);
  });

  it('keeps tabs apart', async () => {
    await recordFrameCount(1, 0, 2);
    await recordFrameCount(2, 0, 7);
    expect(await tabCount(1)).toBe(2);
    expect(await tabCount(2)).toBe(7);
    expect(await badgeText(1)).toBe('2');
    expect(await badgeText(2)).toBe('7');
  });

  it('keeps both reports when two frames report at once', async () => {
    const totals = await Promise.all([recordFrameCount(1, 0, 2), recordFrameCount(1, 3, 1)]);
    expect(totals).toEqual([2, 3]);
    expect(await stored(1)).toEqual({ 0: 2, 3: 1 });
    expect(await tabCount(1)).toBe(3);
    expect(await badgeText(1)).toBe('3');
  });

  it('keeps every report of a burst from many frames', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, frame) => recordFrameCount(4, frame, 1)));
    expect(await tabCount(4)).toBe(10);
    expect(await badgeText(4)).toBe('10');
  });

  it('keeps the counts in session storage, where a restarted service worker finds them', async () => {
    await recordFrameCount(8, 0, 2);
    expect(await stored(8)).toEqual({ 0: 2 });
  });

  it('colours the badge of the tab', async () => {
    await recordFrameCount(1, 0, 1);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 })).toEqual([0xb4, 0x23, 0x18, 255]);
  });

  it('keeps serving after a failed report', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValueOnce(new Error('No tab with id: 1.'));
    await expect(recordFrameCount(1, 0, 1)).rejects.toThrow('No tab');
    expect(await recordFrameCount(2, 0, 4)).toBe(4);
  });
});

describe('tabCount', () => {
  it('is 0 for a tab that never reported', async () => {
    expect(await tabCount(99)).toBe(0);
  });

  it('sees a report sent just before it', async () => {
    const [, count] = await Promise.all([recordFrameCount(1, 0, 6), tabCount(1)]);
    expect(count).toBe(6);
  });
});

describe('clearTab', () => {
  it("forgets the tab's counts and empties its badge", async () => {
    await recordFrameCount(1, 0, 2);
    await recordFrameCount(1, 2, 2);
    await recordFrameCount(2, 0, 1);

    await clearTab(1);

    expect(await stored(1)).toBeUndefined();
    expect(await tabCount(1)).toBe(0);
    expect(await badgeText(1)).toBe('');
    expect(await tabCount(2)).toBe(1);
    expect(await badgeText(2)).toBe('1');
  });

  it('starts the next page of the tab from zero', async () => {
    await recordFrameCount(1, 4, 3);
    await clearTab(1);
    expect(await recordFrameCount(1, 0, 1)).toBe(1);
  });

  it('resolves for a tab that is already closed', async () => {
    await recordFrameCount(1, 0, 2);
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 1.'));
    await expect(clearTab(1)).resolves.toBeUndefined();
    expect(await tabCount(1)).toBe(0);
  });
});

describe('tampered counts', () => {
  it('ignores stored values that are not whole positive numbers', async () => {
    await fakeBrowser.storage.session.set({ 'hints:7': { 0: 2, 1: '<b>9</b>', 2: -4, 3: 1.5, 4: null } });
    expect(await tabCount(7)).toBe(2);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { droppedMessageCount, handleMessage, type MessageHandlers } from '../../lib/features/message-router';
import { entryById, sourcesOf } from '../../lib/knowledge';

type Sender = Browser.runtime.MessageSender;

const OWN_ID = fakeBrowser.runtime.id;
const FMC_PAGE = 'https://fmc.example.com/ddd/#MonitorHealth';

const contentScript = (overrides: Partial<Sender> = {}): Sender => ({
  id: OWN_ID,
  url: FMC_PAGE,
  tab: { id: 12 } as Browser.tabs.Tab,
  frameId: 0,
  ...overrides,
});
const popup = (): Sender => ({ id: OWN_ID, url: fakeBrowser.runtime.getURL('/popup.html') });

function handlers() {
  return {
    recordFrameCount: vi.fn<MessageHandlers['recordFrameCount']>(async (_tab, _frame, count) => count),
    tabCount: vi.fn<MessageHandlers['tabCount']>(async () => 5),
    diagnose: vi.fn<MessageHandlers['diagnose']>(),
  };
}

/** Sends the message and tells whether it was dropped (the counter moved) and what it answered. */
function send(raw: unknown, sender: Sender, h = handlers()) {
  const before = droppedMessageCount();
  const answer = handleMessage(raw, sender, h);
  return { answer, dropped: droppedMessageCount() - before, h };
}

/** Every `{ en, fr }` left in a value, by path. */
function localizedLeft(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedLeft(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    if ('en' in value && 'fr' in value) return [path];
    return Object.entries(value).flatMap(([key, item]) => localizedLeft(item, `${path}.${key}`));
  }
  return [];
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sender check', () => {
  it.each([
    ['another extension', 'some-other-extension-id'],
    ['a sender without id', undefined],
    ['an empty id', ''],
  ])('drops a well-formed message from %s without calling any handler', (_, id) => {
    const { answer, dropped, h } = send({ type: 'hint-count', count: 2 }, contentScript({ id }));
    expect(answer).toBeUndefined();
    expect(dropped).toBe(1);
    expect(h.recordFrameCount).not.toHaveBeenCalled();
    expect(h.tabCount).not.toHaveBeenCalled();
  });

  it('drops a tab-hint-count request from a foreign extension page even at our URL', () => {
    const { answer, dropped, h } = send(
      { type: 'tab-hint-count', tabId: 3 },
      { id: 'evil-extension', url: fakeBrowser.runtime.getURL('/popup.html') },
    );
    expect(answer).toBeUndefined();
    expect(dropped).toBe(1);
    expect(h.tabCount).not.toHaveBeenCalled();
  });
});

describe('shape check', () => {
  it.each([
    ['not an object', 'hint-count'],
    ['null', null],
    ['an unknown type', { type: 'open-tab', url: 'https://evil.test/' }],
    ['no type', { count: 1 }],
    ['an extra field', { type: 'hint-count', count: 1, tabId: 99 }],
    ['a negative count', { type: 'hint-count', count: -1 }],
    ['a fractional count', { type: 'hint-count', count: 1.5 }],
    ['a count as a string', { type: 'hint-count', count: '3' }],
    ['a huge count', { type: 'hint-count', count: 1_000_001 }],
    ['a knowledge id with a path', { type: 'knowledge', id: '../secrets', lang: 'en' }],
    ['a knowledge id in upper case', { type: 'knowledge', id: 'Cloud-Configuration', lang: 'en' }],
    ['an unknown language', { type: 'knowledge', id: 'cloud-configuration', lang: 'de' }],
    [
      'a knowledge request with an extra field',
      { type: 'knowledge', id: 'cloud-configuration', lang: 'en', x: 1 },
    ],
    ['a negative tab id', { type: 'tab-hint-count', tabId: -1 }],
    ['a prototype-polluting key', JSON.parse('{"type":"hint-count","count":1,"__proto__":{"x":1}}')],
  ])('drops %s', (_, raw) => {
    const { answer, dropped, h } = send(raw, contentScript());
    expect(answer).toBeUndefined();
    expect(dropped).toBe(1);
    expect(h.recordFrameCount).not.toHaveBeenCalled();
    expect(h.tabCount).not.toHaveBeenCalled();
  });
});

describe('hint-count', () => {
  it('records the count of the sending tab and frame', async () => {
    const { answer, dropped, h } = send(
      { type: 'hint-count', count: 3 },
      contentScript({ tab: { id: 42 } as Browser.tabs.Tab, frameId: 7 }),
    );
    expect(dropped).toBe(0);
    expect(h.recordFrameCount).toHaveBeenCalledExactlyOnceWith(42, 7, 3);
    await expect(answer).resolves.toBe(3);
  });

  it('counts a report without a frame id as the top frame', () => {
    const { h } = send({ type: 'hint-count', count: 1 }, contentScript({ frameId: undefined }));
    expect(h.recordFrameCount).toHaveBeenCalledExactlyOnceWith(12, 0, 1);
  });

  it('drops a report that comes from no tab (an extension page)', () => {
    const { answer, dropped, h } = send({ type: 'hint-count', count: 1 }, popup());
    expect(answer).toBeUndefined();
    expect(dropped).toBe(1);
    expect(h.recordFrameCount).not.toHaveBeenCalled();
  });
});

describe('knowledge', () => {
  it('answers the entry in French, and only in French', async () => {
    const entry = entryById('cloud-configuration');
    if (!entry) throw new Error('cloud-configuration missing from the knowledge base');
    const { answer, dropped } = send(
      { type: 'knowledge', id: 'cloud-configuration', lang: 'fr' },
      contentScript(),
    );
    expect(dropped).toBe(0);
    const resolved = (await answer) as Record<string, unknown>;
    expect(resolved.id).toBe('cloud-configuration');
    expect(resolved.title).toBe(entry.title.fr);
    expect(resolved.meaning).toEqual(
      entry.meaning.map((text) => ({ text: text.fr, sources: sourcesOf(text), lang: 'fr' })),
    );
    expect(localizedLeft(resolved)).toEqual([]);
    expect(JSON.stringify(resolved)).not.toContain(entry.meaning[0]?.en);
  });

  it('answers the entry in English', async () => {
    const entry = entryById('si-dns-feeds');
    const { answer } = send({ type: 'knowledge', id: 'si-dns-feeds', lang: 'en' }, contentScript());
    expect(((await answer) as { title: string }).title).toBe(entry?.title.en);
  });

  it('answers null for a well-formed id the knowledge base does not know', async () => {
    const { answer, dropped } = send({ type: 'knowledge', id: 'no-such-alert', lang: 'fr' }, contentScript());
    expect(dropped).toBe(0);
    await expect(answer).resolves.toBeNull();
  });
});

describe('tab-hint-count', () => {
  it('answers our popup', async () => {
    const { answer, dropped, h } = send({ type: 'tab-hint-count', tabId: 9 }, popup());
    expect(dropped).toBe(0);
    expect(h.tabCount).toHaveBeenCalledExactlyOnceWith(9);
    await expect(answer).resolves.toBe(5);
  });

  it('answers our options page too', () => {
    const { h } = send(
      { type: 'tab-hint-count', tabId: 1 },
      { id: OWN_ID, url: fakeBrowser.runtime.getURL('/options.html') },
    );
    expect(h.tabCount).toHaveBeenCalledOnce();
  });

  it.each([
    ['a content script on the FMC', FMC_PAGE],
    [
      'a page that only names our extension',
      `https://evil.test/${fakeBrowser.runtime.getURL('/popup.html')}`,
    ],
    ['a sender without URL', undefined],
  ])('drops the request from %s', (_, url) => {
    const { answer, dropped, h } = send({ type: 'tab-hint-count', tabId: 9 }, contentScript({ url }));
    expect(answer).toBeUndefined();
    expect(dropped).toBe(1);
    expect(h.tabCount).not.toHaveBeenCalled();
  });
});

describe('diagnosis requests', () => {
  it('starts a diagnosis for an extension page', async () => {
    const h = handlers();
    expect(await send({ type: 'diagnose', origin: 'https://fmc.example.com:8443' }, popup(), h).answer).toBe(
      true,
    );
    expect(h.diagnose).toHaveBeenCalledWith('https://fmc.example.com:8443');
  });

  it('refuses a content script and anything that is not a bare origin', () => {
    const h = handlers();
    expect(send({ type: 'diagnose', origin: 'https://fmc.example.com' }, contentScript(), h).dropped).toBe(1);
    for (const origin of [
      'https://fmc.example.com/path',
      'javascript:alert(1)',
      'ftp://fmc',
      'fmc.example.com',
    ]) {
      expect(send({ type: 'diagnose', origin }, popup(), h).dropped).toBe(1);
    }
    expect(h.diagnose).not.toHaveBeenCalled();
  });
});

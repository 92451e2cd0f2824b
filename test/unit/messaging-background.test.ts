import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background';
import { droppedMessageCount } from '../../lib/features/message-router';
import { ExtensionMessage } from '../../lib/protocol/messages';

/**
 * The background as the browser starts it: which channels it opens, and what its one message listener does
 * with messages from elsewhere or of the wrong shape (dropped, counted, nothing done).
 */
type Listener = (message: unknown, sender: Browser.runtime.MessageSender) => unknown;
const OWN_ID = fakeBrowser.runtime.id;
const registered: string[] = [];
let listener: Listener | undefined;

/** Records which runtime events get a listener; the external ones are not even implemented by the fake. */
function watchEvent(name: string, event: { addListener: (...args: never[]) => unknown }) {
  vi.spyOn(event, 'addListener').mockImplementation(((callback: Listener) => {
    registered.push(name);
    if (name === 'onMessage') listener = callback;
  }) as never);
}

beforeAll(() => {
  fakeBrowser.reset();
  const runtime = fakeBrowser.runtime as unknown as Record<string, { addListener: () => unknown }>;
  for (const name of ['onMessage', 'onMessageExternal', 'onConnect', 'onConnectExternal'])
    if (runtime[name]) watchEvent(name, runtime[name]);
  // Events the fake browser does not implement, and which have nothing to do with messages.
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved])
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
  (background as unknown as { main(): void }).main();
});

afterAll(() => vi.restoreAllMocks());

describe('background channels', () => {
  it('listens to runtime.onMessage only: nothing external, no ports', () => {
    expect(registered).toEqual(['onMessage']);
  });
});

describe('background message listener', () => {
  const popup = { id: OWN_ID, url: fakeBrowser.runtime.getURL('/popup.html') };
  const page = {
    id: OWN_ID,
    url: 'https://fmc.example.com/',
    tab: { id: 3 } as Browser.tabs.Tab,
    frameId: 0,
  };

  it.each([
    [
      'a diagnosis request from another extension',
      { type: 'diagnose', origin: 'https://fmc.example.com' },
      {
        id: 'evil-extension',
        url: 'chrome-extension://evil-extension/popup.html',
      },
    ],
    [
      'a diagnosis request from a content script',
      { type: 'diagnose', origin: 'https://fmc.example.com' },
      page,
    ],
    ['a diagnosis request with a path', { type: 'diagnose', origin: 'https://fmc.example.com/x' }, popup],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }, popup],
    ['a hint count from our own page', { type: 'hint-count', count: 2 }, { ...popup, tab: { id: 4 } }],
    [
      'a hint count from a web page without our id',
      { type: 'hint-count', count: 2 },
      { ...page, id: undefined },
    ],
    ['a tab count for a content script', { type: 'tab-hint-count', tabId: 1 }, page],
    ['a string', 'diagnose', popup],
    ['an array', [{ type: 'diagnose', origin: 'https://fmc.example.com' }], popup],
  ])('drops and counts %s, and does nothing', async (_, message, sender) => {
    const before = droppedMessageCount();
    const storedBefore = await fakeBrowser.storage.session.get(null);
    expect(listener?.(message, sender as Browser.runtime.MessageSender)).toBeUndefined();
    expect(droppedMessageCount()).toBe(before + 1);
    // A diagnosis would have written its state to storage.session at once.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await fakeBrowser.storage.session.get(null)).toEqual(storedBefore);
  });

  it('acts on the same diagnosis request from our popup (the control for the cases above)', async () => {
    const before = droppedMessageCount();
    expect(await listener?.({ type: 'diagnose', origin: 'https://fmc.example.com' }, popup)).toBe(true);
    expect(droppedMessageCount()).toBe(before);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.session.get('diagnosis:https://fmc.example.com')).not.toEqual({}),
    );
  });

  it('answers a well-formed request from our content script', async () => {
    const before = droppedMessageCount();
    const answer = await listener?.({ type: 'knowledge', id: 'cloud-configuration', lang: 'en' }, page);
    expect(droppedMessageCount()).toBe(before);
    expect((answer as { id: string }).id).toBe('cloud-configuration');
  });
});

/** Every source file of the extension (not the tests, not the simulator). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe('message senders across the code', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = ['entrypoints', 'components', 'lib'].flatMap((dir) => sources(path.join(root, dir)));

  it('no code opens an external or port channel, or listens to window messages', () => {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(
        /onMessageExternal|onConnectExternal|onConnect\b|runtime\.connect\(|addEventListener\(\s*['"]message['"]|\.onmessage\b/,
      );
    }
  });

  it('no code opens storage.session (tokens, diagnoses) to content scripts', () => {
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/setAccessLevel/);
  });

  it('every message type sent to the background is one its schema knows', () => {
    const known = new Set(ExtensionMessage.options.map((option) => option.shape.type.value));
    const seen = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      // Every message to the background goes through the typed sender (lib/platform/messaging.ts).
      for (const call of source.matchAll(/askBackground\(\s*\{\s*type:\s*'([^']+)'/g)) {
        const type = call[1] as string;
        seen.add(type);
        expect(known, `${path.relative(root, file)} sends '${type}'`).toContain(type);
      }
    }
    // The literal calls the scan must find (a refactor that hides them should update this test).
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['diagnose', 'hint-count', 'knowledge', 'tab-hint-count']),
    );
  });
});

// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://fmc.example.com/ddd/#MonitorHealth"}
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import contentScript from '../../entrypoints/content';
import { HINT_ATTRIBUTE } from '../../lib/page/hint-controller';
import { ExtensionMessage, PageInfoSchema } from '../../lib/protocol/messages';
import { stubI18n } from './support/i18n-stub';

/**
 * The content script as the browser runs it, on an FMC page whose text a less privileged FMC user controls:
 * it answers `page-info` to our extension only, never to another sender, and every message it sends to the
 * background is one the background's schema accepts.
 */
const OWN_ID = fakeBrowser.runtime.id;
const HOSTILE_USER = '<img src=x onerror="globalThis.pwned=1">';
const sent: unknown[] = [];
let onMessage:
  | ((
      message: unknown,
      sender: Browser.runtime.MessageSender,
      sendResponse?: (answer: unknown) => void,
    ) => unknown)
  | undefined;
let invalidate: (() => void) | undefined;
const domListeners: string[] = [];

beforeAll(async () => {
  fakeBrowser.reset();
  stubI18n('en');
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message);
    return null;
  });
  const addListener = fakeBrowser.runtime.onMessage.addListener.bind(fakeBrowser.runtime.onMessage);
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((listener) => {
    onMessage = listener as typeof onMessage;
    addListener(listener);
  });
  document.body.innerHTML = `
    <header><span class="user-name" title="Logged in as">${HOSTILE_USER.replaceAll('"', '&quot;')}</span>
      <nav><a href="/ddd/#HealthPolicy">Policy</a></nav></header>
    <table><tbody>
      <tr><td>edge-1</td><td>Threat Data Updates - Cisco Cloud Configuration - Failure</td><td>Red</td></tr>
    </tbody></table>`;
  for (const target of [window, document]) {
    const original = target.addEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, ...rest) => {
      domListeners.push(type);
      original(type, ...rest);
    });
  }
  const ctx = {
    onInvalidated: (callback: () => void) => {
      invalidate = callback;
      return () => undefined;
    },
  };
  (contentScript as unknown as { main(ctx: unknown): void }).main(ctx);
  // The controller scans on start; the hint count goes out once the scan settles.
  await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0));
});

afterAll(() => {
  invalidate?.();
  vi.restoreAllMocks();
});

describe('content script: page-info', () => {
  it('listens to the extension’s runtime messages only: no window message or custom event a page could send', () => {
    expect(onMessage).toBeTypeOf('function');
    expect(domListeners).not.toContain('message');
    expect(domListeners.filter((type) => !/^(?:DOMContentLoaded|load|visibilitychange)$/.test(type))).toEqual(
      [],
    );
  });

  it('answers our extension with a shape the popup accepts', async () => {
    let answer: unknown;
    onMessage?.({ type: 'page-info' }, { id: OWN_ID }, (response: unknown) => {
      answer = response;
    });
    // The answer waits for the FMC's settings, asked of the background (here: none).
    await vi.waitFor(() => expect(answer).toBeDefined());
    const parsed = PageInfoSchema.safeParse(answer);
    expect(parsed.success, JSON.stringify(answer)).toBe(true);
    expect(parsed.data?.healthPolicy.url.startsWith('https://fmc.example.com/')).toBe(true);
  });

  it.each([
    ['another extension', { id: 'other-extension-id' }],
    ['a sender without id', {}],
    ['an empty id', { id: '' }],
  ])('does not answer %s', (_, sender) => {
    const sendResponse = vi.fn();
    expect(onMessage?.({ type: 'page-info' }, sender, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'knowledge', id: 'cloud-configuration', lang: 'en' }],
    ['no type', {}],
    ['null', null],
    ['a string', 'page-info'],
    ['a number', 42],
    ['a type that is not a string', { type: ['page-info'] }],
  ])('ignores %s, even from our extension', (_, message) => {
    const sendResponse = vi.fn();
    expect(onMessage?.(message, { id: OWN_ID }, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });
});

describe('content script: what it sends', () => {
  it('sends only messages the background’s schema accepts', async () => {
    // Opening the hint asks the background for its explanation.
    const host = document.querySelector(`[${HINT_ATTRIBUTE}]`);
    const toggle = host?.shadowRoot?.querySelector<HTMLButtonElement>('button.badge');
    expect(toggle).toBeTruthy();
    toggle?.click();
    await vi.waitFor(() =>
      expect(sent.some((m) => (m as { type?: string }).type === 'knowledge')).toBe(true),
    );
    expect(sent.length).toBeGreaterThan(0);
    for (const message of sent) {
      const parsed = ExtensionMessage.safeParse(message);
      expect(parsed.success, JSON.stringify(message)).toBe(true);
    }
    expect(sent).toContainEqual({ type: 'hint-count', count: 1 });
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parsePageInfo, usePageInfo } from '../../components/popup/usePageInfo';
import type { PageInfo } from '../../lib/protocol/messages';

/**
 * The popup asks the content script of the FMC tab for the page's user and health policy link. The answer
 * carries page text, so it is validated (zod) before use: anything off is ignored as a whole.
 */
const ORIGIN = 'https://fmc.example.com';
const GOOD: PageInfo = {
  user: 'admin',
  healthPolicy: { url: `${ORIGIN}/ddd/#HealthPolicy`, guessed: false },
};

describe('parsePageInfo', () => {
  it('accepts the content script’s answer', () => {
    expect(parsePageInfo(GOOD, ORIGIN)).toEqual(GOOD);
    expect(parsePageInfo({ ...GOOD, user: null }, ORIGIN)).toEqual({ ...GOOD, user: null });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', JSON.stringify(GOOD)],
    ['an extra field', { ...GOOD, html: '<img src=x onerror=alert(1)>' }],
    ['an extra field in the link', { ...GOOD, healthPolicy: { ...GOOD.healthPolicy, target: '_blank' } }],
    ['a user name longer than 64 characters', { ...GOOD, user: 'a'.repeat(65) }],
    ['a user name that is not text', { ...GOOD, user: { toString: 'admin' } }],
    ['a javascript: link', { ...GOOD, healthPolicy: { url: 'javascript:alert(1)', guessed: false } }],
    ['a data: link', { ...GOOD, healthPolicy: { url: 'data:text/html,<script>1</script>', guessed: false } }],
    ['a relative link', { ...GOOD, healthPolicy: { url: '/ddd/#HealthPolicy', guessed: false } }],
    [
      'a guessed flag that is not a boolean',
      { ...GOOD, healthPolicy: { ...GOOD.healthPolicy, guessed: 'no' } },
    ],
    [
      'a link to another site',
      { ...GOOD, healthPolicy: { url: 'https://evil.example/policy', guessed: false } },
    ],
    [
      'a link to the same host on another scheme',
      { ...GOOD, healthPolicy: { url: 'http://fmc.example.com/', guessed: false } },
    ],
  ])('ignores %s', (_, answer) => {
    expect(parsePageInfo(answer, ORIGIN)).toBeNull();
  });

  it('checks the link’s origin only when the FMC’s origin is given', () => {
    const other = { ...GOOD, healthPolicy: { url: 'https://other.example/x', guessed: true } };
    expect(parsePageInfo(other)).toEqual(other);
  });
});

describe('usePageInfo', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  function Probe({ origin }: { origin?: string }) {
    const info = usePageInfo(7, origin);
    return <output>{info ? JSON.stringify(info) : 'none'}</output>;
  }

  async function renderWith(answer: unknown, origin?: string) {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(answer as never);
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<Probe {...(origin ? { origin } : {})} />, container));
    await act(async () => undefined);
    return { send, text: container.textContent };
  }

  it('asks the top frame of the tab only', async () => {
    const { send, text } = await renderWith(GOOD, ORIGIN);
    expect(send).toHaveBeenCalledExactlyOnceWith(7, { type: 'page-info' }, { frameId: 0 });
    expect(text).toBe(JSON.stringify(GOOD));
  });

  it('shows nothing for a malformed answer, and never its text as markup', async () => {
    const { text } = await renderWith({ user: '<img src=x onerror=alert(1)>', healthPolicy: 'x' }, ORIGIN);
    expect(text).toBe('none');
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows nothing when no content script answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist'));
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => render(<Probe origin={ORIGIN} />, container));
    await act(async () => undefined);
    expect(container.textContent).toBe('none');
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import {
  droppedMessageCount,
  handleMessage,
  type LoopHandlers,
  type MessageHandlers,
} from '../../lib/features/message-router';
import type { HintDeviceView, HintVerdicts } from '../../lib/protocol/hint';

type Sender = Browser.runtime.MessageSender;

const OWN_ID = fakeBrowser.runtime.id;
const PAGE_ORIGIN = 'https://fmc.example';
const NAMED_ORIGIN = 'https://other-fmc.example:8443';
const DEVICE = 'a1b2c3d4-0000-1111-2222-333344445555';

const contentScript = (overrides: Partial<Sender> = {}): Sender => ({
  id: OWN_ID,
  url: `${PAGE_ORIGIN}/x`,
  tab: { id: 12 } as Browser.tabs.Tab,
  frameId: 0,
  ...overrides,
});
const extensionPage = (overrides: Partial<Sender> = {}): Sender => ({
  id: OWN_ID,
  url: fakeBrowser.runtime.getURL('/report.html'),
  ...overrides,
});

const VERDICTS: HintVerdicts = { finishedAt: 5, devices: [] };
const VIEW = { id: DEVICE, name: 'ftd-1' } as HintDeviceView;

function loopHandlers(enabled = true) {
  return {
    isEnabled: vi.fn<LoopHandlers['isEnabled']>(async () => enabled),
    settings: vi.fn<LoopHandlers['settings']>(async () => ({ healthPolicyOverride: null })),
    verdicts: vi.fn<LoopHandlers['verdicts']>(async () => VERDICTS),
    device: vi.fn<LoopHandlers['device']>(async () => VIEW),
    recheck: vi.fn<LoopHandlers['recheck']>(async () => ({ ok: true })),
    watch: vi.fn<LoopHandlers['watch']>(async () => ({ ok: true, notify: false })),
    openReport: vi.fn<LoopHandlers['openReport']>(async () => 'opened'),
  };
}
type Loop = ReturnType<typeof loopHandlers>;

function handlers(loop: Loop | undefined) {
  return {
    recordFrameCount: vi.fn<MessageHandlers['recordFrameCount']>(async (_t, _f, count) => count),
    tabCount: vi.fn<MessageHandlers['tabCount']>(async () => 0),
    diagnose: vi.fn<MessageHandlers['diagnose']>(),
    ...(loop ? { loop } : {}),
  };
}

/** Every loop handler but `isEnabled`, which the router may call while deciding. */
const actions = (loop: Loop) => [
  loop.settings,
  loop.verdicts,
  loop.device,
  loop.recheck,
  loop.watch,
  loop.openReport,
];

async function send(raw: unknown, sender: Sender, loop: Loop | undefined = loopHandlers()) {
  const before = droppedMessageCount();
  const pending = handleMessage(raw, sender, handlers(loop));
  const answer = await pending;
  return { pending, answer, dropped: droppedMessageCount() - before, loop };
}

/** Each loop message (without `origin`), the handler that must answer it, its arguments after the origin. */
const CASES = [
  {
    name: 'hint-verdicts',
    message: { type: 'hint-verdicts' },
    handler: 'verdicts',
    args: [],
    answer: VERDICTS,
  },
  {
    name: 'hint-settings',
    message: { type: 'hint-settings' },
    handler: 'settings',
    args: [],
    answer: { healthPolicyOverride: null },
  },
  {
    name: 'hint-device',
    message: { type: 'hint-device', deviceId: DEVICE, lang: 'fr' },
    handler: 'device',
    args: [DEVICE, 'fr'],
    answer: VIEW,
  },
  {
    name: 'recheck',
    message: { type: 'recheck', deviceId: DEVICE, lang: 'fr' },
    handler: 'recheck',
    args: [DEVICE, 'fr'],
    answer: { ok: true },
  },
  {
    name: 'watch',
    message: { type: 'watch', deviceIds: [DEVICE, 'dev-2'], on: true, lang: 'fr' },
    handler: 'watch',
    args: [[DEVICE, 'dev-2'], true, 'fr'],
    answer: { ok: true, notify: false },
  },
  {
    name: 'open-report',
    message: { type: 'open-report', deviceId: DEVICE },
    handler: 'openReport',
    args: [DEVICE],
    answer: true,
  },
] as const;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loop messages from a content script', () => {
  it.each(CASES)('answers $name for its own page origin', async ({ message, handler, args, answer }) => {
    const result = await send(message, contentScript());
    expect(result.pending).toBeInstanceOf(Promise);
    expect(result.dropped).toBe(0);
    expect(result.loop.isEnabled).toHaveBeenCalledWith(PAGE_ORIGIN);
    expect(result.loop[handler]).toHaveBeenCalledExactlyOnceWith(PAGE_ORIGIN, ...args);
    expect(result.answer).toEqual(answer);
    for (const other of actions(result.loop))
      if (other !== result.loop[handler]) expect(other).not.toHaveBeenCalled();
  });

  it('takes the origin of a page on a non-default port with its port', async () => {
    const { loop } = await send(
      { type: 'hint-verdicts' },
      contentScript({ url: 'https://fmc.example:8443/ddd/#Health' }),
    );
    expect(loop.verdicts).toHaveBeenCalledExactlyOnceWith('https://fmc.example:8443');
  });

  it('answers in English when a re-check or a watch names no language', async () => {
    const recheck = await send({ type: 'recheck', deviceId: DEVICE }, contentScript());
    expect(recheck.loop.recheck).toHaveBeenCalledExactlyOnceWith(PAGE_ORIGIN, DEVICE, 'en');
    const watch = await send({ type: 'watch', deviceIds: [DEVICE], on: false }, contentScript());
    expect(watch.loop.watch).toHaveBeenCalledExactlyOnceWith(PAGE_ORIGIN, [DEVICE], false, 'en');
  });

  it('opens the report without a device when none is named', async () => {
    const { loop, answer } = await send({ type: 'open-report' }, contentScript());
    expect(loop.openReport).toHaveBeenCalledExactlyOnceWith(PAGE_ORIGIN, undefined);
    expect(answer).toBe(true);
  });

  it.each(CASES)('drops $name when it names an origin, even its own', async ({ message }) => {
    for (const origin of [NAMED_ORIGIN, PAGE_ORIGIN]) {
      const result = await send({ ...message, origin }, contentScript());
      expect(result.pending).toBeInstanceOf(Promise);
      expect(result.answer).toBeUndefined();
      expect(result.dropped).toBe(1);
      for (const handler of actions(result.loop)) expect(handler).not.toHaveBeenCalled();
    }
  });

  it.each(CASES)('drops $name from an FMC the user did not enable', async ({ message }) => {
    const result = await send(message, contentScript(), loopHandlers(false));
    expect(result.answer).toBeUndefined();
    expect(result.dropped).toBe(1);
    expect(result.loop.isEnabled).toHaveBeenCalledWith(PAGE_ORIGIN);
    for (const handler of actions(result.loop)) expect(handler).not.toHaveBeenCalled();
  });

  it.each(CASES)('drops $name from a sender without a tab', async ({ message }) => {
    const result = await send(message, contentScript({ tab: undefined }));
    expect(result.answer).toBeUndefined();
    expect(result.dropped).toBe(1);
    for (const handler of actions(result.loop)) expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['no URL', undefined],
    ['an opaque origin', 'data:text/html,<p>x</p>'],
    ['an unparsable URL', 'not a url'],
  ])('drops a message from a sender with %s', async (_, url) => {
    const result = await send({ type: 'hint-verdicts' }, contentScript({ url }));
    expect(result.answer).toBeUndefined();
    expect(result.dropped).toBe(1);
    expect(result.loop.verdicts).not.toHaveBeenCalled();
  });
});

describe('loop messages from an extension page', () => {
  it.each(CASES)('answers $name for the origin it names', async ({ message, handler, args, answer }) => {
    const result = await send({ ...message, origin: NAMED_ORIGIN }, extensionPage());
    expect(result.dropped).toBe(0);
    expect(result.loop[handler]).toHaveBeenCalledExactlyOnceWith(NAMED_ORIGIN, ...args);
    expect(result.answer).toEqual(answer);
  });

  it('answers a page in a tab (the report) for the origin it names', async () => {
    const { loop } = await send(
      { type: 'hint-verdicts', origin: NAMED_ORIGIN },
      extensionPage({ tab: { id: 3 } as Browser.tabs.Tab }),
    );
    expect(loop.verdicts).toHaveBeenCalledExactlyOnceWith(NAMED_ORIGIN);
  });

  it.each(CASES)('drops $name when it names no origin', async ({ message }) => {
    const result = await send(message, extensionPage());
    expect(result.answer).toBeUndefined();
    expect(result.dropped).toBe(1);
    for (const handler of actions(result.loop)) expect(handler).not.toHaveBeenCalled();
  });

  it('drops a page that only names our extension in its URL', async () => {
    const result = await send(
      { type: 'hint-verdicts', origin: NAMED_ORIGIN },
      contentScript({ url: `https://evil.test/${fakeBrowser.runtime.getURL('/report.html')}` }),
    );
    expect(result.answer).toBeUndefined();
    expect(result.dropped).toBe(1);
    expect(result.loop.verdicts).not.toHaveBeenCalled();
  });
});

describe('sender and shape checks of loop messages', () => {
  it.each(CASES)('drops $name from another extension at once', async ({ message }) => {
    const loop = loopHandlers();
    const before = droppedMessageCount();
    const pending = handleMessage(message, contentScript({ id: 'other-extension' }), handlers(loop));
    expect(pending).toBeUndefined();
    expect(droppedMessageCount() - before).toBe(1);
    expect(loop.isEnabled).not.toHaveBeenCalled();
    for (const handler of actions(loop)) expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a device id with a slash', { type: 'hint-device', deviceId: '../x', lang: 'en' }],
    ['a hint-device without language', { type: 'hint-device', deviceId: DEVICE }],
    ['an unknown language', { type: 'recheck', deviceId: DEVICE, lang: 'de' }],
    ['a device id too long', { type: 'recheck', deviceId: 'a'.repeat(65) }],
    ['an empty watch', { type: 'watch', deviceIds: [], on: true }],
    ['a watch without on', { type: 'watch', deviceIds: [DEVICE] }],
    ['a watch with on as text', { type: 'watch', deviceIds: [DEVICE], on: 'true' }],
    ['an origin with a path', { type: 'hint-verdicts', origin: 'https://fmc.example/x' }],
    ['a javascript: origin', { type: 'hint-verdicts', origin: 'javascript:alert(1)' }],
    ['an extra field', { type: 'hint-verdicts', tabId: 1 }],
    ['an open-report with a URL', { type: 'open-report', url: 'https://evil.test/' }],
  ])('drops %s', (_, raw) => {
    for (const sender of [contentScript(), extensionPage()]) {
      const loop = loopHandlers();
      const before = droppedMessageCount();
      expect(handleMessage(raw, sender, handlers(loop))).toBeUndefined();
      expect(droppedMessageCount() - before).toBe(1);
      expect(loop.isEnabled).not.toHaveBeenCalled();
      for (const handler of actions(loop)) expect(handler).not.toHaveBeenCalled();
    }
  });

  it('drops loop messages in a context without loop handlers', async () => {
    const before = droppedMessageCount();
    const answer = handleMessage({ type: 'hint-verdicts' }, contentScript(), handlers(undefined));
    expect(await answer).toBeUndefined();
    expect(droppedMessageCount() - before).toBe(1);
  });
});

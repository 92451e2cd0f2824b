// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DeviceLoop, DeviceTimes, WatchAllFailing } from '../../components/diagnosis/DeviceLoop';
import { FailingDevices, PausedWatches } from '../../components/popup/FailingDevices';
import { type DeviceDiagnosis, type Diagnosis, diagnose } from '../../lib/diagnose';
import { toMarkdown } from '../../lib/diagnose/markdown';
import { clearedSince, deviceTimes } from '../../lib/diagnose/times';
import { STORAGE } from '../../lib/platform/storage';
import { FAILURE, failing, fleet, healthy, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

// Issue 10 in our pages: times, Re-check and Watch in the popup and the report, and the Markdown's times.

const ORIGIN = 'https://fmc.example.net';
const FAILING_SINCE = FAILURE.timestamp * 1000;
const CLEARED = '2026-12-03T10:15:00.000Z';

function diagnosis(): Diagnosis {
  const base = diagnose(
    fleet([
      failing('ftd-a', shown({ dns: [] })),
      failing('ftd-b', shown({ dns: [] })),
      healthy('ftd-c', shown({ dns: ['10.0.0.53'] })),
    ]),
  );
  // ftd-b was re-checked after its fix: healthy, with its times (as decideDevice writes them).
  return {
    ...base,
    devices: base.devices.map((device) =>
      device.id === 'ftd-b'
        ? { ...device, verdict: 'healthy', alert: null, recheckedAt: CLEARED, clearedAt: CLEARED }
        : device,
    ),
  };
}
const byId = (d: Diagnosis, id: string) => d.devices.find((device) => device.id === id) as DeviceDiagnosis;

let container: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  stubI18n('en');
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});
const mount = (node: preact.ComponentChild) => act(() => render(node, container));
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('deviceTimes', () => {
  it('gives since when a failing device fails, and when a cleared one cleared', () => {
    const d = diagnosis();
    expect(deviceTimes(byId(d, 'ftd-a'))).toEqual({ failingSince: FAILING_SINCE });
    expect(deviceTimes(byId(d, 'ftd-b'))).toEqual({
      recheckedAt: Date.parse(CLEARED),
      clearedAt: Date.parse(CLEARED),
    });
    expect(deviceTimes(byId(d, 'ftd-c'))).toEqual({});
  });

  it('leaves out times that are not sane rather than showing 1970', () => {
    const device = { ...byId(diagnosis(), 'ftd-a'), recheckedAt: 'not a date' };
    expect(
      deviceTimes({ ...device, alert: { ...device.alert, timestamp: 0 } as DeviceDiagnosis['alert'] }),
    ).toEqual({});
  });

  it('an alert timestamp beyond what a date can hold is left out, and the Markdown still writes', () => {
    const d = diagnosis();
    const device = byId(d, 'ftd-a');
    const far = {
      ...device,
      alert: { ...device.alert, timestamp: 8_640_000_000_000.001 } as DeviceDiagnosis['alert'],
    };
    expect(deviceTimes(far)).toEqual({});
    expect(() => toMarkdown({ ...d, devices: [far] }, 'en')).not.toThrow();
  });

  it('a cleared time on a device failing again is not shown, and it is not "cleared since"', () => {
    const device = { ...byId(diagnosis(), 'ftd-a'), clearedAt: CLEARED };
    expect(deviceTimes(device).clearedAt).toBeUndefined();
    expect(clearedSince(device)).toBe(false);
    expect(clearedSince(byId(diagnosis(), 'ftd-b'))).toBe(true);
  });
});

describe('the Markdown export', () => {
  it('writes the failing-since time and lists a cleared device with its times, in UTC', () => {
    const md = toMarkdown(diagnosis(), 'en', new Date('2026-12-03T11:00:00Z'));
    const since = `${new Date(FAILING_SINCE).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    expect(md).toContain(`| ${since} |`);
    expect(md).toContain(`failing since ${since}`);
    const cleared = md.slice(md.indexOf('## Cleared after a re-check'));
    expect(md).toContain('## Cleared after a re-check');
    expect(cleared).toContain('- ftd-b: cleared at 2026-12-03 10:15 UTC');
    expect(toMarkdown(diagnosis(), 'fr')).toContain('## Alerte levée après une revérification');
  });

  it('has no cleared section when nothing was re-checked', () => {
    const d = diagnosis();
    const plain = { ...d, devices: d.devices.filter((device) => device.id !== 'ftd-b') };
    expect(toMarkdown(plain, 'en')).not.toContain('Cleared after a re-check');
  });
});

describe('the popup list', () => {
  it('keeps a cleared device listed with its times, and each item has Re-check', async () => {
    await mount(<FailingDevices diagnosis={diagnosis()} origin={ORIGIN} lang="en" />);
    const items = [...container.querySelectorAll('[data-testid="failing-device"]')];
    expect(items.map((item) => item.getAttribute('data-device-id'))).toEqual(['ftd-a', 'ftd-b']);
    expect(items[0]?.querySelector('[data-time="failing-since"]')).not.toBeNull();
    expect(items[1]?.getAttribute('data-verdict')).toBe('healthy');
    expect(items[1]?.querySelector('[data-time="cleared-at"]')).not.toBeNull();
    for (const item of items)
      expect(item.querySelector('button.recheck')?.getAttribute('aria-label')).toMatch(/^Re-check/);
    // Watch is offered for the failing device only.
    expect(items[0]?.querySelector('button.watch')).not.toBeNull();
    expect(items[1]?.querySelector('button.watch')).toBeNull();
  });
});

describe('DeviceLoop', () => {
  it('the popup asks the background to re-check, naming the FMC, and shows why it could not', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: false, code: 'signed-out', message: 'Signed out of this FMC' } as never);
    await mount(
      <DeviceLoop
        origin={ORIGIN}
        device={byId(diagnosis(), 'ftd-a')}
        lang="en"
        watch={undefined}
        direct={false}
      />,
    );
    (container.querySelector('button.recheck') as HTMLButtonElement).click();
    await settle();
    await settle();
    expect(send).toHaveBeenCalledWith({ type: 'recheck', origin: ORIGIN, deviceId: 'ftd-a', lang: 'en' });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Signed out of this FMC');
  });

  it('Watch asks for notifications in the click, then starts the watch; no answer is said, not hidden', async () => {
    const order: string[] = [];
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
      order.push('permission');
      return true;
    });
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      order.push('watch');
      return undefined as never;
    });
    await mount(
      <DeviceLoop
        origin={ORIGIN}
        device={byId(diagnosis(), 'ftd-a')}
        lang="en"
        watch={undefined}
        direct={false}
      />,
    );
    (container.querySelector('button.watch') as HTMLButtonElement).click();
    await settle();
    await settle();
    expect(order).toEqual(['permission', 'watch']);
    expect(send).toHaveBeenCalledWith({
      type: 'watch',
      origin: ORIGIN,
      deviceIds: ['ftd-a'],
      on: true,
      lang: 'en',
    });
    expect(container.querySelector('[role="status"]')?.textContent).not.toBe('');
  });

  it('a watched device offers Stop watching and says until when', async () => {
    const watch = { startedAt: 0, until: Date.parse(CLEARED), everyMs: 120_000, lang: 'en' as const };
    await mount(
      <DeviceLoop
        origin={ORIGIN}
        device={byId(diagnosis(), 'ftd-a')}
        lang="en"
        watch={watch}
        direct={false}
      />,
    );
    expect(container.querySelector('button.watch')?.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('[data-testid="watching"]')).not.toBeNull();
  });

  it('a click a script dispatches (isTrusted false) neither re-checks nor watches; a real one does (issue 17)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    await mount(
      <DeviceLoop
        origin={ORIGIN}
        device={byId(diagnosis(), 'ftd-a')}
        lang="en"
        watch={undefined}
        direct={false}
      />,
    );
    const synthetic = () => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true });
      // What a page script's click() or dispatchEvent carries in a browser (happy-dom leaves it unset).
      Object.defineProperty(event, 'isTrusted', { value: false });
      return event;
    };
    container.querySelector('button.recheck')?.dispatchEvent(synthetic());
    container.querySelector('button.watch')?.dispatchEvent(synthetic());
    await settle();
    // Positive control: the same buttons act on a click the browser does not mark untrusted. Waited for, not
    // slept on: under load the message may take more than a few ticks.
    (container.querySelector('button.recheck') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(send).toHaveBeenCalledWith({ type: 'recheck', origin: ORIGIN, deviceId: 'ftd-a', lang: 'en' }),
    );
    await settle();
    // The synthetic clicks came first and sent nothing: the real click's message is the only one.
    expect(send).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      { unchecked: { since: Date.parse(CLEARED), reason: 'unreachable' as const } },
      'unchecked',
      /could not check since/,
    ],
    [
      { unchecked: { since: Date.parse(CLEARED), reason: 'signed-out' as const } },
      'paused',
      /^Sign in to resume watching/,
    ],
    [{ seen: { at: Date.parse(CLEARED), status: 'RED' } }, 'watching', /not cleared at/],
    [
      {
        seen: { at: Date.parse(CLEARED), status: 'RED' },
        ended: { at: Date.parse(CLEARED), outcome: 'limit' as const },
      },
      'limit',
      /^Watch ended: still failing at the limit/,
    ],
    [
      {
        unchecked: { since: Date.parse(CLEARED), reason: 'server-error' as const },
        ended: { at: Date.parse(CLEARED), outcome: 'unchecked' as const },
      },
      'ended-unchecked',
      /^Watch ended: could not check since .*server errors/,
    ],
  ])('says what the watch saw: %o is %s', async (extra, state, words) => {
    const watch = {
      startedAt: 0,
      until: Date.parse(CLEARED) + 60_000,
      everyMs: 120_000,
      lang: 'en' as const,
      ...extra,
    };
    await mount(
      <DeviceLoop
        origin={ORIGIN}
        device={byId(diagnosis(), 'ftd-a')}
        lang="en"
        watch={watch}
        direct={false}
      />,
    );
    const status = container.querySelector('[data-testid="watch-status"]');
    expect(status?.getAttribute('data-watch-state')).toBe(state);
    expect(status?.textContent).toMatch(words);
    // An ended watch offers to watch again, a running one to stop.
    const running = !('ended' in extra);
    expect(container.querySelector('button.watch')?.getAttribute('aria-pressed')).toBe(String(running));
    expect(container.querySelector('[data-testid="watching"]') !== null).toBe(running);
  });

  it('the popup says "sign in to resume watching" above its sign-in when a watch waits for a session', async () => {
    const base = { startedAt: 0, until: Date.now() + 60_000, everyMs: 120_000, lang: 'en' as const };
    await STORAGE.watches(ORIGIN).write({
      'ftd-a': { ...base, unchecked: { since: 1, reason: 'signed-out' } },
      'ftd-b': { ...base, unchecked: { since: 1, reason: 'unreachable' } },
    });
    await mount(<PausedWatches origin={ORIGIN} />);
    await settle();
    const notice = container.querySelector('[data-testid="watch-paused"]');
    expect(notice?.textContent).toBe('Sign in to resume watching (1)');
    // None paused: nothing said.
    await act(() => STORAGE.watches(ORIGIN).write({ 'ftd-b': { ...base } }));
    await settle();
    expect(container.querySelector('[data-testid="watch-paused"]')).toBeNull();
  });

  it('DeviceTimes draws nothing for a device without times', async () => {
    await mount(<DeviceTimes device={byId(diagnosis(), 'ftd-c')} lang="en" />);
    expect(container.innerHTML).toBe('');
  });
});

describe('Watch all failing', () => {
  it('watches every failing device in one request, and is absent when none fails', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, notify: true } as never);
    const d = diagnosis();
    await mount(<WatchAllFailing origin={ORIGIN} devices={d.devices} lang="en" />);
    (container.querySelector('button.watch-all') as HTMLButtonElement).click();
    await settle();
    expect(send).toHaveBeenCalledWith({
      type: 'watch',
      origin: ORIGIN,
      deviceIds: ['ftd-a'],
      on: true,
      lang: 'en',
    });
    await mount(
      <WatchAllFailing
        origin={ORIGIN}
        devices={d.devices.filter((x) => x.verdict === 'healthy')}
        lang="en"
      />,
    );
    expect(container.querySelector('button.watch-all')).toBeNull();
  });
});

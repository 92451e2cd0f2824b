import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import {
  buttonByText,
  type FirefoxWithExtension,
  HINT,
  launchFirefox,
  openExtensionPage,
  poll,
  registeredMatches,
  signIn,
} from './firefox';

// Issue 10 in Firefox: verdicts in an open page after a diagnosis and in a page opened later, Re-check after
// the simulator's fix, a watch that ends in a notification.

const FLEET = { devices: 6, failing: 2, seed: 7 };

let sim: FmcSimulator;
let firefox: FirefoxWithExtension;
/** An extension page, to call the extension's APIs (Firefox's MV3 background is not reachable over BiDi). */
let ext: Page;

beforeAll(async () => {
  sim = await startFmcSimulator({ port: 0 });
  sim.setFleet(FLEET);
  firefox = await launchFirefox();
  ext = await openExtensionPage(firefox.browser, 'options.html', 'body *');
  await poll(
    () => registeredMatches(ext),
    (matches) => matches.length === 3,
    { what: 'the content script registration' },
  );
});

afterAll(async () => {
  await firefox?.close();
  await sim?.close();
});

const failing = () =>
  sim.fleet().devices.filter((device) => device.failingDataTypes.includes('Cisco Cloud Configuration'));

/** Each hint's device element (in its open shadow root), as `{ id: verdict }`. */
function verdicts(page: Page): Promise<Record<string, string>> {
  return page.evaluate((hint) => {
    const out: Record<string, string> = {};
    for (const host of document.querySelectorAll(hint)) {
      const root = host.shadowRoot ?? host;
      for (const el of root.querySelectorAll('[data-fmc-device][data-fmc-verdict]'))
        out[el.getAttribute('data-fmc-device') ?? ''] = el.getAttribute('data-fmc-verdict') ?? '';
    }
    return out;
  }, HINT);
}

async function modulePage(): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(sim.url('/health/monitor/module'));
  await poll(
    () => page.evaluate((hint) => document.querySelectorAll(hint).length, HINT),
    (n) => n === failing().length,
    { what: 'one hint per failing device' },
  );
  return page;
}

test('verdicts, Re-check after the fix, and a watch that ends in a notification', async () => {
  const page = await modulePage();
  // Before any diagnosis: the hints are there (positive control) and carry no device element.
  expect(await verdicts(page)).toEqual({});

  // A short watch schedule, set before the watch starts (3 s between re-checks).
  await ext.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({
      watchSchedule: { everyMinutes: 0.05, forMinutes: 5 },
    }),
  );
  const report = await openExtensionPage(
    firefox.browser,
    `report.html?fmc=${encodeURIComponent(sim.origin)}`,
    'input[name="username"]',
  );
  await signIn(report);
  const exportJson = await buttonByText(report, 'Export JSON');
  await poll(
    () => exportJson.evaluate((button) => (button as HTMLButtonElement).disabled),
    (disabled) => !disabled,
    { timeout: 30_000, what: 'the diagnosis to finish' },
  );
  const finishedAt = Date.now();
  const ids = failing()
    .map((device) => device.id)
    .sort();
  await poll(
    async () => Object.keys(await verdicts(page)).sort(),
    (shown) => JSON.stringify(shown) === JSON.stringify(ids),
    { timeout: 5_000, what: 'the verdicts in the open page' },
  );
  expect(Date.now() - finishedAt).toBeLessThan(5_000);
  // The verdicts the simulated causes call for (as in the report's JSON export).
  expect(await verdicts(page)).toEqual(
    Object.fromEntries(failing().map((device) => [device.id, device.cause ?? 'healthy'])),
  );

  const later = await modulePage();
  await poll(
    async () => Object.keys(await verdicts(later)).length,
    (n) => n === ids.length,
    { timeout: 2_000, what: 'the verdicts in a page opened later' },
  );
  await later.close();

  // Re-check in the hint after the fix: healthy within 10 s.
  const [first, second] = ids as [string, string];
  expect(sim.fixDevice(first)).toBe(true);
  await page.evaluate(
    (hint, id) => {
      for (const host of document.querySelectorAll(hint)) {
        const root = host.shadowRoot ?? host;
        if (root.querySelector(`[data-fmc-device="${id}"]`))
          (root.querySelector('button.recheck') as HTMLButtonElement).click();
      }
    },
    HINT,
    first,
  );
  await poll(
    async () => (await verdicts(page))[first],
    (verdict) => verdict === 'healthy',
    { timeout: 10_000, what: 'the re-checked device to turn healthy' },
  );
  expect((await verdicts(page))[second]).not.toBe('healthy');

  // A watch from the report on the other device, then the fix: a notification says it cleared.
  await report.$$eval(
    '.fleet-table tbody tr',
    (rows, id) => (rows.find((row) => (row as HTMLElement).dataset.deviceId === id) as HTMLElement).click(),
    second,
  );
  // Every notification shown, seen from an extension page (one may close itself before a poll reads it).
  await ext.evaluate(() => {
    type Event = { addListener(listener: (id: string) => void): void };
    const api = (
      globalThis as unknown as { browser: { notifications: { onShown?: Event; onClosed: Event } } }
    ).browser;
    const seen: string[] = [];
    (globalThis as unknown as { seen: string[] }).seen = seen;
    api.notifications.onShown?.addListener((id) => seen.push(id));
    api.notifications.onClosed.addListener((id) => seen.push(id));
  });
  await (await buttonByText(report, 'Watch until it clears')).click();
  await report.waitForSelector('[data-testid="watching"]');
  expect(sim.fixDevice(second)).toBe(true);
  const watchKey = `watches:${sim.origin}`;
  const state = () =>
    ext.evaluate(async (key) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return {
        watching: key in (await api.storage.session.get(key)),
        alarms: (await api.alarms.getAll()).map((alarm) => alarm.name),
        shown: Object.keys(await api.notifications.getAll()),
        seen: (globalThis as unknown as { seen: string[] }).seen,
      };
    }, watchKey);
  // The watch ends (cleared), its alarm goes, and its notification was shown.
  const ended = await poll(state, (s) => !s.watching && s.alarms.length === 0, {
    timeout: 20_000,
    what: 'the watch to end',
  });
  const notified = [...new Set([...ended.shown, ...ended.seen])];
  expect(notified).toEqual([`fmc-watch:\n${sim.origin}\n${second}`]);
  await poll(
    async () => (await verdicts(page))[second],
    (verdict) => verdict === 'healthy',
    { what: 'the watched device to turn healthy in the page' },
  );
});

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import {
  type FirefoxWithExtension,
  firstHintText,
  HINT,
  hintsPerRow,
  launchFirefox,
  openExtensionPage,
  poll,
  registeredMatches,
  tabIdOf,
} from './firefox';

const FLEET = 'devices=20&failing=3&seed=3';

let sim: FmcSimulator;
let firefox: FirefoxWithExtension;
/** An extension page, to call the extension's APIs (Firefox's MV3 background is not reachable over BiDi). */
let ext: Page;

beforeAll(async () => {
  sim = await startFmcSimulator({ port: 0 });
  firefox = await launchFirefox();
  ext = await openExtensionPage(firefox.browser, 'options.html', 'body *');
  // The background registers the content script for the granted origins on install; tests start once it has.
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

/** The rows whose own text is the Cloud Configuration failure (dashes, spacing and case normalised). */
async function failingRows(page: Page, rowSelector: string): Promise<number> {
  return page.$$eval(
    rowSelector,
    (rows) =>
      rows.filter((row) =>
        (row.textContent ?? '')
          .replace(/[\u2013\u2014]/g, '-')
          .replace(/\s+/g, ' ')
          .toLowerCase()
          .includes('threat data updates - cisco cloud configuration - failure'),
      ).length,
  );
}

test.each([
  ['table', 'tbody tr'],
  ['grid', '[role="row"]'],
  ['alerts', 'li.notification'],
])('annotates each failing row of the %s markup with exactly one hint', async (markup, rowSelector) => {
  const page = await firefox.browser.newPage();
  try {
    await page.goto(sim.url(`/health/monitor/${markup}?${FLEET}`));
    const failing = await failingRows(page, rowSelector);
    expect(failing).toBe(3);
    const found = await poll(
      () => hintsPerRow(page, rowSelector),
      ({ hints }) => hints >= failing,
      { what: `${failing} hints on the ${markup} page` },
    );
    expect(found.hints).toBe(failing);
    expect(found.perRow).toEqual(Array(failing).fill(1));
  } finally {
    await page.close();
  }
});

test('expands the first hint into the explanation, and counts the hints on the toolbar badge', async () => {
  const page = await firefox.browser.newPage();
  try {
    const url = sim.url(`/health/monitor/table?${FLEET}`);
    await page.goto(url);
    await page.waitForSelector(HINT);
    // The toggle is inside the hint's open shadow root: `>>>` pierces it, and the click is a real one.
    const toggle = await page.waitForSelector(`${HINT} >>> button.badge`);
    if (!toggle) throw new Error('no toggle in the hint');
    expect(await toggle.evaluate((el) => el.getAttribute('aria-expanded'))).toBe('false');
    expect(await firstHintText(page)).not.toContain('api-sse.cisco.com');
    await toggle.click();
    expect(await toggle.evaluate((el) => el.getAttribute('aria-expanded'))).toBe('true');
    // The explanation comes from the background (runtime.sendMessage from the content script).
    const text = await poll(
      () => firstHintText(page),
      (value) => value.includes('api-sse.cisco.com'),
      { what: 'the explanation in the hint' },
    );
    expect(text).toContain('Scenario 1');
    expect(text).toContain('Scenario 2');
    expect(text).toContain('nslookup api-sse.cisco.com');
    expect(text).toContain('configure network dns servers');
    const policy = await page.$eval(
      `${HINT}`,
      (host) =>
        host.shadowRoot?.querySelector('a[data-action="open-health-policy"]')?.getAttribute('href') ?? '',
    );
    expect(new URL(policy, url).origin).toBe(sim.origin);

    // The toolbar badge of that tab shows how many failing rows it has.
    const tabId = await tabIdOf(ext, url);
    const badge = await poll(
      () =>
        ext.evaluate(async (id) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          return api.action.getBadgeText({ tabId: id });
        }, tabId),
      (value) => value === '3',
      { what: 'the badge count' },
    );
    expect(badge).toBe('3');
  } finally {
    await page.close();
  }
});

test('enabling another FMC on the options page annotates its open tab at once; removing it unregisters', async () => {
  // 127.0.0.2 is loopback too, but not one of the e2e build's pre-granted origins: the optional host
  // permission path that production uses for every FMC (permissions.request, then permissions.onAdded in the
  // background registers the content script and injects it into the tabs already open).
  const other = await startFmcSimulator({ port: 0, host: '127.0.0.2' });
  const page = await firefox.browser.newPage();
  try {
    await page.goto(other.url(`/health/monitor/table?${FLEET}`));
    expect(await failingRows(page, 'tbody tr')).toBe(3);
    expect(await page.$$eval(HINT, (hosts) => hosts.length)).toBe(0);

    await ext.bringToFront();
    await ext.locator('#add-origin').fill(other.origin);
    // A real click: Firefox grants permissions.request only from a user gesture.
    await ext.locator('::-p-aria([name="Enable"][role="button"])').click();
    expect(
      await poll(
        () => registeredMatches(ext),
        (matches) => matches.length === 4,
        { what: 'the registration for 127.0.0.2' },
      ),
    ).toEqual(['http://127.0.0.1/*', 'http://127.0.0.2/*', 'http://localhost/*', 'https://127.0.0.1/*']);
    const found = await poll(
      () => hintsPerRow(page, 'tbody tr'),
      ({ hints }) => hints >= 3,
      { what: 'hints injected into the open tab' },
    );
    expect(found.perRow).toEqual([1, 1, 1]);

    await ext.locator('::-p-aria([name="Remove http://127.0.0.2"][role="button"])').click();
    expect(
      await poll(
        () => registeredMatches(ext),
        (matches) => matches.length === 3,
        { what: 'the registration without 127.0.0.2' },
      ),
    ).toEqual(['http://127.0.0.1/*', 'http://localhost/*', 'https://127.0.0.1/*']);
  } finally {
    await page.close();
    await other.close();
  }
});

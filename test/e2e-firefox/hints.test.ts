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

/** The rows of a page that name Cisco Cloud Configuration and a failure word (textContent glues the cells). */
async function failingRows(page: Page, rowSelector: string): Promise<number> {
  return page.$$eval(
    rowSelector,
    (rows) =>
      rows.filter((row) => {
        const text = row.textContent ?? '';
        return text.includes('Cisco Cloud Configuration') && /Failure|Failed/.test(text);
      }).length,
  );
}

/** Waits for `count` hints, then checks there is one per row and each sits in a failing row. */
async function expectHintsPerRow(page: Page, rowSelector: string, count: number, what: string) {
  const found = await poll(
    () => hintsPerRow(page, rowSelector),
    ({ hints }) => hints >= count,
    { what },
  );
  expect(found.hints).toBe(count);
  expect(found.perRow).toEqual(Array(count).fill(1));
}

test.each([
  ['module', '', 'tr'],
  ['alerts', '', 'tr'],
  ['alerts', 'markup=grid', '[role="row"]'],
  ['messages', '', 'li'],
  ['events', '', 'tr'],
  ['cards', '', 'li'],
  ['table', '', 'tbody tr'],
  ['grid', '', '[role="row"]'],
])(
  'annotates each failing row of the %s form (%s) with exactly one hint',
  async (form, query, rowSelector) => {
    const page = await firefox.browser.newPage();
    try {
      await page.goto(sim.url(`/health/monitor/${form}?${FLEET}${query ? `&${query}` : ''}`));
      expect(await failingRows(page, rowSelector)).toBe(3);
      await expectHintsPerRow(page, rowSelector, 3, `3 hints on the ${form} page`);
    } finally {
      await page.close();
    }
  },
);

test('reads a Japanese FMC, rows inserted late and re-rendered, and rows in an iframe', async () => {
  const page = await firefox.browser.newPage();
  try {
    await page.goto(sim.url(`/health/monitor/module?${FLEET}&ui=ja&late=300&rerender=1200`));
    await expectHintsPerRow(page, 'tr', 3, 'hints on the late Japanese page');
    const first = await page.$(HINT);
    await poll(
      async () => first?.evaluate((el) => el.isConnected),
      (connected) => connected === false,
      { what: 'the re-render' },
    );
    await expectHintsPerRow(page, 'tr', 3, 'hints after the re-render');

    await page.goto(sim.url(`/health/monitor/module?${FLEET}&frame=1`));
    const frame = await (await page.waitForSelector('iframe'))?.contentFrame();
    if (!frame) throw new Error('no iframe');
    const inFrame = await poll(
      () => frame.$$eval(HINT, (hosts) => hosts.length),
      (n) => n >= 3,
      { what: 'hints in the iframe' },
    );
    expect(inFrame).toBe(3);
  } finally {
    await page.close();
  }
});

test('leaves the quoted TAC note, the help prose and the policy editor alone (a positive control added)', async () => {
  const page = await firefox.browser.newPage();
  try {
    for (const path of [
      '/help/tac-note',
      '/help/cloud',
      '/health/policy/edit?id=0050568a-3f2e-0ed3-0000-004294967297',
    ]) {
      await page.goto(sim.url(path));
      await page.evaluate(() => {
        const table = document.createElement('table');
        table.id = 'control';
        const tr = table.createTBody().insertRow();
        tr.insertCell().textContent = 'Cisco Cloud Configuration';
        tr.insertCell().textContent = 'Failure';
        document.body.append(table);
      });
      // Once the control's hint is there, the page has been read: no other hint is a finding, not a race.
      await poll(
        () => page.$$eval(`#control ${HINT}`, (hosts) => hosts.length),
        (n) => n === 1,
        { what: `the positive control on ${path}` },
      );
      expect(await page.$$eval(HINT, (hosts) => hosts.length), path).toBe(1);
    }
  } finally {
    await page.close();
  }
});

test('expands the first hint into the explanation, and counts the hints on the toolbar badge', async () => {
  const page = await firefox.browser.newPage();
  try {
    const url = sim.url(`/health/monitor/module?${FLEET}`);
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

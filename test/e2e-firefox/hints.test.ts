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

test.each([
  ['messages', ['.message-age', '.message-status', 'time.message-time']],
  ['cards', ['.notification__age', '.notification__status', '.notification__meta', 'time']],
])(
  '%s: rows with a device, a time, "n min ago" or a status after the alert get their hint (issue 18)',
  async (form, fields) => {
    const page = await firefox.browser.newPage();
    try {
      // Six failing devices: every layout of the items and cards, trailing fields and all.
      await page.goto(sim.url(`/health/monitor/${form}?devices=20&failing=6`));
      expect(await failingRows(page, 'li')).toBe(6);
      await expectHintsPerRow(page, 'li', 6, `6 hints on the ${form} page`);
      for (const field of fields) {
        const rows = await page.$$eval(
          'li',
          (items, selector, hint) =>
            items
              .filter(
                (item) =>
                  item.querySelector(selector) &&
                  /Cloud Configuration.{0,3}Failure/.test(item.textContent ?? ''),
              )
              .map((item) => item.querySelectorAll(hint).length),
          field,
          HINT,
        );
        expect(rows.length, field).toBeGreaterThan(0);
        expect(rows, field).toEqual(Array(rows.length).fill(1));
      }
    } finally {
      await page.close();
    }
  },
);

test('a result word that runs on in its own text gets no hint, whatever fields follow (positive control beside it)', async () => {
  const page = await firefox.browser.newPage();
  try {
    await page.goto(sim.url('/health/monitor/messages?devices=20&failing=6'));
    await expectHintsPerRow(page, 'li', 6, '6 hints on the messages page');
    // Negatives and a positive control in one insertion: once the control has its hint, the content script
    // has read the negatives too.
    await page.evaluate(() => {
      const list = document.createElement('ul');
      list.id = 'issue-18';
      list.innerHTML = [
        '<li class="negative">Cisco Cloud Configuration - Failure to connect to the cloud.</li>',
        '<li class="negative">Threat Data Updates - Cisco Cloud Configuration - Failure to connect <span>ftd-7</span> <time>10:44</time></li>',
        '<li class="negative"><span>ftd-core-a</span><span>Cisco Cloud Configuration - Failure means DNS</span><span>3 min ago</span></li>',
        '<li class="negative"><b>Cisco Cloud Configuration - Failure</b> occurs when the device cannot reach the cloud</li>',
        '<li id="control"><span class="sev" title="Critical"></span><span>ftd-core-a</span><span>Threat Data Updates on Devices: Cisco Cloud Configuration - Failure</span><span>3 min ago</span></li>',
      ].join('');
      document.querySelector('main')?.append(list);
    });
    await poll(
      () => page.$$eval(`#control ${HINT}`, (hosts) => hosts.length),
      (n) => n === 1,
      { what: 'the positive control' },
    );
    expect(await page.$$eval(`#issue-18 .negative ${HINT}`, (hosts) => hosts.length)).toBe(0);
    expect(await page.$$eval(HINT, (hosts) => hosts.length)).toBe(7);
  } finally {
    await page.close();
  }
});

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

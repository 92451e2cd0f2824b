import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import {
  type FirefoxWithExtension,
  HINT,
  launchFirefox,
  openExtensionPage,
  poll,
  registeredMatches,
  signIn,
  tabIdOf,
} from './firefox';

let sim: FmcSimulator;
let firefox: FirefoxWithExtension;
let popup: Page;
/** The popup's address for the FMC's tab (`popup.html?tabId=`). */
let popupPath: string;

// The popup is opened as a tab for the FMC's tab (`popup.html?tabId=`), as keyboard users can. A real toolbar
// click (which grants activeTab) cannot be driven over BiDi; the e2e build's loopback host permission is what
// lets the popup read the tab's address here.
beforeAll(async () => {
  sim = await startFmcSimulator({ port: 0 });
  sim.setFleet({ devices: 12, failing: 3, seed: 4, causes: ['dns-missing', 'proxy', 'connectivity'] });
  firefox = await launchFirefox();
  const ext = await openExtensionPage(firefox.browser, 'options.html', 'body *');
  await poll(
    () => registeredMatches(ext),
    (matches) => matches.length === 3,
    { what: 'the content script registration' },
  );
  const fmc = await firefox.browser.newPage();
  const url = sim.url('/health/monitor/table');
  await fmc.goto(url);
  // The popup reads the tab's hint count once, when it opens: wait for all three rows to carry their hint.
  await poll(
    () => fmc.$$eval(HINT, (hosts) => hosts.length),
    (count) => count === 3,
    { what: 'three hints on the FMC page' },
  );
  const tabId = await tabIdOf(ext, url);
  await ext.close();
  popupPath = `popup.html?tabId=${tabId}`;
  popup = await openExtensionPage(firefox.browser, popupPath);
});

afterAll(async () => {
  await firefox?.close();
  await sim?.close();
});

test('the popup signs in with the API user and lists each failing device with its verdict', async () => {
  // The popup counts the FMC tab's failing rows (from the content script, through the background).
  await popup.waitForSelector('[data-testid="hint-count"]');
  expect(await popup.$eval('[data-testid="hint-count"]', (el) => el.textContent)).toBe(
    'Failing health rows explained on this page: 3',
  );
  await signIn(popup);
  const verdicts = await poll(
    () =>
      popup.$$eval('[data-testid="failing-device"]', (items) =>
        items.map((item) => item.getAttribute('data-verdict')).sort(),
      ),
    (found) => found.length === 3,
    { timeout: 20_000, what: 'three failing devices' },
  );
  expect(verdicts).toEqual(['connectivity', 'dns-missing', 'proxy']);
  // The password is never stored: only the user name and tokens, in storage.local / storage.session.
  const stored = await popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return JSON.stringify([await api.storage.local.get(), await api.storage.session.get()]);
  });
  expect(stored).not.toContain('api-password');
  expect(stored).toContain('api-user');
});

test('DNS lookups go through Firefox’s browser.dns (the system resolver), not DNS-over-HTTPS', async () => {
  // The panel appears with the diagnosis (previous test).
  await popup.waitForSelector('[data-testid="dns-resolver"]');
  expect(await popup.$eval('[data-testid="dns-resolver"]', (el) => el.textContent)).toBe(
    'From this browser, with the system resolver (the DNS servers of your network).',
  );
  // `localhost` resolves offline through the system resolver; a DoH resolver (the Chromium path) would need
  // the Internet, which this machine does not reach.
  await popup.locator('#dns-name').fill('localhost');
  await popup.locator('::-p-aria([name="Look up"][role="button"])').click();
  const result = await popup.waitForSelector('[data-testid="dns-result"][data-host="localhost"]');
  if (!result) throw new Error('no lookup result');
  expect(await result.evaluate((el) => el.getAttribute('data-ok'))).toBe('true');
  const text = await result.evaluate((el) => el.textContent ?? '');
  expect(text).toContain('127.0.0.1');
  expect(await result.evaluate((el) => el.querySelector('pre')?.textContent ?? '')).toMatch(
    /^Server:\s+Firefox system resolver/,
  );
});

test('opened again within the freshness window, the popup shows the stored diagnosis and asks the FMC nothing', async () => {
  // The first test's run has finished: the popup says when it was made.
  await popup.waitForSelector('[data-testid="as-of"]');
  const requests = sim.rest.stats().requests;
  const again = await openExtensionPage(firefox.browser, popupPath);
  try {
    // Positive control first: this opening decided, on the stored diagnosis, not to run.
    await again.waitForSelector('[data-testid="fmc-panel"][data-auto-run="no"]');
    const devices = await poll(
      () => again.$$eval('[data-testid="failing-device"]', (items) => items.length),
      (count) => count === 3,
      { what: 'the stored diagnosis’s three failing devices' },
    );
    expect(devices).toBe(3);
    expect(await again.$eval('[data-testid="as-of"]', (el) => el.getAttribute('data-at'))).toBe(
      await popup.$eval('[data-testid="as-of"]', (el) => el.getAttribute('data-at')),
    );
    expect(sim.rest.stats().requests).toBe(requests);
  } finally {
    await again.close();
  }
});

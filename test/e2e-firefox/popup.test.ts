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
  popup = await openExtensionPage(firefox.browser, `popup.html?tabId=${tabId}`);
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

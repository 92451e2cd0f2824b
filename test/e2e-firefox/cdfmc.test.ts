import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DiagnosisSchema } from '../../lib/diagnose/schema';
import type { FleetOptions } from '../fmc-sim/fleet';
import { CDFMC_TOKENS } from '../fmc-sim/rest';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import {
  buttonByText,
  diagnosisFinished,
  type FirefoxWithExtension,
  fieldByLabel,
  HINT,
  hintButton,
  hintVerdicts,
  launchFirefox,
  openExtensionPage,
  poll,
  registeredMatches,
  tabIdOf,
} from './firefox';

// Issue 20 in Firefox: the simulator in its cdFMC mode, reached through its own host (the simulator's origin,
// `Authorization: Bearer`). A revoked token first, then the report and the popup sign in with the API token;
// verdicts, hints, Re-check; the token never in storage.local nor an export.

const FLEET = {
  devices: 8,
  failing: 3,
  seed: 5,
  causes: ['dns-missing', 'proxy', 'connectivity'],
} satisfies FleetOptions;
const CLOUD = 'The cloud-delivered FMC (Security Cloud Control)';

let sim: FmcSimulator;
let firefox: FirefoxWithExtension;
/** An extension page, to call the extension's APIs (Firefox's MV3 background is not reachable over BiDi). */
let ext: Page;

beforeAll(async () => {
  sim = await startFmcSimulator({ port: 0, cdfmc: true });
  sim.setFleet(FLEET);
  firefox = await launchFirefox();
  ext = await openExtensionPage(firefox.browser, 'options.html', 'body *');
  await poll(
    () => registeredMatches(ext),
    (matches) => matches.length === 3,
    { what: 'the content script registration' },
  );
});

// Each test starts from a fresh cdFMC (counters, tokens) and no session: one test's sign-in never carries over.
beforeEach(async () => {
  sim.rest.reset();
  sim.setFleet(FLEET);
  await ext.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.clear(),
  );
});

afterAll(async () => {
  await firefox?.close();
  await sim?.close();
});

const failing = () =>
  sim.fleet().devices.filter((device) => device.failingDataTypes.includes('Cisco Cloud Configuration'));

/** Chooses the cloud-delivered FMC (its radio, by its accessible name), pastes the token, signs in. */
async function signInWithToken(page: Page, token: string): Promise<void> {
  await (await fieldByLabel(page, CLOUD)).click();
  await (await fieldByLabel(page, 'API token')).asLocator().fill(token);
  await page.locator('::-p-aria([name="Sign in"][role="button"])').click();
}

/** Both storage areas, read from an extension page. */
function stored(): Promise<{ local: string; session: string }> {
  return ext.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return {
      local: JSON.stringify(await api.storage.local.get(null)),
      session: JSON.stringify(await api.storage.session.get(null)),
    };
  });
}

/**
 * The text of the export the click saves (a real Firefox download, no dialog), once whole on disk: Firefox may
 * show the file empty before its `.part` appears, so the text must also end as the export ends.
 */
async function exported(page: Page, button: string, extension: string, ends: RegExp): Promise<string> {
  const before = new Set(readdirSync(firefox.downloads));
  await (await buttonByText(page, button)).click();
  const file = await poll(
    async () =>
      readdirSync(firefox.downloads).find((name) => name.endsWith(extension) && !before.has(name)) ?? '',
    (name) => name !== '' && !existsSync(path.join(firefox.downloads, `${name}.part`)),
    { what: `the exported ${extension} file` },
  );
  return poll(
    async () => readFileSync(path.join(firefox.downloads, file), 'utf8'),
    (text) => ends.test(text.trimEnd()),
    { what: 'the whole export on disk' },
  );
}

function reportPage(): Promise<Page> {
  return openExtensionPage(firefox.browser, `report.html?fmc=${encodeURIComponent(sim.origin)}`, 'form');
}

test('a revoked token gets the clear message, and nothing is stored', async () => {
  const report = await reportPage();
  try {
    await signInWithToken(report, CDFMC_TOKENS.revoked);
    const alert = await report.waitForSelector('[role="alert"][data-error-code="token-invalid"]');
    const text = (await alert?.evaluate((el) => el.textContent)) ?? '';
    expect(text).toContain('The sign-in failed.');
    expect(text).toContain('The SCC API token was refused (401');
    const { local, session } = await stored();
    expect(local).not.toContain(CDFMC_TOKENS.revoked);
    expect(session).not.toContain(CDFMC_TOKENS.revoked);
  } finally {
    await report.close();
  }
});

test('the report signs in with the API token, diagnoses every device, and no export holds the token', async () => {
  const token = CDFMC_TOKENS.valid;
  const report = await reportPage();
  try {
    await signInWithToken(report, token);
    await diagnosisFinished(report);
    const expected = Object.fromEntries(sim.fleet().devices.map((d) => [d.id, d.cause ?? 'healthy']));
    const shown = await report.$$eval('.fleet-table tbody tr', (rows) =>
      Object.fromEntries(rows.map((row) => [row.dataset.deviceId, row.dataset.verdict])),
    );
    expect(shown).toEqual(expected);

    const json = await exported(report, 'Export JSON', '.json', /\}$/);
    const diagnosis = DiagnosisSchema.parse(JSON.parse(json));
    expect(diagnosis.fmc.version?.startsWith('10.0.0')).toBe(true);
    expect(Object.fromEntries(diagnosis.devices.map((d) => [d.id, d.verdict]))).toEqual(expected);
    const markdown = await exported(report, 'Export Markdown', '.md', /\S$/);
    for (const device of failing()) {
      expect(json).toContain(device.name);
      expect(markdown).toContain(device.name);
    }
    expect(json).not.toContain(token);
    expect(markdown).not.toContain(token);

    const stats = sim.rest.stats();
    expect(stats.logins ?? 0).toBe(0);
    expect(Object.keys(stats.byDoor)).toEqual(['host']);
    expect(stats.tokenRefusals).toEqual({});
    const { local, session } = await stored();
    expect(session).toContain(token);
    expect(local).not.toContain(token);

    // Sign out forgets the bearer session (the next test signs in from the popup).
    await (await buttonByText(report, 'Sign out')).click();
    await poll(
      async () => (await stored()).session.includes(token),
      (held) => !held,
      { what: 'the token forgotten' },
    );
  } finally {
    await report.close();
  }
});

test('the popup signs in with the token; hints get their verdicts; Re-check after the fix', async () => {
  const token = CDFMC_TOKENS.valid;
  const page = await firefox.browser.newPage();
  const url = sim.url('/health/monitor/module');
  await page.goto(url);
  await poll(
    () => page.evaluate((hint) => document.querySelectorAll(hint).length, HINT),
    (n) => n === failing().length,
    { what: 'one hint per failing device' },
  );
  const popup = await openExtensionPage(
    firefox.browser,
    `popup.html?tabId=${await tabIdOf(ext, url)}`,
    'form',
  );
  try {
    await signInWithToken(popup, token);
    const expected = Object.fromEntries(failing().map((device) => [device.id, device.cause ?? '']));
    await poll(
      () =>
        popup.$$eval('[data-testid="failing-device"]', (items) =>
          Object.fromEntries(
            items.map((item) => [item.getAttribute('data-device-id'), item.getAttribute('data-verdict')]),
          ),
        ),
      (found) =>
        JSON.stringify(found) === JSON.stringify(expected) || Object.keys(found).length > failing().length,
      { timeout: 30_000, what: 'each failing device with its verdict in the popup' },
    );
    expect(
      await popup.$$eval('[data-testid="failing-device"]', (items) =>
        Object.fromEntries(
          items.map((item) => [item.getAttribute('data-device-id'), item.getAttribute('data-verdict')]),
        ),
      ),
    ).toEqual(expected);
    await poll(
      () => hintVerdicts(page),
      (shown) => JSON.stringify(shown) === JSON.stringify(expected),
      { timeout: 5_000, what: 'the verdicts in the hints of the cdFMC page' },
    );

    // Re-check in the hint after the fix (a real click: the hint acts on trusted clicks only).
    const [target] = failing();
    if (!target) throw new Error('the fleet has a failing device');
    expect(sim.fixDevice(target.id)).toBe(true);
    // The hint opens on a real click of its badge; Re-check is in the open panel's head. The popup's tab was
    // opened last: the FMC's tab comes to the front first, as the admin would bring it, so real input reaches it.
    await page.bringToFront();
    await (await hintButton(page, target.id, 'button.badge')).click();
    await poll(
      async () => (await hintButton(page, target.id, 'button.recheck').catch(() => null)) !== null,
      (found) => found,
      { what: 'the Re-check button of the open hint' },
    );
    // Focus and Enter, a real key press (isTrusted): the open panel may still move while its content arrives,
    // and a click at a position taken a moment earlier can miss (as in loop.test.ts).
    await (await hintButton(page, target.id, 'button.recheck')).focus();
    await page.keyboard.press('Enter');
    await poll(
      async () => (await hintVerdicts(page))[target.id],
      (verdict) => verdict === 'healthy',
      { timeout: 10_000, what: 'the re-checked device to turn healthy' },
    );
    expect(sim.rest.stats().logins ?? 0).toBe(0);
    expect(sim.rest.stats().tokenRefusals).toEqual({});
    const { local, session } = await stored();
    expect(session).toContain(token);
    expect(local).not.toContain(token);
  } finally {
    await popup.close();
    await page.close();
  }
});

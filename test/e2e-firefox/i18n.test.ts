import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import {
  FIREFOX,
  type FirefoxWithExtension,
  firstHintText,
  HINT,
  launchFirefox,
  openExtensionPage,
  poll,
  registeredMatches,
} from './firefox';

/**
 * Debian's firefox-esr ships en-US only; French comes with `firefox-esr-l10n-fr`, a language pack in the
 * application's `browser/extensions` folder. Without it `intl.locale.requested=fr` falls back to English, so
 * the test is skipped (`.ci/run` installs the package).
 */
function hasFrenchLanguagePack(): boolean {
  if (!existsSync(FIREFOX)) return false;
  const folder = path.join(path.dirname(realpathSync(FIREFOX)), 'browser', 'extensions');
  return existsSync(folder) && readdirSync(folder).some((name) => /^langpack-fr@.*\.xpi$/.test(name));
}

const french = hasFrenchLanguagePack();
let sim: FmcSimulator;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  if (!french) return;
  sim = await startFmcSimulator({ port: 0 });
  firefox = await launchFirefox({ locale: 'fr' });
});

afterAll(async () => {
  await firefox?.close();
  await sim?.close();
});

test.skipIf(!french)('with Firefox in French, the hint and the extension pages speak French', async () => {
  const ext = await openExtensionPage(firefox.browser, 'options.html', 'body *');
  expect(
    await ext.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.i18n.getUILanguage(),
    ),
  ).toBe('fr');
  await poll(
    () => registeredMatches(ext),
    (matches) => matches.length === 3,
    { what: 'the content script registration' },
  );
  const page = await firefox.browser.newPage();
  await page.goto(sim.url('/health/monitor/module?devices=10&failing=1'));
  const toggle = await page.waitForSelector(`${HINT} >>> button.badge`);
  if (!toggle) throw new Error('no toggle in the hint');
  expect(await toggle.evaluate((el) => el.textContent)).toContain('Pourquoi cet échec');
  await toggle.click();
  const text = await poll(
    () => firstHintText(page),
    (value) => value.includes('Scénario 1'),
    { what: 'the French explanation' },
  );
  expect(text).toContain('Scénario 2');
  expect(text).toContain('nslookup api-sse.cisco.com');
  expect(text).toContain('Ouvrir la politique d’intégrité');
});

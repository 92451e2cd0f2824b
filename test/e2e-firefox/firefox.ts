// Launches Debian's Firefox ESR headless through puppeteer-core over WebDriver BiDi, with the Firefox e2e build
// (`npm run build:e2e:firefox`) installed as a temporary add-on.
//
// The recipe, and the pitfalls it works around:
// - `--remote-allow-system-access`: without it `browsingContext.navigate` to a `moz-extension://` URL fails
//   with "unsupported operation: Navigation to … is not allowed in this context".
// - The extension's UUID is random per profile; the pref `extensions.webextensions.uuids` pins it, keyed by the
//   gecko id from the manifest (`browser_specific_settings.gecko.id`), so tests know the pages' URLs up front.
// - `extensions.originControls.grantByDefault`: with it the MV3 `host_permissions` of the e2e build (loopback)
//   are granted at install, as in Chromium, and the background registers the content script for them at once;
//   without it the user grants them in the add-ons panel. It is Firefox's default (true in 153 ESR, where the
//   permissions are granted without the pref too), set here so that the suite does not depend on a default.
// - Extension pages send no load event to BiDi: `goto(url, { waitUntil: [] })` and wait for a selector instead
//   (with the default `waitUntil: 'load'` the navigation times out although the page is there).
// - MV3 in Firefox has an event page (`background.scripts`), not a service worker, and BiDi exposes no target
//   for it: tests call the extension APIs from an extension page opened in a tab (`page.evaluate` with the
//   page's `browser` global).
// - Puppeteer's default Firefox profile already turns off updates, telemetry, remote settings and other
//   background traffic: this machine reaches only loopback, and nothing here needs more than that.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

export const EXTENSION_DIR = path.resolve('.output/firefox-mv3-e2e');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'fmc-cloud-doctor@fmc-cloud-doctor.invalid';
/** Any fixed v4 UUID: the extension's pages are then at `moz-extension://<this>/…`. */
export const EXTENSION_UUID = '6f1c2a9e-3b7d-4c5e-9a8f-0d1e2f3a4b5c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** The hint hosts on a page; the hint itself lives in their open shadow root. */
export const HINT = '[data-fmc-hint="cloud-configuration"]';

export interface FirefoxWithExtension {
  browser: Browser;
  /** Where Firefox saves downloads (the report's exports), without asking. */
  downloads: string;
  close(): Promise<void>;
}

export async function launchFirefox(options: { locale?: string } = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox e2e build in ${EXTENSION_DIR}: run \`npm run build:e2e:firefox\` first.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: \`apt-get install firefox-esr\` (or set FIREFOX_PATH).`);
  }
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'fmc-doctor-ff-downloads-'));
  // FIREFOX_DEBUG=1 prints Firefox's output, with the console of every page and of the extension, to stderr.
  const debug = process.env.FIREFOX_DEBUG === '1';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    dumpio: debug,
    extraPrefsFirefox: {
      ...(debug ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true } : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'extensions.originControls.grantByDefault': true,
      // permissions.request() for an optional host permission (enabling another FMC) is granted without
      // Firefox's doorhanger, which BiDi cannot click; the request still needs the user's click (a real one).
      'extensions.webextOptionalPermissionPrompts': false,
      // Downloads go to a temporary folder with no dialog, so the exports can be read back.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      // The UI language (English unless asked): the French one needs Debian's `firefox-esr-l10n-fr`
      // language pack, which Firefox loads from its application folder (scope 4, which puppeteer enables).
      'intl.locale.requested': options.locale ?? 'en-US',
    },
  });
  try {
    const id = await browser.installExtension(EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    downloads,
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Opens one of the extension's pages in a new tab (see the pitfall above about its load event). */
export async function openExtensionPage(browser: Browser, file: string, ready = 'main'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/${file}`, { waitUntil: [] });
  await page.waitForSelector(ready);
  return page;
}

/** The extension's registered content-script match patterns (registered by the background at install). */
export async function registeredMatches(ext: Page): Promise<string[]> {
  return ext.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const scripts = await api.scripting.getRegisteredContentScripts();
    return scripts.flatMap((script) => script.matches ?? []).sort();
  });
}

/** The id of the tab showing `url`, as the extension sees it (needs host access to that URL). */
export async function tabIdOf(ext: Page, url: string): Promise<number> {
  const id = await ext.evaluate(async (target) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return (await api.tabs.query({})).find((tab) => tab.url === target)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`the extension sees no tab with ${url}`);
  return id;
}

/** Polls `read` until `accept` holds, then returns the value (the last one is in the error otherwise). */
export async function poll<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeout = 10_000, interval = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
    value = await read();
  }
  return value;
}

/** The hint hosts on the page and, for each, how many hints its row holds (the row: `rowSelector`). */
export async function hintsPerRow(
  page: Page,
  rowSelector: string,
): Promise<{ hints: number; perRow: number[] }> {
  return page.evaluate(
    (hint, row) => ({
      hints: document.querySelectorAll(hint).length,
      perRow: [...document.querySelectorAll(row)]
        .map((element) => element.querySelectorAll(hint).length)
        .filter((n) => n > 0),
    }),
    HINT,
    rowSelector,
  );
}

/** The text of the first hint's shadow root (puppeteer's `>>>` pierces it for clicks; this reads it). */
export async function firstHintText(page: Page): Promise<string> {
  return page.$eval(HINT, (host) => host.shadowRoot?.textContent ?? '');
}

/**
 * The form field whose accessible name is `name`. Puppeteer's `::-p-aria` works over BiDi (Firefox's
 * `browsingContext.locateNodes`), but Firefox also returns the `<label>` that names the field (Chromium does
 * not), and a password field has no role to ask for: so the first `input` among the matches.
 */
export async function fieldByLabel(page: Page, name: string): Promise<ElementHandle<HTMLInputElement>> {
  await page.waitForSelector(`::-p-aria(${name})`);
  for (const handle of await page.$$(`::-p-aria(${name})`)) {
    if (await handle.evaluate((el) => el instanceof HTMLInputElement)) {
      return handle as ElementHandle<HTMLInputElement>;
    }
  }
  throw new Error(`no input named ${name}`);
}

/** Fills the sign-in form of the popup or the report with the simulator's API user. */
export async function signIn(page: Page, user = 'api-user', password = 'api-password'): Promise<void> {
  // `fill` replaces what is there (the popup pre-fills the user name it remembers for the FMC).
  await (await fieldByLabel(page, 'Username')).asLocator().fill(user);
  await (await fieldByLabel(page, 'Password')).asLocator().fill(password);
  await page.locator('::-p-aria([name="Sign in"][role="button"])').click();
}

/** A button found by its exact text, to read its state (disabled, pressed…). */
export async function buttonByText(page: Page, text: string, timeout = 10_000): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === label),
    { timeout },
    text,
  );
  return handle as ElementHandle;
}

/** Each hint's device element (in its open shadow root), as `{ id: verdict }`. */
export function hintVerdicts(page: Page): Promise<Record<string, string>> {
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

/** A button of the hint tied to `deviceId`, as an element handle (clicked with real input, not from the page). */
export async function hintButton(page: Page, deviceId: string, selector: string) {
  const handle = await page.evaluateHandle(
    (hint, id, button) => {
      for (const host of document.querySelectorAll(hint)) {
        const root = host.shadowRoot ?? host;
        if (root.querySelector(`[data-fmc-device="${id}"]`)) return root.querySelector(button);
      }
      return null;
    },
    HINT,
    deviceId,
    selector,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} in the hint of ${deviceId}`);
  return element as ElementHandle<HTMLButtonElement>;
}

/** Waits until a report's run has finished: its "Export JSON" button is enabled (the exports follow a run). */
export async function diagnosisFinished(report: Page): Promise<void> {
  const exportJson = await buttonByText(report, 'Export JSON');
  await poll(
    () => exportJson.evaluate((button) => (button as HTMLButtonElement).disabled),
    (disabled) => !disabled,
    { timeout: 30_000, what: 'the diagnosis to finish' },
  );
}

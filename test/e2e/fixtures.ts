import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network: this machine reaches nothing but loopback. */
const QUIET_NETWORK = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--no-default-browser-check',
];

export async function launchWithExtension(options: { lang?: string; colorScheme?: 'light' | 'dark' } = {}) {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No e2e build in ${EXTENSION_DIR}: run \`npm run build:e2e\` first.`);
  }
  const lang = options.lang ?? 'en-US';
  const profile = mkdtempSync(path.join(os.tmpdir(), 'fmc-doctor-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${lang}`,
      '--no-sandbox',
      // A DevTools port lets tests press the toolbar button for real (CDP Extensions.triggerAction).
      '--remote-debugging-port=0',
      '--enable-unsafe-extension-debugging',
      ...QUIET_NETWORK,
    ],
  });
  profiles.set(context, profile);
  context.on('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // Chromium may still be flushing its cache; the OS cleans its temp folder.
    }
  });
  return context;
}

const profiles = new WeakMap<BrowserContext, string>();

/**
 * Clicks the extension's toolbar button on `page`'s tab, as a user would (CDP Extensions.triggerAction): the
 * browser grants activeTab for that tab and opens the popup. Returns the popup's UI opened in a tab for that
 * same tab (`popup.html?tabId=`), which Playwright can drive.
 */
export async function clickToolbarButton(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<Page> {
  const profile = profiles.get(context);
  if (!profile) throw new Error('context not launched by launchWithExtension');
  const port = readFileSync(path.join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await page.bringToFront();
    await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  } finally {
    await browser.close();
  }
  const worker = await extensionWorker(context);
  const tabId = await worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
    page.url(),
  );
  if (tabId === undefined) throw new Error('the toolbar click did not grant access to the tab');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** The `[i18n]` errors of every page of the context, as they happen. */
export function watchMessages(context: BrowserContext): string[] {
  const lines: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('[i18n]')) lines.push(message.text());
  });
  return lines;
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
}

interface WorkerFixtures {
  sim: FmcSimulator;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  sim: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const sim = await startFmcSimulator({ port: 0 });
      await use(sim);
      await sim.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  context: async ({}, use) => {
    const context = await launchWithExtension();
    const unworded = watchMessages(context);
    await use(context);
    await context.close();
    // A message the UI could not word (components/i18n.ts writes `[i18n]` errors) fails the test.
    expect(unworded, 'messages the UI could not word').toEqual([]);
  },
  background: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
});

export const expect = test.expect;

/** The hint hosts on a page (Playwright's CSS locators pierce open shadow roots). */
export const HINT = '[data-fmc-hint="cloud-configuration"]';

import { execSync } from 'node:child_process';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

/** What the browser benchmarks share: the Chromium they run, how it is launched, the extension it loads. */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No first-run pages, updates, sync or background fetches to weigh on the timings. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-sandbox',
];

/** The middle value (the upper one of an even count); NaN for none. */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Builds the extension in its e2e mode and returns its folder. */
export function buildE2eExtension(): string {
  execSync('npx wxt build --mode e2e', { stdio: 'ignore' });
  return path.resolve('.output/chrome-mv3-e2e');
}

export interface LaunchOptions {
  /** An unpacked extension folder to load; none for the bare browser. */
  extension?: string;
  /** The profile folder; a throwaway one by default. */
  userDataDir?: string;
  /** More Chromium flags, before the quiet ones. */
  args?: string[];
}

/** Headless Chromium, quiet, with or without the extension. */
export function launchBrowser({
  extension,
  userDataDir = '',
  args = [],
}: LaunchOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      ...args,
      ...QUIET_FLAGS,
    ],
  });
}

/** The extension's service worker, once it has started. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

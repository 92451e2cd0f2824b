// The demo of `npm start` (run by scripts/start.mjs once the dependencies are installed): find a Chromium-family
// browser, build the extension, start the FMC simulator, open the browser with the extension on the simulated
// Health Monitor. Without a display, run headless and save a screenshot instead.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { type FmcSimulator, startFmcSimulator } from '../test/fmc-sim/server';
import { findCommand, isExecutable, START_BROWSER_COMMANDS } from './setup.mjs';

const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
const PORT = Number(process.env.SIM_PORT ?? 8080);
const headless =
  process.argv.includes('--headless') ||
  (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

interface Browser {
  label: string;
  executablePath?: string;
  channel?: 'chrome' | 'msedge';
  /** Google Chrome and Microsoft Edge, which stopped loading unpacked extensions from the command line (137). */
  branded: boolean;
}

/**
 * Where Playwright finds a channel's browser (`/opt/google/chrome/chrome`, `/opt/microsoft/msedge/msedge` on
 * Linux), asked of its browser registry, the check `launch({ channel })` makes before it throws "Chromium
 * distribution 'chrome' is not found". null: not installed; undefined: that internal API has moved, and the
 * launch will tell.
 */
function channelExecutable(channel: 'chrome' | 'msedge'): string | null | undefined {
  type Registry = { findExecutable(name: string): { executablePath(): string | undefined } | undefined };
  try {
    // playwright-core is @playwright/test's (through playwright's) dependency, not ours: resolve it from there.
    let require = createRequire(import.meta.url);
    for (const pkg of ['@playwright/test', 'playwright']) require = createRequire(require.resolve(pkg));
    const core = require('playwright-core/lib/coreBundle') as { registry?: { registry?: Registry } };
    const executable = core.registry?.registry?.findExecutable(channel);
    return executable ? (executable.executablePath() ?? null) : undefined;
  } catch {
    return undefined;
  }
}

/** The browsers to try, best first. */
function findBrowsers(): Browser[] {
  const found: Browser[] = [];
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && isExecutable(fromEnv))
    found.push({ label: fromEnv, executablePath: fromEnv, branded: false });
  for (const name of START_BROWSER_COMMANDS) {
    const file = findCommand(name);
    if (file && !found.some((browser) => browser.executablePath === file)) {
      found.push({ label: file, executablePath: file, branded: name.startsWith('google-chrome') });
    }
  }
  const channels = [
    ['chrome', 'Google Chrome'],
    ['msedge', 'Microsoft Edge'],
  ] as const;
  for (const [channel, name] of channels) {
    const file = channelExecutable(channel);
    if (file === null || (file && found.some((browser) => browser.executablePath === file))) continue;
    found.push({ label: `${name} (${file ?? `Playwright channel ${channel}`})`, channel, branded: true });
  }
  return found;
}

function noBrowser(): never {
  const env = process.env.CHROMIUM_PATH;
  console.error(
    `No Chromium-family browser found${env ? ` (CHROMIUM_PATH=${env} is not an executable file)` : ''}: install Debian's chromium (sudo apt-get install chromium) or Google Chrome, or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const browsers = findBrowsers();
if (browsers.length === 0) noBrowser();
if (process.env.CHROMIUM_PATH && !isExecutable(process.env.CHROMIUM_PATH)) {
  console.warn(
    `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file: using ${browsers[0]?.label}.`,
  );
}

// The e2e build pre-grants loopback origins, so the demo needs no "Enable on this FMC" click.
execSync('npx wxt build --mode e2e', { stdio: 'inherit' });

const sim: FmcSimulator = await startFmcSimulator({
  port: PORT,
  fleet: { devices: 12, failing: 3, seed: 7 },
});
let context: BrowserContext | undefined;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await context?.close().catch(() => undefined);
    await sim.close();
  }
  process.exit(code);
}

async function fail(message: string): Promise<never> {
  console.error(`\n${message}`);
  return stop(1);
}

const monitor = sim.url('/health/monitor/module');
console.log(`\nFMC simulator: ${sim.origin}`);
console.log(`  Health Monitor, module view (opened): ${monitor}`);
console.log('  The same alerts in the other forms FMC shows them:');
for (const form of ['alerts', 'messages', 'events', 'cards', 'table', 'grid']) {
  console.log(`    ${`${form}:`.padEnd(10)}${sim.url(`/health/monitor/${form}`)}`);
}
console.log(`  Health policy: ${sim.url('/health/policy')}`);
console.log(`  REST API: ${sim.url('/api/fmc_platform/v1/')}, user api-user, password api-password`);
console.log(
  '  Popup: on the Health Monitor tab, click the FMC Cloud Doctor toolbar button (in the puzzle-piece menu)\n' +
    '  and sign in with user api-user, password api-password.',
);

const args = [
  `--disable-extensions-except=${EXTENSION_DIR}`,
  `--load-extension=${EXTENSION_DIR}`,
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
let browser: Browser | undefined;
for (const candidate of browsers) {
  try {
    context = await chromium.launchPersistentContext('', {
      ...(candidate.channel ? { channel: candidate.channel } : { executablePath: candidate.executablePath }),
      headless,
      viewport: { width: 1400, height: 900 },
      // Chrome 137 and 138 still load unpacked extensions with this switch off; later versions do not.
      args: candidate.branded ? [...args, '--disable-features=DisableLoadExtensionCommandLineSwitch'] : args,
    });
    browser = candidate;
    break;
  } catch (error) {
    // A channel the registry could not be asked about and that is not installed: try the next browser.
    if (candidate.channel && /is not found/.test(String(error))) continue;
    await fail(`${candidate.label} did not start: ${error instanceof Error ? error.message : error}`);
  }
}
if (!context || !browser) {
  await sim.close();
  noBrowser();
}
console.log(`\nBrowser: ${browser.label}${headless ? ', headless' : ''}`);

const notStarted =
  `The extension did not start in ${browser.label} within 15 s` +
  (browser.branded
    ? ": Google Chrome and Microsoft Edge 137+ no longer load unpacked extensions from the command line. Install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium."
    : `: is ${EXTENSION_DIR} a built extension?`);
const worker =
  context.serviceWorkers()[0] ??
  (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => undefined)) ??
  (await fail(notStarted));
await worker.evaluate(async () => {
  // Wait until the background registered the content script for the pre-granted origins.
  for (let i = 0; i < 50; i++) {
    if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
const page = context.pages()[0] ?? (await context.newPage());
const response = await page.goto(monitor);
const status = response?.status() ?? 0;
const missingPage = status >= 400 ? `The simulator answered HTTP ${status} for ${monitor}` : undefined;

if (headless) {
  if (missingPage) {
    await fail(`${missingPage}: it has no Health Monitor module page to annotate (yet), so no screenshot.`);
  }
  const hint = page.locator('[data-fmc-hint]').first();
  await hint
    .waitFor({ timeout: 20_000 })
    .catch(() =>
      fail(`No hint appeared on ${monitor} within 20 s: the extension did not annotate the page.`),
    );
  await hint.getByRole('button').first().click();
  await page
    .getByText('api-sse.cisco.com')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => fail(`The hint on ${monitor} did not expand within 10 s.`));
  mkdirSync('.output', { recursive: true });
  const file = path.resolve('.output/demo-screenshot.png');
  await page.screenshot({ path: file, fullPage: false });
  console.log(`\nNo display: ran headless. Screenshot of the annotated Health Monitor: ${file}`);
  console.log(
    'To watch it live, run `npm start` on a desktop session, or under Xvfb: `apt-get install xvfb`, then `xvfb-run npm start`.',
  );
  await stop(0);
} else {
  if (missingPage) console.log(`\n${missingPage}: open one of the other forms above.`);
  console.log('\nThe browser is open on the simulated Health Monitor. Close it or press Ctrl+C to stop.');
  context.on('close', () => stop(0));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));
}

// `npm start`: build the extension, start the FMC simulator, open Chromium with the extension on the
// simulated Health Monitor. Without a display, run headless and save a screenshot instead.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startFmcSimulator } from '../test/fmc-sim/server';

const EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.SIM_PORT ?? 8080);
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

// The e2e build pre-grants loopback origins, so the demo needs no "Enable on this FMC" click.
execSync('npx wxt build --mode e2e', { stdio: 'inherit' });

const sim = await startFmcSimulator({ port: PORT, fleet: { devices: 12, failing: 3, seed: 7 } });
const monitor = sim.url('/health/monitor/table');
console.log(`\nFMC simulator: ${sim.origin}\n  Health Monitor (table): ${monitor}`);
console.log(
  `  ARIA grid: ${sim.url('/health/monitor/grid')}\n  Alerts: ${sim.url('/health/monitor/alerts')}`,
);

const context = await chromium.launchPersistentContext('', {
  executablePath: CHROMIUM,
  headless,
  viewport: { width: 1400, height: 900 },
  args: [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
await worker.evaluate(async () => {
  // Wait until the background registered the content script for the pre-granted origins.
  for (let i = 0; i < 50; i++) {
    if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(monitor);

if (headless) {
  const hint = page.locator('[data-fmc-hint]').first();
  await hint.waitFor();
  await hint.getByRole('button').first().click();
  await page.getByText('api-sse.cisco.com').first().waitFor();
  mkdirSync('.output', { recursive: true });
  const file = path.resolve('.output/demo-screenshot.png');
  await page.screenshot({ path: file, fullPage: false });
  console.log(`\nNo display: ran headless. Screenshot of the annotated Health Monitor: ${file}`);
  console.log(
    'To watch it live, run `npm start` on a desktop session, or under Xvfb: `apt-get install xvfb`, then `xvfb-run npm start`.',
  );
  await context.close();
  await sim.close();
} else {
  console.log('\nChromium is open on the simulated Health Monitor. Close it or press Ctrl+C to stop.');
  const stop = async () => {
    await context.close().catch(() => undefined);
    await sim.close();
    process.exit(0);
  };
  context.on('close', stop);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DiagnosisSchema } from '../../lib/diagnose/schema';
import { generateFleet } from '../fmc-sim/fleet';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import {
  buttonByText,
  type FirefoxWithExtension,
  launchFirefox,
  openExtensionPage,
  poll,
  signIn,
} from './firefox';

let sim: FmcSimulator;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  sim = await startFmcSimulator({ port: 0 });
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await sim?.close();
});

test('the report signs in, diagnoses every device as the simulator expects and exports the JSON', async () => {
  const fleet = generateFleet({
    devices: 8,
    failing: 3,
    seed: 5,
    causes: ['dns-missing', 'proxy', 'connectivity'],
  });
  sim.setFleet(fleet);
  const page = await openExtensionPage(
    firefox.browser,
    `report.html?fmc=${encodeURIComponent(sim.origin)}`,
    'input[name="username"]',
  );
  try {
    await signIn(page);
    // The export buttons come with the run, disabled until the diagnosis has finished.
    const exportJson = await buttonByText(page, 'Export JSON');
    await poll(
      () => exportJson.evaluate((button) => (button as HTMLButtonElement).disabled),
      (disabled) => !disabled,
      { timeout: 30_000, what: 'Export JSON to become enabled (the diagnosis to finish)' },
    );

    // One row per device, each with the verdict its simulated cause calls for.
    const expected = Object.fromEntries(
      fleet.devices.map((device) => [device.id, device.cause ?? 'healthy']),
    );
    const shown = await page.$$eval('.fleet-table tbody tr', (rows) =>
      Object.fromEntries(rows.map((row) => [row.dataset.deviceId, row.dataset.verdict])),
    );
    expect(shown).toEqual(expected);
    const counts = await page.$$eval('.verdict-counts li', (items) =>
      items.map((item) => item.getAttribute('data-verdict')).sort(),
    );
    expect(counts).toEqual(['connectivity', 'dns-missing', 'healthy', 'proxy']);
    expect(sim.rest.stats().logins).toBe(1);

    // Export JSON is a real Firefox download (Blob + <a download>), saved without a dialog by the profile.
    await exportJson.click();
    const file = await poll(
      async () =>
        readdirSync(firefox.downloads).find((name) => name.endsWith('.json') && !name.endsWith('.part')) ??
        '',
      (name) => name !== '' && !existsSync(path.join(firefox.downloads, `${name}.part`)),
      { what: 'the exported JSON file' },
    );
    expect(file).toMatch(/^fmc-cloud-doctor-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.json$/);
    const diagnosis = DiagnosisSchema.parse(
      JSON.parse(
        await poll(
          async () => readFileSync(path.join(firefox.downloads, file), 'utf8'),
          (text) => text.trimEnd().endsWith('}'),
          { what: 'the whole export on disk' },
        ),
      ),
    );
    expect(Object.fromEntries(diagnosis.devices.map((device) => [device.id, device.verdict]))).toEqual(
      expected,
    );
  } finally {
    await page.close();
  }
});

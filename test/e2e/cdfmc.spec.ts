import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { DiagnosisSchema } from '../../lib/diagnose/schema';
import { CDFMC_TOKENS } from '../fmc-sim/rest';
import { type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import { test as base, clickToolbarButton, expect, HINT } from './fixtures';
import { FINISHED_WITHIN_MS, failingDevices, waitForRegistration } from './helpers';

// Issue 20 against the built extension: the simulator in its cdFMC mode, reached through its own host (the
// simulator's origin, no prefix, `Authorization: Bearer`). The token is signed in with from the report and from
// the popup; it must never reach storage.local nor an export.

const test = base.extend<object, { sim: FmcSimulator }>({
  sim: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const sim = await startFmcSimulator({ port: 0, cdfmc: true });
      await use(sim);
      await sim.close();
    },
    { scope: 'worker' },
  ],
});

const FLEET = { devices: 8, failing: 3, seed: 5, causes: ['dns-missing', 'proxy', 'connectivity'] as const };
const VERDICT = '[data-fmc-device][data-fmc-verdict]';

test.beforeEach(async ({ sim, background }) => {
  sim.rest.reset();
  sim.setFleet({ ...FLEET, causes: [...FLEET.causes] });
  await waitForRegistration(background, 3);
});

/** Chooses the cloud-delivered FMC (unless chosen already), pastes the token and signs in. */
async function signInWithToken(page: Page, token: string): Promise<void> {
  const cloud = page.getByRole('radio', { name: /cloud-delivered/ });
  await cloud.check();
  await page.getByLabel('API token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function download(page: Page, button: 'Export JSON' | 'Export Markdown'): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

async function openReport(context: BrowserContext, extensionId: string, sim: FmcSimulator): Promise<Page> {
  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent(sim.origin)}`);
  return report;
}

/** Both storage areas as the extension's worker reads them. */
async function storedText(background: Worker): Promise<{ local: string; session: string }> {
  return background.evaluate(async () => ({
    local: JSON.stringify(await chrome.storage.local.get(null)),
    session: JSON.stringify(await chrome.storage.session.get(null)),
  }));
}

function expectedVerdicts(sim: FmcSimulator): Record<string, string> {
  return Object.fromEntries(sim.fleet().devices.map((device) => [device.id, device.cause ?? 'healthy']));
}

test('the report signs in to the cdFMC with the API token, diagnoses every device, and no export holds the token', async ({
  context,
  extensionId,
  sim,
  background,
}) => {
  const token = CDFMC_TOKENS.valid;
  const report = await openReport(context, extensionId, sim);
  await signInWithToken(report, token);
  await expect(report.getByRole('button', { name: 'Export JSON' })).toBeEnabled({
    timeout: FINISHED_WITHIN_MS,
  });

  const json = await download(report, 'Export JSON');
  const diagnosis = DiagnosisSchema.parse(JSON.parse(json));
  expect(diagnosis.schema).toBe('fmc-cloud-doctor/diagnosis@1');
  // The simulated cdFMC answers `10.0.0-build 7056` (SCC's form): the export starts with the server's version.
  expect(diagnosis.fmc.version).toMatch(/^10\.0\.0/);
  expect(diagnosis.fmc.origin).toBe(sim.origin);
  expect(Object.fromEntries(diagnosis.devices.map((device) => [device.id, device.verdict]))).toEqual(
    expectedVerdicts(sim),
  );
  // Each failing device's settings were read from its `show network` (management DNS, proxy).
  for (const device of diagnosis.devices.filter((d) => d.verdict !== 'healthy')) {
    expect(device.managementDns, device.id).not.toBeNull();
    expect(device.proxy?.enabled, device.id).toBe(device.verdict === 'proxy');
  }
  const markdown = await download(report, 'Export Markdown');
  // Positive controls: both exports name the failing devices.
  for (const device of failingDevices(sim)) {
    expect(json).toContain(device.name);
    expect(markdown).toContain(device.name);
  }
  expect(json).not.toContain(token);
  expect(markdown).not.toContain(token);

  // The requests went with the bearer token to the cdFMC's own host: no generatetoken, no X-auth-access-token.
  // (The simulator counts a request without the valid bearer token as a refusal.)
  const stats = sim.rest.stats();
  expect(stats.logins ?? 0).toBe(0);
  expect(stats.byDoor.host).toBeGreaterThan(0);
  expect(Object.keys(stats.byDoor)).toEqual(['host']);
  expect(stats.tokenRefusals).toEqual({});

  // storage.session holds the token (the control), storage.local never does.
  const stored = await storedText(background);
  expect(stored.session).toContain(token);
  expect(stored.local).not.toContain(token);
});

test('the popup on the cdFMC host signs in with the token; hints get their verdicts; Re-check after the fix', async ({
  context,
  extensionId,
  sim,
  background,
}) => {
  const token = CDFMC_TOKENS.valid;
  const page = await context.newPage();
  await page.goto(sim.url('/health/monitor/module'));
  const failing = failingDevices(sim);
  await expect(page.locator(HINT)).toHaveCount(failing.length);
  const popup = await clickToolbarButton(context, page, extensionId);
  await signInWithToken(popup, token);

  const expected = Object.fromEntries(failing.map((device) => [device.id, device.cause ?? '']));
  const items = popup.getByTestId('failing-device');
  await expect(items).toHaveCount(failing.length, { timeout: FINISHED_WITHIN_MS });
  await expect
    .poll(async () =>
      Object.fromEntries(
        await items.evaluateAll((list) =>
          list.map((item) => [item.getAttribute('data-device-id'), item.getAttribute('data-verdict')]),
        ),
      ),
    )
    .toEqual(expected);

  // The hints on the cdFMC's health page show each device's verdict.
  await expect
    .poll(
      async () =>
        Object.fromEntries(
          await page
            .locator(`${HINT} ${VERDICT}`)
            .evaluateAll((elements) =>
              elements.map((el) => [el.getAttribute('data-fmc-device'), el.getAttribute('data-fmc-verdict')]),
            ),
        ),
      { timeout: 5_000 },
    )
    .toEqual(expected);

  // Re-check one device after the admin's fix: healthy, through the same bearer session.
  const [target] = failing;
  if (!target) throw new Error('the fleet has a failing device');
  expect(sim.fixDevice(target.id)).toBe(true);
  const item = popup.locator(`[data-testid="failing-device"][data-device-id="${target.id}"]`);
  await item.getByRole('button', { name: new RegExp(`^Re-check ${target.name}`) }).click();
  await expect(item).toHaveAttribute('data-verdict', 'healthy', { timeout: 10_000 });
  expect(sim.rest.stats().logins ?? 0).toBe(0);

  const stored = await storedText(background);
  expect(stored.session).toContain(token);
  expect(stored.local).not.toContain(token);
});

test('a revoked token gets the clear message and nothing is stored', async ({
  context,
  extensionId,
  sim,
  background,
}) => {
  const revoked = CDFMC_TOKENS.revoked;
  const report = await openReport(context, extensionId, sim);
  await signInWithToken(report, revoked);
  const alert = report.getByRole('alert');
  await expect(alert).toContainText('The sign-in failed.');
  await expect(alert).toContainText('The SCC API token was refused (401');
  await expect(alert).toHaveAttribute('data-error-code', 'token-invalid');
  await expect(report.getByLabel('API token', { exact: true })).toHaveValue('');
  const stored = await storedText(background);
  expect(stored.session).not.toContain(revoked);
  expect(stored.local).not.toContain(revoked);
});

test('a token revoked in SCC after the sign-in stops the next run with what to do', async ({
  context,
  extensionId,
  sim,
}) => {
  const report = await openReport(context, extensionId, sim);
  await signInWithToken(report, CDFMC_TOKENS.valid);
  const runAgain = report.getByRole('button', { name: 'Run again' });
  await expect(runAgain).toBeEnabled({ timeout: FINISHED_WITHIN_MS });
  // The admin revokes the token in SCC: the cdFMC refuses it from now on.
  sim.rest.setCdfmc({ tokens: { valid: [], revoked: [CDFMC_TOKENS.valid] } });
  await runAgain.click();
  const alert = report.locator('[role="alert"][data-error-code="token-invalid"]');
  await expect(alert).toContainText('The diagnosis stopped.');
  await expect(alert).toContainText('The SCC API token was refused (401');
  await expect(alert).toContainText('Sign out, then sign in again with a valid API token');
  expect(sim.rest.stats().tokenRefusals).toEqual({ revoked: 1 });
});

test('on an SCC tab the popup offers the region’s cdFMC through its gateway; the report asks for that address only', async ({
  context,
  extensionId,
}) => {
  // SCC's EU console, served by the test (this machine reaches no Internet): only its address matters.
  await context.route('https://eu.manage.security.cisco.com/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Security Cloud Control</title><p>SCC',
    }),
  );
  const scc = await context.newPage();
  await scc.goto('https://eu.manage.security.cisco.com/devices');
  const popup = await clickToolbarButton(context, scc, extensionId);
  const offer = popup.getByTestId('scc-sign-in');
  await expect(offer).toContainText('This is Security Cloud Control (EU)');
  await expect(offer).toContainText('api.eu.security.cisco.com');
  const [report] = await Promise.all([
    context.waitForEvent('page'),
    offer.getByRole('button', { name: 'Sign in to the cloud-delivered FMC' }).click(),
  ]);
  await expect(report).toHaveURL(
    `chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent('https://api.eu.security.cisco.com')}`,
  );
  // The report asks the browser for the gateway's origin, nothing wider, before any token is pasted.
  await expect(
    report.getByText('The extension may not reach https://api.eu.security.cisco.com yet.'),
  ).toBeVisible();
  await expect(report.getByLabel('API token', { exact: true })).toHaveCount(0);
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { type DiagnosisJson, DiagnosisSchema } from '../../lib/diagnose/schema';
import { type FleetOptions, generateFleet, type SimFleet } from '../fmc-sim/fleet';
import type { FmcSimulator } from '../fmc-sim/server';
import { expect, extensionWorker, launchWithExtension, test } from './fixtures';

const USER = 'api-user';
const PASSWORD = 'api-password';
const FINISHED_WITHIN_MS = 30_000;

// The simulator is shared by the tests of a worker: each test starts from a healthy FMC and its own fleet.
test.beforeEach(({ sim }) => {
  sim.rest.reset();
  sim.setFleet({ devices: 6, failing: 2, seed: 7 });
});

function reportUrl(extensionId: string, sim: FmcSimulator): string {
  return `chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent(sim.origin)}`;
}

async function openReport(context: BrowserContext, extensionId: string, sim: FmcSimulator): Promise<Page> {
  const page = await context.newPage();
  await page.goto(reportUrl(extensionId, sim));
  return page;
}

async function signIn(page: Page, password = PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(USER);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function waitFinished(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Export JSON' })).toBeEnabled({
    timeout: FINISHED_WITHIN_MS,
  });
}

async function download(page: Page, button: 'Export JSON' | 'Export Markdown') {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

async function exportJson(page: Page): Promise<DiagnosisJson> {
  const { name, text } = await download(page, 'Export JSON');
  expect(name).toMatch(/^fmc-cloud-doctor-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = DiagnosisSchema.parse(JSON.parse(text));
  expect(parsed.schema).toBe('fmc-cloud-doctor/diagnosis@1');
  return parsed;
}

function verdictsById(diagnosis: DiagnosisJson): Record<string, string> {
  return Object.fromEntries(diagnosis.devices.map((device) => [device.id, device.verdict]));
}

function failingIds(fleet: SimFleet): string[] {
  return fleet.devices.filter((device) => device.failingDataTypes.length > 0).map((device) => device.id);
}

function rows(page: Page) {
  return page.locator('.fleet-table tbody tr');
}

async function runOn(
  context: BrowserContext,
  extensionId: string,
  sim: FmcSimulator,
  fleet: FleetOptions | SimFleet,
): Promise<Page> {
  sim.setFleet(fleet);
  const page = await openReport(context, extensionId, sim);
  await signIn(page);
  await waitFinished(page);
  return page;
}

test('sign-in: a wrong password gets a clear error, the right one diagnoses; sign-out revokes', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await openReport(context, extensionId, sim);
  // No FMC page is open here, so no confirmation stands in the way.
  await signIn(page, 'wrong-password');
  await expect(page.getByRole('alert')).toContainText('The FMC refused the sign-in (401)');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Username')).toHaveValue(USER);

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await waitFinished(page);
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByLabel('Domain')).toHaveValue(/.+/);
  await expect(page.getByLabel('Domain').locator('option')).toHaveText(['Global', 'Global/Branch']);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(sim.rest.stats().revokes).toBe(1);
  // The user name is remembered for this FMC, the password is not.
  await page.reload();
  await expect(page.getByLabel('Username')).toHaveValue(USER);
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('scenario 1: with cloud integration off every failing device is expected, with the health policy link', async ({
  context,
  extensionId,
  sim,
  background,
}) => {
  // The address the user set on the options page for this FMC.
  await background.evaluate(
    (url) => chrome.storage.local.set({ healthPolicyOverrides: { 'http://127.0.0.1/*': url } }),
    sim.url('/health/policy'),
  );
  const page = await runOn(context, extensionId, sim, {
    devices: 8,
    failing: 3,
    seed: 11,
    integration: false,
  });

  const failing = failingIds(sim.fleet());
  const diagnosis = await exportJson(page);
  expect(diagnosis.integration.scenario).toBe(1);
  for (const [id, verdict] of Object.entries(verdictsById(diagnosis))) {
    expect(verdict, id).toBe(failing.includes(id) ? 'expected-integration-off' : 'healthy');
  }
  await expect(page.locator('.fleet-table tbody tr[data-verdict="expected-integration-off"]')).toHaveCount(3);
  await expect(page.locator('[data-field="scenario"]')).toContainText('Scenario 1');

  const link = page.getByRole('link', { name: 'Open the health policy' });
  await expect(link).toHaveAttribute('href', sim.url('/health/policy'));
  const [policy] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await expect(policy).toHaveURL(sim.url('/health/policy'));
});

test('scenario 2: each verdict, a device whose command fails is unknown and the others are diagnosed', async ({
  context,
  extensionId,
  sim,
}) => {
  const fleet = generateFleet({
    devices: 10,
    failing: 4,
    seed: 5,
    causes: ['dns-missing', 'proxy', 'connectivity'],
  });
  const failing = fleet.devices.filter((device) => device.failingDataTypes.length > 0);
  const broken = failing[3];
  if (!broken) throw new Error('the fleet has fewer failing devices than asked');
  broken.commandFails = true;
  const page = await runOn(context, extensionId, sim, fleet);

  const verdicts = verdictsById(await exportJson(page));
  const expected = Object.fromEntries(
    fleet.devices.map((device) => [device.id, device === broken ? 'unknown' : (device.cause ?? 'healthy')]),
  );
  expect(verdicts).toEqual(expected);
  expect(new Set(Object.values(verdicts))).toEqual(
    new Set(['dns-missing', 'proxy', 'connectivity', 'unknown', 'healthy']),
  );

  // The failing devices come first (default sort: verdict).
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveAttribute('data-column', 'verdict');
  await expect(rows(page).first()).toHaveAttribute('data-verdict', 'dns-missing');
  await expect(rows(page).last()).toHaveAttribute('data-verdict', 'healthy');

  // Filters: by verdict, then by text (device name or DNS server).
  await page.getByLabel('Filter by verdict').selectOption('unknown');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(broken.name);
  await page.getByLabel('Filter by verdict').selectOption('all');
  await page.getByLabel('Search device or DNS').fill('ftd-0001');
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Search device or DNS').fill('10.30.0.53');
  const withDns = fleet.devices.filter((device) => device.dnsServers.includes('10.30.0.53')).length;
  await expect(rows(page)).toHaveCount(withDns);
  await page.getByLabel('Search device or DNS').fill('');

  // Sort by device name, both ways.
  const names = fleet.devices.map((device) => device.name).sort();
  const header = page.locator('th[data-column="name"]');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows(page).locator('td.name')).toHaveText(names);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).locator('td.name')).toHaveText([...names].reverse());
  await expect(page.locator('th[data-column="verdict"]')).not.toHaveAttribute('aria-sort', /.+/);

  // A click opens the runbook of the proxy device, Enter the one of the device without DNS.
  const proxy = failing.find((device) => device.cause === 'proxy');
  await rows(page)
    .filter({ hasText: proxy?.name ?? '?' })
    .click();
  const details = page.locator('.details');
  await expect(details.getByRole('heading', { level: 3 })).toHaveText(proxy?.name ?? '?');
  await expect(details.locator('.verdict')).toContainText('Proxy');
  await expect(details.getByRole('button', { name: /^Copy the command / }).first()).toBeVisible();

  const noDns = failing.find((device) => device.cause === 'dns-missing');
  const row = rows(page).filter({ hasText: noDns?.name ?? '?' });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { level: 3 })).toHaveText(noDns?.name ?? '?');
  await expect(details).toContainText('configure network dns servers');
  await expect(details.locator('.fmc-command .expect').first()).toBeVisible();
});

test('an FMC 6.7 without SecureX: securexEnabled is null, and old devices are unknown', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await runOn(context, extensionId, sim, {
    devices: 8,
    failing: 4,
    seed: 9,
    serverVersion: '6.7.0',
    oldVersionRatio: 0.5,
  });
  const diagnosis = await exportJson(page);
  expect(diagnosis.fmc.version).toBe('6.7.0');
  expect(diagnosis.integration.securexEnabled).toBeNull();
  await expect(page.locator('[data-field="securex"]')).toContainText('before 7.0');

  const fleet = sim.fleet();
  const verdicts = verdictsById(diagnosis);
  const oldFailing = fleet.devices.filter((d) => d.failingDataTypes.length > 0 && !d.showNetworkSupported);
  expect(oldFailing.length).toBeGreaterThan(0);
  for (const device of oldFailing) expect(verdicts[device.id], device.name).toBe('unknown');
  for (const device of fleet.devices.filter((d) => d.failingDataTypes.length > 0 && d.showNetworkSupported))
    expect(verdicts[device.id], device.name).toBe(device.cause);
});

test('expired tokens mid-run are renewed without asking', async ({ context, extensionId, sim }) => {
  // Commands answer in 250 ms, six at a time (the browser's connections per host): fourteen rounds or so for
  // 83 commands, so the run spans two or three token lifetimes. A token outlives eight requests, as a real FMC's
  // outlives a whole run, and the FMC allows three refreshes per sign-in.
  sim.rest.setFaults({ tokenLifetimeMs: 2_000, slow: { match: 'operational/commands', ms: 250 } });
  const page = await runOn(context, extensionId, sim, { devices: 90, failing: 80, seed: 4 });
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  const stats = sim.rest.stats();
  expect(stats.refreshes).toBeGreaterThanOrEqual(2);
  expect(stats.logins).toBe(1);
  expect(stats.byStatus['401'] ?? 0).toBeGreaterThan(0);
  await expect(rows(page)).toHaveCount(90);
  await expect(page.locator('.fleet-table tbody tr[data-verdict="unknown"]')).toHaveCount(0);
});

test('429 bursts and a 503 from the FMC are waited out; our own pace earns no 429', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.rest.setFaults({
    inject: [
      // Another API client spent the shared budget: the FMC refuses a burst and says when to come back.
      { match: 'GET devices/devicerecords', times: 2, status: 429, retryAfterSec: 0.2 },
      { match: 'operational/commands', times: 3, status: 429, retryAfterSec: 0.2 },
      { match: 'GET health/alerts', times: 1, status: 503 },
    ],
  });
  const page = await runOn(context, extensionId, sim, { devices: 10, failing: 4, seed: 6 });
  const stats = sim.rest.stats();
  expect(stats.injected429).toBe(5);
  expect(stats.overshoot429).toBe(0);
  expect(stats.byStatus['503']).toBe(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const diagnosis = await exportJson(page);
  expect(diagnosis.devices.filter((d) => d.verdict === 'unknown')).toEqual([]);
  expect(diagnosis.devices.filter((d) => d.verdict !== 'healthy')).toHaveLength(4);
});

test('a device list the FMC cannot give: Incomplete notice, every failing device still diagnosed, exports say so', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.setFleet({ devices: 10, failing: 3, seed: 12, causes: ['dns-missing', 'proxy', 'connectivity'] });
  sim.rest.setFaults({
    inject: [{ match: 'GET devices/devicerecords', exact: true, times: 50, status: 500 }],
  });
  const page = await openReport(context, extensionId, sim);
  await signIn(page);
  await waitFinished(page);

  const notice = page.getByTestId('incomplete-notice');
  await expect(notice).toContainText('Incomplete');
  await expect(notice.locator('li[data-part="devices"]')).toContainText('Device list');
  await expect(notice.locator('li[data-part="devices"]')).toContainText('server error (500)');
  const failing = failingIds(sim.fleet());
  await expect(rows(page)).toHaveCount(failing.length);

  const diagnosis = await exportJson(page);
  expect(diagnosis.incomplete).toEqual([
    { part: 'devices', reason: expect.stringContaining('read one by one') },
  ]);
  const expected = Object.fromEntries(
    sim
      .fleet()
      .devices.filter((device) => failing.includes(device.id))
      .map((device) => [device.id, device.cause]),
  );
  expect(verdictsById(diagnosis)).toEqual(expected);

  const { text } = await download(page, 'Export Markdown');
  expect(text).toContain('## Incomplete');
  expect(text).toContain('- **Device list:**');
});

test('nothing to name the failing devices: no "all clear" anywhere', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.rest.setFaults({
    inject: [
      { match: 'GET devices/devicerecords', exact: true, times: 50, status: 403 },
      { match: 'GET health/alerts', times: 50, status: 500 },
    ],
  });
  const page = await openReport(context, extensionId, sim);
  await signIn(page);
  await waitFinished(page);
  await expect(page.getByTestId('incomplete-notice').locator('li')).toHaveCount(2);
  const diagnosis = await exportJson(page);
  expect(diagnosis.devices).toEqual([]);
  expect(diagnosis.incomplete.map((entry) => entry.part)).toEqual(['devices', 'alerts']);
  const { text } = await download(page, 'Export Markdown');
  expect(text).not.toContain('No device reports a Cloud Configuration failure');
  expect(text).toContain('cannot be told');
});

test('a complete run exports "incomplete": []', async ({ context, extensionId, sim }) => {
  const page = await runOn(context, extensionId, sim, { devices: 6, failing: 2, seed: 7 });
  await expect(page.getByRole('status').filter({ hasText: 'Finished' })).toBeVisible();
  await expect(page.getByTestId('incomplete-notice')).toHaveCount(0);
  expect((await exportJson(page)).incomplete).toEqual([]);
});

test('an ended session shows the error and the sign-in form again', async ({ context, extensionId, sim }) => {
  // The FMC takes no refresh: once the first token expires the session is over.
  sim.rest.setFaults({
    tokenLifetimeMs: 300,
    maxRefreshes: 0,
    slow: { match: 'operational/commands', ms: 400 },
  });
  sim.setFleet({ devices: 12, failing: 6, seed: 2 });
  const page = await openReport(context, extensionId, sim);
  await signIn(page);
  await expect(page.getByRole('alert')).toContainText('The FMC session has ended', {
    timeout: FINISHED_WITHIN_MS,
  });
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue(USER);
});

test('an FMC the browser cannot reach gets the network hint, with a link to open it', async ({
  context,
  extensionId,
}) => {
  // Port 9 (discard) listens nowhere on loopback: the same failure as an FMC whose certificate is not trusted.
  const unreachable = 'http://127.0.0.1:9';
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent(unreachable)}`);
  await signIn(page);
  await expect(page.getByRole('alert')).toContainText('open the FMC in a tab and accept it');
  await expect(page.getByRole('link', { name: 'Open the FMC in a new tab' })).toHaveAttribute(
    'href',
    `${unreachable}/`,
  );
});

test('hostile device names stay text in the table, the runbook and the Markdown export', async ({
  context,
  extensionId,
  sim,
}) => {
  const page = await runOn(context, extensionId, sim, {
    devices: 6,
    failing: 3,
    seed: 1,
    hostileNames: true,
  });
  const names = sim.fleet().devices.map((device) => device.name);
  expect((await rows(page).locator('td.name').allTextContents()).sort()).toEqual([...names].sort());
  await expect(page.locator('.fleet-table img, .fleet-table script')).toHaveCount(0);
  for (const row of await rows(page).all()) {
    await row.click();
    await expect(page.locator('.details h3')).toHaveText((await row.locator('td.name').textContent()) ?? '');
  }
  await expect(page.locator('main img, main script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __fmcXss?: unknown }).__fmcXss)).toBeUndefined();

  const { name, text } = await download(page, 'Export Markdown');
  expect(name).toMatch(/^fmc-cloud-doctor-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.md$/);
  // The Markdown (issue 19): one table, of the failing devices; markup in a name stays in a code span, as typed.
  const table = text.split('\n## ')[2] ?? '';
  const deviceRows = table
    .split('\n')
    .filter((line) => line.startsWith('| '))
    .slice(2);
  expect(deviceRows).toHaveLength(3);
  // The extension's version, from the built manifest (WXT writes package.json's).
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  expect(text).toContain(`- **Exported by:** FMC Cloud Doctor ${version}\n`);
  const outsideCode = text.replace(/^(`{3,})\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[^`]*?\1/g, '');
  expect(text).toContain('`<img`');
  expect(outsideCode).not.toContain('<img');
  expect(outsideCode).not.toContain('<script');
});

test('the exports stay disabled until the run has finished, and Cancel stops the run', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.rest.setFaults({ slow: { match: 'operational/commands', ms: 1_500 } });
  sim.setFleet({ devices: 40, failing: 20, seed: 8 });
  const page = await openReport(context, extensionId, sim);
  await signIn(page);
  const progress = page.getByRole('progressbar', { name: 'Diagnosis progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/\d+ of \d+ requests/)).toBeVisible();
  await expect(page.getByText(/left at the FMC's rate limit/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export JSON' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Export Markdown' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Run again' })).toBeDisabled();

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The diagnosis was cancelled' })).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run again' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Export JSON' })).toBeDisabled();
  const afterCancel = sim.rest.stats().requests;
  await page.waitForTimeout(1_000);
  expect(sim.rest.stats().requests).toBe(afterCancel);

  // Run again on a quick FMC: the exports open once it has finished.
  sim.rest.setFaults({ slow: null });
  sim.setFleet({ devices: 6, failing: 2, seed: 8 });
  await page.getByRole('button', { name: 'Run again' }).click();
  await waitFinished(page);
  await expect(page.getByRole('button', { name: 'Export Markdown' })).toBeEnabled();
  await expect(rows(page)).toHaveCount(6);
});

test('the table: "All failing", no empty choices, the pane follows the filter, "—" for healthy devices not read; the bar never moves backwards', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.rest.setFaults({ slow: { match: 'operational/commands', ms: 300 } });
  sim.setFleet({ devices: 16, failing: 4, seed: 5, causes: ['dns-missing', 'proxy', 'connectivity'] });
  const page = await openReport(context, extensionId, sim);
  // Every share of the bar the page draws during the run (issue 19: never backwards).
  await page.evaluate(() => {
    const seen: number[] = [];
    const phases: string[] = [];
    Object.assign(window, { __bar: seen, __phases: phases });
    new MutationObserver(() => {
      const phase = document.querySelector('[data-testid="progress"]')?.getAttribute('data-phase');
      if (phase && phases.at(-1) !== phase) phases.push(phase);
      const bar = document.querySelector('progress');
      if (!bar?.hasAttribute('value')) return;
      const share = Number(bar.getAttribute('value')) / Number(bar.getAttribute('max'));
      if (seen.at(-1) !== share) seen.push(share);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await signIn(page);
  await waitFinished(page);
  const shares = await page.evaluate(() => (window as unknown as { __bar: number[] }).__bar);
  expect(shares.length, 'the bar moved during the run').toBeGreaterThan(1);
  expect(shares).toEqual([...shares].sort((a, b) => a - b));
  // The bar's words say the phase, in order: the FMC's reads, then show network (n/N).
  const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
  expect(phases).toContain('fleet');
  expect(phases).toContain('show-network');
  const order = ['sign-in', 'fleet', 'show-network', 'dns'];
  const ranks = phases.map((phase) => order.indexOf(phase));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

  const failing = failingIds(sim.fleet());
  const diagnosis = await exportJson(page);
  const present = new Set(diagnosis.devices.map((device) => device.verdict));
  const select = page.getByLabel('Filter by verdict');
  const options = await select.locator('option').allTextContents();
  expect(options).toContain(`All failing (${failing.length})`);
  expect(options.filter((option) => /\(0\)$/.test(option))).toEqual([]);
  // Every device, all failing, then one choice per verdict the fleet has.
  expect(options).toHaveLength(2 + present.size);

  // Column widths, at Playwright's 1280 px window: no verdict badge spills out of its cell, and every device
  // name ("ftd-0001") is on one line.
  const layout = await page.locator('.fleet-table tbody tr').evaluateAll((trs) =>
    (trs as HTMLTableRowElement[]).map((tr) => {
      const cell = tr.cells[0]?.getBoundingClientRect();
      const badge = [...(tr.cells[0]?.querySelector('.verdict')?.getClientRects() ?? [])];
      const name = tr.cells[1]?.firstChild;
      const range = document.createRange();
      if (name) range.selectNodeContents(name);
      return {
        spills: badge.some((line) => cell !== undefined && line.right > cell.right + 0.5),
        nameLines: name ? new Set([...range.getClientRects()].map((line) => Math.round(line.top))).size : 0,
      };
    }),
  );
  expect(layout.filter((row) => row.spills)).toEqual([]);
  expect(layout.map((row) => row.nameLines)).toEqual(layout.map(() => 1));

  // Healthy devices not read: a dash in their DNS and proxy cells; the ones read show their servers.
  const notRead = diagnosis.devices
    .filter((device) => device.verdict === 'healthy' && device.managementDns === null)
    .map((device) => device.id);
  expect(notRead.length).toBeGreaterThan(0);
  const dashed = await page
    .locator('.fleet-table tbody tr:has([data-not-read])')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-device-id')));
  expect(dashed.sort()).toEqual([...notRead].sort());

  // The details pane follows the filter: a healthy device selected, then "All failing": the first failing one.
  await select.selectOption('healthy');
  await rows(page).first().click();
  await expect(rows(page).first()).toHaveAttribute('aria-current', 'true');
  await select.selectOption('failing');
  await expect(rows(page)).toHaveCount(failing.length);
  await expect(rows(page).first()).toHaveAttribute('aria-current', 'true');
  const first = await rows(page).first().getAttribute('data-device-id');
  const name = diagnosis.devices.find((device) => device.id === first)?.name ?? '?';
  await expect(page.locator('.details')).toContainText(name);
});

test('in French and in dark mode', async ({ sim }) => {
  const context = await launchWithExtension({ lang: 'fr', colorScheme: 'dark' });
  try {
    const extensionId = new URL((await extensionWorker(context)).url()).host;
    sim.setFleet({ devices: 6, failing: 2, seed: 3 });
    const page = await openReport(context, extensionId, sim);
    await page.getByLabel('Nom d’utilisateur').fill(USER);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('button', { name: 'Exporter en JSON' })).toBeEnabled({
      timeout: FINISHED_WITHIN_MS,
    });
    await expect(page.getByRole('heading', { name: 'Intégration cloud' })).toBeVisible();
    await expect(page.locator('.verdict-counts')).toContainText('Sain');
    await expect(page.locator('.verdict-counts')).toContainText('Aucun DNS de gestion');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(16, 24, 40)');
  } finally {
    await context.close();
  }
});

test('saves a screenshot of a finished report with a runbook open', async ({ context, extensionId, sim }) => {
  await context.pages()[0]?.setViewportSize({ width: 1280, height: 900 });
  const page = await runOn(context, extensionId, sim, { devices: 16, failing: 5, seed: 3 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await rows(page)
    .filter({ has: page.locator('[data-verdict="dns-missing"]') })
    .first()
    .click();
  await expect(page.locator('.details [data-section="fix"] .runbook')).toBeVisible();
  await page.screenshot({ path: path.resolve('docs/report.png') });
});

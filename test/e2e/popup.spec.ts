import type { Page } from '@playwright/test';
import { startDohServer } from '../dns/doh-server';
import { clickToolbarButton, expect, test } from './fixtures';
import {
  FINISHED_WITHIN_MS,
  failingDevices,
  openOnFmc,
  SIM_PASSWORD,
  SIM_USER,
  signIn,
  waitForRegistration,
} from './helpers';

test.beforeEach(async ({ sim, background }) => {
  sim.setFleet({ devices: 12, failing: 3, seed: 4, causes: ['dns-missing', 'proxy', 'connectivity'] });
  sim.rest.reset();
  await waitForRegistration(background, 3);
});

test('signs in with the API user and shows each failing device with its verdict', async ({
  context,
  extensionId,
  sim,
}) => {
  const { popup } = await openOnFmc(context, extensionId, sim);
  await expect(popup.getByText(/dedicated API user/i).first()).toBeVisible();
  await signIn(popup);
  const devices = popup.getByTestId('failing-device');
  await expect(devices).toHaveCount(3);
  expect(
    await devices.evaluateAll((items) => items.map((item) => item.getAttribute('data-verdict')).sort()),
  ).toEqual(['connectivity', 'dns-missing', 'proxy']);
  // The password is never stored: only tokens, in storage.session.
  const stored = await popup.evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(), await chrome.storage.session.get()]),
  );
  expect(stored).not.toContain(SIM_PASSWORD);
  expect(stored).toContain(SIM_USER);
});

test('asks for confirmation before signing in with the user the FMC page shows as logged in', async ({
  context,
  extensionId,
  sim,
}) => {
  const { popup } = await openOnFmc(context, extensionId, sim);
  await signIn(popup, 'admin');
  const dialog = popup.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(sim.rest.stats().logins ?? 0).toBe(0);
});

test('renders the last diagnosis at once when the popup opens again', async ({
  context,
  extensionId,
  sim,
}) => {
  const { page, popup: first } = await openOnFmc(context, extensionId, sim);
  await signIn(first);
  await expect(first.getByTestId('failing-device')).toHaveCount(3);
  await first.close();
  // Slow the FMC down: whatever shows within a moment comes from the cache, not from a new run.
  sim.rest.setFaults({ latencyMs: 3_000 });
  const again = await clickToolbarButton(context, page, extensionId);
  await expect(again.getByTestId('failing-device')).toHaveCount(3, { timeout: 1_000 });
});

/** When the stored diagnosis was made, as the popup says it ("As of", its `data-at`). */
async function asOf(popup: Page): Promise<number> {
  const at = popup.getByTestId('as-of');
  await expect(at).toBeVisible({ timeout: FINISHED_WITHIN_MS });
  return Number(await at.getAttribute('data-at'));
}

test('opened twice within the freshness window, the popup runs one diagnosis; a stale one runs again', async ({
  context,
  extensionId,
  sim,
  background,
}) => {
  const { page, popup: first } = await openOnFmc(context, extensionId, sim);
  await signIn(first);
  await expect(first.getByTestId('failing-device')).toHaveCount(3);
  await expect(first.getByTestId('fmc-panel')).toHaveAttribute('data-auto-run', 'yes');
  const diagnosedAt = await asOf(first);
  const oneRun = sim.rest.stats().requests;
  expect(oneRun).toBeGreaterThan(0);
  await first.close();

  const again = await clickToolbarButton(context, page, extensionId);
  // Positive control first: this opening decided, on the stored diagnosis, not to run.
  await expect(again.getByTestId('fmc-panel')).toHaveAttribute('data-auto-run', 'no');
  await expect(again.getByTestId('failing-device')).toHaveCount(3);
  expect(await asOf(again)).toBe(diagnosedAt);
  await expect(again.getByTestId('as-of')).toHaveText(/^As of \d{1,2}:\d{2}/);
  expect(sim.rest.stats().requests).toBe(oneRun);
  await again.close();

  // The same diagnosis, 6 minutes older: the next opening runs it again by itself.
  await background.evaluate(async (key) => {
    const stored = (await chrome.storage.session.get(key))[key] as {
      finishedAt: number;
      diagnosedAt: number;
    };
    const older = 6 * 60_000;
    await chrome.storage.session.set({
      [key]: { ...stored, finishedAt: stored.finishedAt - older, diagnosedAt: stored.diagnosedAt - older },
    });
  }, `diagnosis:${sim.origin}`);
  const stale = await clickToolbarButton(context, page, extensionId);
  await expect(stale.getByTestId('fmc-panel')).toHaveAttribute('data-auto-run', 'yes');
  await expect
    .poll(async () => Number(await stale.getByTestId('as-of').getAttribute('data-at')), {
      timeout: FINISHED_WITHIN_MS,
    })
    .toBeGreaterThan(diagnosedAt);
  // One more run: the first one's requests, without its sign-in.
  const { requests, logins } = sim.rest.stats();
  expect(logins).toBe(1);
  expect(requests - oneRun).toBe(oneRun - logins);
});

test('a device cleared by Re-check stays listed as cleared, with its times, when the popup opens again and after a new run', async ({
  context,
  extensionId,
  sim,
}) => {
  const { page, popup } = await openOnFmc(context, extensionId, sim);
  await signIn(popup);
  const [target] = failingDevices(sim);
  if (!target) throw new Error('the fleet has a failing device');
  const row = (p: Page) => p.locator(`[data-testid="failing-device"][data-device-id="${target.id}"]`);
  await expect(row(popup)).toHaveAttribute('data-verdict', target.cause ?? '', {
    timeout: FINISHED_WITHIN_MS,
  });

  expect(sim.fixDevice(target.id)).toBe(true);
  await row(popup)
    .getByRole('button', { name: `Re-check ${target.name}` })
    .click();
  await expect(row(popup)).toHaveAttribute('data-verdict', 'healthy', { timeout: 10_000 });
  const clearedAt = row(popup).locator('[data-time="cleared-at"]');
  await expect(clearedAt).toBeVisible();
  const clearedText = await clearedAt.textContent();
  await popup.close();

  // Opened again within the freshness window: the stored diagnosis, the cleared device in it.
  const again = await clickToolbarButton(context, page, extensionId);
  await expect(again.getByTestId('fmc-panel')).toHaveAttribute('data-auto-run', 'no');
  await expect(row(again)).toHaveAttribute('data-verdict', 'healthy');
  await expect(row(again).locator('[data-time="cleared-at"]')).toHaveText(clearedText ?? '');
  await expect(again.getByTestId('failing-device')).toHaveCount(3);

  // Refresh: a new run; the device is still listed as cleared, with the same time.
  const before = await asOf(again);
  const requests = sim.rest.stats().requests;
  await again.getByRole('button', { name: 'Refresh' }).click();
  await expect
    .poll(async () => Number(await again.getByTestId('as-of').getAttribute('data-at')), {
      timeout: FINISHED_WITHIN_MS,
    })
    .toBeGreaterThan(before);
  expect(sim.rest.stats().requests).toBeGreaterThan(requests);
  await expect(row(again)).toHaveAttribute('data-verdict', 'healthy');
  await expect(row(again).locator('[data-time="cleared-at"]')).toHaveText(clearedText ?? '');
  await expect(row(again).locator('[data-time="rechecked-at"]')).toBeVisible();
  await expect(again.getByTestId('failing-device')).toHaveCount(3);
});

test('header, menu and focus: the FMC host, Sign out / Disable / Options behind one keyboard-operable button, the first useful control focused', async ({
  context,
  extensionId,
  sim,
}) => {
  const { page, popup } = await openOnFmc(context, extensionId, sim);
  await expect(popup.getByTestId('popup-host')).toHaveText(new URL(sim.origin).host);
  // Not signed in: the user name is the first useful control.
  await expect(popup.getByLabel('Username')).toBeFocused();
  await signIn(popup);
  await expect(popup.getByTestId('failing-device')).toHaveCount(3);
  await popup.close();

  const again = await clickToolbarButton(context, page, extensionId);
  const first = again.getByTestId('failing-device').first();
  await expect(first.locator('summary').first()).toBeFocused();
  const name = await first.locator('summary strong').first().textContent();
  await expect(first.getByRole('button', { name: `Open ${name} in the report` })).toBeVisible();

  // The menu: closed, its actions hidden; Enter opens it, Escape closes it and gives the focus back.
  const menu = again.getByTestId('popup-menu');
  const toggle = menu.locator('summary');
  await expect(again.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await toggle.focus();
  await again.keyboard.press('Enter');
  for (const action of ['Sign out', 'Disable on this FMC', 'Options'])
    await expect(again.getByRole('button', { name: action })).toBeVisible();
  await again.keyboard.press('Escape');
  await expect(again.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAccessibleName('More actions');
  await again.keyboard.press('Space');
  await again.getByRole('button', { name: 'Sign out' }).click();
  await expect(again.getByLabel('Username')).toBeVisible();
  expect(sim.rest.stats().revokes).toBe(1);
});

test('the popup says what is missing instead of an all clear', async ({ context, extensionId, sim }) => {
  sim.rest.setFaults({ inject: [{ match: 'GET health/alerts', times: 50, status: 500 }] });
  sim.setFleet({ devices: 12, failing: 0, seed: 4 });
  const { popup } = await openOnFmc(context, extensionId, sim);
  await signIn(popup);
  const notice = popup.getByTestId('incomplete-notice');
  await expect(notice.locator('li[data-part="alerts"]')).toContainText(
    'not green (red, yellow, black or unknown) were examined instead',
  );
  await expect(popup.getByTestId('failing-unknown')).toContainText('cannot be told');
  await expect(popup.getByText('No device reports')).toHaveCount(0);
});

test('each alert result on its own line, the failing one first', async ({ context, extensionId, sim }) => {
  const { popup } = await openOnFmc(context, extensionId, sim);
  await signIn(popup);
  const device = popup.getByTestId('failing-device').first();
  await device.locator('summary').first().click();
  // The Cloud Configuration result is the evidence's; the folded list holds the other data types' (issue 19).
  await expect(device.locator('.evidence')).toContainText('Cisco Cloud Configuration - Failure');
  const results = device.getByTestId('alert-results').locator('li');
  await expect(results.first()).toHaveText(/ - (Success|Failure)$/);
  await expect(results.filter({ hasText: 'Cisco Cloud Configuration' })).toHaveCount(0);
  expect(await results.count()).toBeGreaterThan(5);
});

test('resolves the region’s cloud hosts through the DoH resolver set in the options', async ({
  context,
  extensionId,
  sim,
}) => {
  const doh = await startDohServer();
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('DNS-over-HTTPS resolver address').fill(doh.url);
    await options.locator('#doh-format').selectOption('wire');
    await options.locator('#doh-url').press('Enter');
    await expect(options.getByText('Saved.').first()).toBeVisible();

    const { popup } = await openOnFmc(context, extensionId, sim);
    await signIn(popup);
    await expect(popup.getByTestId('failing-device')).toHaveCount(3);
    await expect(popup.getByTestId('dns-resolver')).toContainText(doh.url);
    await popup.getByRole('button', { name: 'Resolve the cloud hosts of this region' }).click();
    const sse = popup.locator('[data-testid="dns-result"][data-host="api-sse.cisco.com"]');
    await expect(sse).toHaveAttribute('data-ok', 'true');
    await expect(sse).toContainText('api-sse.cisco.com.akadns.net');
    expect(doh.queries.some((q) => q.name === 'api-sse.cisco.com' && q.format.startsWith('wire'))).toBe(true);

    // A name the resolver does not know, then a resolver that refuses: clear, specific messages.
    await popup.getByLabel('Any host name').fill('api.in.sse.itd.cisco.com');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await expect(popup.locator('[data-host="api.in.sse.itd.cisco.com"]')).toHaveAttribute('data-ok', 'false');
    doh.setMode('refused');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await expect(popup.getByTestId('dns-result').first()).toContainText('REFUSED');
  } finally {
    await doh.close();
  }
});

test('screenshot of the popup for the README', async ({ context, extensionId, sim }) => {
  const { popup } = await openOnFmc(context, extensionId, sim);
  await popup.setViewportSize({ width: 420, height: 900 });
  await signIn(popup);
  await expect(popup.getByTestId('failing-device')).toHaveCount(3);
  await popup.getByTestId('failing-device').nth(0).locator('summary').first().click();
  await popup.screenshot({ path: 'docs/popup.png', fullPage: false });
});

test('hostile device names stay text in the popup and do not break its layout', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.setFleet({ devices: 12, failing: 6, seed: 4, hostileNames: true });
  const { popup } = await openOnFmc(context, extensionId, sim);
  await popup.setViewportSize({ width: 380, height: 800 });
  await signIn(popup);
  await expect(popup.getByTestId('failing-device')).toHaveCount(6);
  for (const device of await popup.getByTestId('failing-device').all())
    await device.locator('summary').first().click();
  await expect(popup.getByText('<img src=x onerror="window.__fmcXss=1">').first()).toBeVisible();
  expect(await popup.locator('img, script:not([src])').count()).toBe(0);
  expect(await popup.evaluate(() => (window as unknown as { __fmcXss?: number }).__fmcXss)).toBeUndefined();
  // A 300-character name wraps instead of widening the popup.
  expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('the popup, the report and the options draw their text at 13 px or more (Chromium shrinks extension pages to 75 %)', async ({
  context,
  extensionId,
  sim,
}) => {
  const { popup } = await openOnFmc(context, extensionId, sim);
  const pages = [
    popup,
    await context.newPage().then(async (page) => {
      await page.goto(`chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent(sim.origin)}`);
      return page;
    }),
    await context.newPage().then(async (page) => {
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    }),
  ];
  for (const page of pages) {
    // Body text: the first paragraph each page draws (its font follows the page's base size).
    const paragraph = page.locator('main p').first();
    await expect(paragraph).toBeVisible();
    const px = await paragraph.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(px, page.url()).toBeGreaterThanOrEqual(13);
  }
});

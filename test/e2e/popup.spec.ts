import { startDohServer } from '../dns/doh-server';
import { clickToolbarButton, expect, test } from './fixtures';
import { openOnFmc, SIM_PASSWORD, SIM_USER, signIn, waitForRegistration } from './helpers';

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
  const results = device.getByTestId('alert-results').locator('li');
  await expect(results.first()).toHaveText('Cisco Cloud Configuration - Failure');
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

import { expect, HINT, test } from './fixtures';
import { expectHints, tabIdOf, waitForRegistration } from './helpers';

const FLEET = 'devices=20&failing=3&seed=3';

test.beforeEach(async ({ background }) => {
  await waitForRegistration(background, 3);
});

test('annotates each failing row of the classic table, inside its cell', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/table?${FLEET}`));
  await expectHints(page, 3, 'tr');
  const hosts = page.locator(HINT);
  for (const host of await hosts.all()) {
    expect(await host.evaluate((el) => el.parentElement?.closest('td') !== null)).toBe(true);
    await expect(host.locator('xpath=ancestor::tr[1]')).toContainText('Failure');
  }
  // Success rows and the help paragraph are left alone.
  await expect(
    page.locator('tr', { hasText: 'Cisco Cloud Configuration - Success' }).locator(HINT),
  ).toHaveCount(0);
});

test('annotates the ARIA grid and the alert cards', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/grid?${FLEET}`));
  await expectHints(page, 3, '[role="row"]');
  for (const host of await page.locator(HINT).all()) {
    expect(await host.evaluate((el) => el.closest('[role="gridcell"]') !== null)).toBe(true);
  }
  await page.goto(sim.url(`/health/monitor/alerts?${FLEET}`));
  await expect(page.locator(HINT)).toHaveCount(3);
});

test('annotates rows inside a same-origin iframe', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/table?${FLEET}&frame=1`));
  const frame = page.frameLocator('iframe').first();
  await expect(frame.locator(HINT)).toHaveCount(3);
  await expect(page.locator(`body > ${HINT}`)).toHaveCount(0);
});

test('annotates rows inserted late and keeps one hint per row across a re-render', async ({
  context,
  sim,
}) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/grid?${FLEET}&late=300&rerender=1200`));
  await expectHints(page, 3, '[role="row"]');
  const before = await page.locator('[role="row"]').first().elementHandle();
  // After the re-render the old rows are gone and the new ones carry their own single hint.
  await expect.poll(async () => before?.evaluate((el) => el.isConnected)).toBe(false);
  await expectHints(page, 3, '[role="row"]');
});

test('removes the hint when a row recovers, and counts hints on the toolbar badge', async ({
  context,
  sim,
  background,
}) => {
  const page = await context.newPage();
  const url = sim.url(`/health/monitor/table?${FLEET}`);
  await page.goto(url);
  await expect(page.locator(HINT)).toHaveCount(3);
  const tabId = await tabIdOf(background, url);
  await expect
    .poll(() => background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
    .toBe('3');
  await page.locator('#sim-fix-first').click();
  await expect(page.locator(HINT)).toHaveCount(2);
  await expect
    .poll(() => background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
    .toBe('2');
});

test('leaves pages that only mention the alert untouched', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url('/help/cloud'));
  await expect(page.getByText(/Cisco Cloud Configuration/).first()).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.locator(HINT)).toHaveCount(0);
});

test('expands into the explanation and opens the health policy in one click', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/table?${FLEET}`));
  const hint = page.locator(HINT).first();
  const toggle = hint.getByRole('button').first();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(hint).not.toContainText('api-sse.cisco.com');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(hint).toContainText('api-sse.cisco.com');
  await expect(hint).toContainText('Scenario 1');
  await expect(hint).toContainText('Scenario 2');
  await expect(hint).toContainText('nslookup api-sse.cisco.com');
  await expect(hint).toContainText('configure network dns servers');
  const policy = hint.locator('a[data-action="open-health-policy"]');
  expect(new URL((await policy.getAttribute('href')) ?? '', page.url()).origin).toBe(sim.origin);
  await policy.click();
  await expect(page).toHaveURL(/\/health\/policy/);
  await expect(page.getByRole('heading', { name: 'Health Policy' }).first()).toBeVisible();
});

test('is keyboard operable: Enter expands, Escape collapses and returns focus', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/table?${FLEET}`));
  const toggle = page.locator(HINT).first().getByRole('button').first();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
});

test('hostile device names never run script and the hints still appear', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/alerts?devices=12&failing=6&hostile=1`));
  await expect(page.locator(HINT)).toHaveCount(6);
  await page.locator(HINT).first().getByRole('button').first().click();
  await expect(page.locator(HINT).first()).toContainText('api-sse.cisco.com');
  expect(await page.evaluate(() => (window as unknown as { __fmcXss?: number }).__fmcXss)).toBeUndefined();
});

test('screenshot of an expanded hint for the README', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(sim.url('/health/monitor/table?devices=4&failing=1&seed=7'));
  const hint = page.locator(HINT).first();
  await hint.getByRole('button').first().click();
  await expect(hint).toContainText('Scenario 2');
  await hint.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/hint.png' });
});

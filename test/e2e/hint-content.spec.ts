import type { Locator, Page } from '@playwright/test';
import { expect, HINT, test } from './fixtures';
import { diagnoseFromReport, failingDevices, openModulePage, waitForRegistration } from './helpers';

// Issue 19, what the open hint says and in what order, against the built extension and the simulator: for
// scenario 1 (cloud integration off, the alert expected) the health policy is the first action and no Watch is
// offered; for scenario 2 (a device without management DNS) the fix's command comes before the folded evidence.

test.beforeEach(async ({ sim, background }) => {
  sim.rest.reset();
  await waitForRegistration(background, 3);
});

/** Diagnoses the fleet, opens the module page and the panel of the failing device's hint, with its verdict. */
async function openDevicePanel(
  page: Page,
  verdict: string,
): Promise<{ hint: Locator; device: Locator; id: string }> {
  const hint = page.locator(HINT).filter({ has: page.locator(`[data-fmc-verdict="${verdict}"]`) });
  await expect(hint).toHaveCount(1, { timeout: 5_000 });
  const id = (await hint.locator('[data-fmc-device]').getAttribute('data-fmc-device')) ?? '';
  await hint.locator('button.badge').click();
  const device = hint.locator('section[data-section="device"]');
  // The device's own view has loaded from the background: its cause is there.
  await expect(device.locator('[data-section="cause"] .cause')).not.toBeEmpty();
  return { hint, device, id };
}

test('scenario 1: Open the health policy is the first action of the device, and no Watch is offered', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.setFleet({ devices: 4, failing: 1, seed: 7, integration: false });
  const page = await openModulePage(context, sim);
  await diagnoseFromReport(context, extensionId, sim);
  const { device } = await openDevicePanel(page, 'expected-integration-off');

  const actions = device.locator('a, button');
  const first = actions.first();
  await expect(first).toHaveAttribute('data-action', 'open-health-policy');
  await expect(first).toHaveText('Open the health policy');
  await expect(first).toBeVisible();
  // A link drawn as the primary button (hint.css `a.action`), not a text link.
  await expect(first).toHaveClass(/\baction\b/);
  expect(new URL((await first.getAttribute('href')) ?? '', page.url()).origin).toBe(sim.origin);
  // Positive control: the actions are drawn (Open in the report); Watch is not among them.
  await expect(device.getByRole('button', { name: 'Open in the report' })).toBeVisible();
  await expect(device.getByRole('button', { name: 'Watch until it clears' })).toHaveCount(0);
  await expect(device.locator('button.watch')).toHaveCount(0);

  // The link opens the FMC's health policy page in this tab.
  await first.click();
  await expect(page).toHaveURL(/\/health\/policy/);
});

test('scenario 2: the DNS fix and its Expected output come before the folded evidence', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.setFleet({ devices: 4, failing: 1, seed: 7, causes: ['dns-missing'] });
  const page = await openModulePage(context, sim);
  await diagnoseFromReport(context, extensionId, sim);
  const target = failingDevices(sim)[0];
  if (!target) throw new Error('the fleet has a failing device');
  const { device, id } = await openDevicePanel(page, 'dns-missing');
  expect(id).toBe(target.id);

  // The parts in the one order: cause, fix, verify, actions, then why (folded).
  const order = await device
    .locator('[data-section]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-section')));
  expect(order.slice(0, 5)).toEqual(['cause', 'fix', 'verify', 'actions', 'why']);

  // "name · management address" and the ssh line that opens its CLI.
  await expect(device.locator('[data-section="cause"] h3')).toContainText(
    `${target.name} · ${target.hostName}`,
  );
  const fix = device.locator('[data-section="fix"]');
  await expect(fix.locator('.command code').first()).toHaveText(`ssh admin@${target.hostName}`);
  const command = fix.locator('.command code', { hasText: 'configure network dns servers' });
  await expect(command).toBeVisible();
  await expect(
    fix.getByRole('button', { name: /^Copy the command configure network dns servers/ }),
  ).toBeVisible();
  const expected = device.locator('[data-section="verify"] .expect').first();
  await expect(expected).toBeVisible();
  await expect(expected).toHaveText(/^Expected: /);

  // Why this verdict is folded, and comes after the command.
  const why = device.locator('details[data-section="why"]');
  await expect(why.locator('summary')).toHaveText('Why this verdict');
  await expect(why).not.toHaveAttribute('open');
  await expect(why.locator('li').first()).toBeHidden();
  const commandFirst = await command.evaluate(
    (code, details) =>
      details !== null && (code.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    await why.elementHandle(),
  );
  expect(commandFirst).toBe(true);
  // Opened, it shows the evidence.
  await why.locator('summary').click();
  await expect(why.locator('li').first()).toBeVisible();
  // Watch is offered for a failure that can clear.
  await expect(device.getByRole('button', { name: 'Watch until it clears' })).toBeVisible();
});

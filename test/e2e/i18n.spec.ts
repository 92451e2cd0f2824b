import { expect, extensionWorker, HINT, launchWithExtension, test } from './fixtures';
import { waitForRegistration } from './helpers';

test('with the browser in French, the hint speaks French', async ({ sim }) => {
  const context = await launchWithExtension({ lang: 'fr' });
  try {
    await waitForRegistration(await extensionWorker(context), 3);
    const page = await context.newPage();
    await page.goto(sim.url('/health/monitor/module?devices=10&failing=1'));
    const hint = page.locator(HINT).first();
    const toggle = hint.getByRole('button').first();
    await expect(toggle).toContainText('Pourquoi cet échec');
    await toggle.click();
    await expect(hint).toContainText('Scénario 1');
    await expect(hint).toContainText('Scénario 2');
    await expect(hint).toContainText('nslookup api-sse.cisco.com');
    await expect(hint.locator('a[data-action="open-health-policy"]')).toContainText(
      'Ouvrir la politique d’intégrité',
    );
  } finally {
    await context.close();
  }
});

test('follows a dark colour scheme', async ({ sim }) => {
  const context = await launchWithExtension({ colorScheme: 'dark' });
  try {
    await waitForRegistration(await extensionWorker(context), 3);
    const page = await context.newPage();
    await page.goto(sim.url('/health/monitor/module?devices=10&failing=1'));
    const badge = page.locator(HINT).first().getByRole('button').first();
    await expect(badge).toBeVisible();
    // The dark palette's badge text is a light red; the light palette's is a dark red.
    const color = await badge.evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(253, 162, 155)');
  } finally {
    await context.close();
  }
});

import type { BrowserContext } from '@playwright/test';
import { startFmcSimulator } from '../fmc-sim/server';
import { clickToolbarButton, expect, HINT, test } from './fixtures';
import { waitForRegistration } from './helpers';

const FLEET = 'devices=10&failing=2';

test('an origin that is not enabled gets no hints, and the popup offers to enable it', async ({
  context,
  background,
  extensionId,
}) => {
  await waitForRegistration(background, 3);
  // 127.0.0.2 is loopback too, but not one of the e2e build's pre-granted origins.
  const other = await startFmcSimulator({ port: 0, host: '127.0.0.2' });
  try {
    const page = await context.newPage();
    await page.goto(other.url(`/health/monitor/table?${FLEET}`));
    await expect(
      page.getByText('Threat Data Updates - Cisco Cloud Configuration - Failure').first(),
    ).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.locator(HINT)).toHaveCount(0);

    const popup = await clickToolbarButton(context, page, extensionId);
    await expect(popup.getByTestId('origin-state')).toContainText('Not enabled on http://127.0.0.2');
    await expect(popup.getByRole('button', { name: 'Enable on this FMC' })).toBeVisible();
  } finally {
    await other.close();
  }
});

/** The browser's own extension settings (chrome://extensions > Site access), driven through its page API. */
async function setSiteAccess(
  context: BrowserContext,
  extensionId: string,
  pattern: string,
  granted: boolean,
) {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    ([id, host, grant]) => {
      const api = (
        chrome as unknown as { developerPrivate: Record<string, (id: string, host: string) => Promise<void>> }
      ).developerPrivate;
      return grant ? api.addHostPermission?.(id, host) : api.removeHostPermission?.(id, host);
    },
    [extensionId, pattern, granted] as const,
  );
  await settings.close();
}

test('revoking an origin in the browser unregisters the content script there; granting it again re-registers it', async ({
  context,
  background,
  extensionId,
  sim,
}) => {
  const initial = await waitForRegistration(background, 3);
  expect(initial).toEqual(['http://127.0.0.1/*', 'http://localhost/*', 'https://127.0.0.1/*']);

  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/table?${FLEET}`).replace('127.0.0.1', 'localhost'));
  await expect(page.locator(HINT)).toHaveCount(2);
  const popup = await clickToolbarButton(context, page, extensionId);
  await expect(popup.getByTestId('origin-state')).toContainText('Enabled on http://localhost');
  await expect(popup.getByTestId('hint-count')).toContainText('2');

  await setSiteAccess(context, extensionId, 'http://localhost/*', false);
  expect(await waitForRegistration(background, 2)).toEqual(['http://127.0.0.1/*', 'https://127.0.0.1/*']);
  // The open popup follows the change at once.
  await expect(popup.getByTestId('origin-state')).toContainText('Not enabled on http://localhost');
  await page.reload();
  await page.waitForTimeout(500);
  await expect(page.locator(HINT)).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('enabled-origins')).toContainText('http://127.0.0.1');
  await expect(options.getByTestId('enabled-origins')).not.toContainText('http://localhost');

  // Granted again: the script is registered and injected into the tab already open, without a reload.
  await setSiteAccess(context, extensionId, 'http://localhost/*', true);
  expect(await waitForRegistration(background, 3)).toEqual([
    'http://127.0.0.1/*',
    'http://localhost/*',
    'https://127.0.0.1/*',
  ]);
  await expect(options.getByTestId('enabled-origins')).toContainText('http://localhost');
  await expect(page.locator(HINT)).toHaveCount(2);
});

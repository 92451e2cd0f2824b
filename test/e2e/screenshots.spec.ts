import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startFmcSimulator } from '../fmc-sim/server';
import { clickToolbarButton, expect, extensionWorker, HINT, launchWithExtension, test } from './fixtures';
import { FINISHED_WITHIN_MS, SIM_PASSWORD, SIM_USER, shownFailing, waitForRegistration } from './helpers';

// The README's screenshots of each surface (the hint, the popup, the report, the options), light and dark, in
// English and French (issue 19): this run refreshes them in docs/screens/, so they always show the build under
// test. Each picture is taken after a positive check that the surface shows what it is meant to show.

const SCREENS = path.resolve('docs/screens');

/** Signs in by the form's fields, not by their labels, which are in the browser's language. */
async function signInAnyLanguage(page: Page) {
  await page.locator('input[name="username"]').fill(SIM_USER);
  await page.locator('input[name="password"]').fill(SIM_PASSWORD);
  await page.locator('input[name="password"]').press('Enter');
}

for (const lang of ['en', 'fr'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots of every surface, ${lang}, ${scheme}`, async () => {
      test.setTimeout(120_000);
      mkdirSync(SCREENS, { recursive: true });
      const shot = (surface: string) => path.join(SCREENS, `${surface}-${lang}-${scheme}.png`);
      // Its own simulator: the worker's is shared with other files' tests, whose fleets this one must not change.
      const sim = await startFmcSimulator({ port: 0, fleet: { devices: 12, failing: 4, seed: 3 } });
      const context = await launchWithExtension({
        lang: lang === 'en' ? 'en-US' : 'fr',
        colorScheme: scheme,
      });
      try {
        const background = await extensionWorker(context);
        await waitForRegistration(background, 3);
        const extensionId = new URL(background.url()).host;

        // The report: a finished run with a failing device's pane open.
        const report = await context.newPage();
        await report.setViewportSize({ width: 1280, height: 900 });
        await report.goto(
          `chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent(sim.origin)}`,
        );
        await signInAnyLanguage(report);
        const failingRow = report.locator('.fleet-table tr[data-verdict="dns-missing"]').first();
        await expect(failingRow).toBeVisible({ timeout: FINISHED_WITHIN_MS });
        await failingRow.click();
        await expect(
          report.locator('[data-device-id] .fmc-command, [data-device-id] code').first(),
        ).toBeVisible();
        await report.screenshot({ path: shot('report') });

        // The hint, open, on the module's table, with its device's verdict.
        const page = await context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(sim.url('/health/monitor/module'));
        await expect(page.locator(HINT)).toHaveCount(shownFailing(sim).length);
        const hint = page.locator(HINT).first();
        await expect(hint.locator('[data-fmc-verdict]').first()).toBeAttached();
        await hint.getByRole('button').first().click();
        await expect(hint.locator('[role="region"], section').first()).toBeVisible();
        await expect(hint).toContainText('api-sse.cisco.com');
        await page.screenshot({ path: shot('hint') });

        // The popup on the FMC's tab, opened on the stored diagnosis.
        const popup = await clickToolbarButton(context, page, extensionId);
        await popup.setViewportSize({ width: 420, height: 800 });
        await expect(popup.getByTestId('failing-device').first()).toBeVisible({
          timeout: FINISHED_WITHIN_MS,
        });
        await popup.screenshot({ path: shot('popup') });

        // The options page.
        const options = await context.newPage();
        await options.setViewportSize({ width: 1000, height: 900 });
        await options.goto(`chrome-extension://${extensionId}/options.html`);
        await expect(options.getByTestId('enabled-origins')).toContainText('http://127.0.0.1');
        await options.screenshot({ path: shot('options') });
      } finally {
        await context.close();
        await sim.close();
      }
    });
  }
}

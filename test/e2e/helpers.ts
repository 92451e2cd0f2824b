import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { FmcSimulator } from '../fmc-sim/server';
import { clickToolbarButton, expect, HINT } from './fixtures';

export const SIM_USER = 'api-user';
export const SIM_PASSWORD = 'api-password';

/** The simulated Health Monitor in a tab, and the popup opened on it by a toolbar click. */
export async function openOnFmc(context: BrowserContext, extensionId: string, sim: FmcSimulator) {
  const page = await context.newPage();
  await page.goto(sim.url('/health/monitor/table'));
  return { page, popup: await clickToolbarButton(context, page, extensionId) };
}

/** Fills the sign-in form of the popup or the report and submits it. */
export async function signIn(page: Page, user = SIM_USER): Promise<void> {
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(SIM_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The background registers the content script on install; tests start once it has. */
export async function waitForRegistration(background: Worker, expectedMatches: number): Promise<string[]> {
  let matches: string[] = [];
  await expect
    .poll(async () => {
      matches = await background.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []),
      );
      return matches.length;
    })
    .toBe(expectedMatches);
  return matches.sort();
}

export async function tabIdOf(background: Worker, url: string): Promise<number> {
  const id = await background.evaluate(
    async (target) => (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab with ${url}`);
  return id;
}

/** Waits until the page shows exactly `count` hints, and checks each row carries exactly one. */
export async function expectHints(page: Page, count: number, rowSelector: string): Promise<void> {
  await expect(page.locator(HINT)).toHaveCount(count);
  const perRow = await page
    .locator(rowSelector)
    .evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('[data-fmc-hint]').length).filter((n) => n > 0),
    );
  expect(perRow).toEqual(Array(count).fill(1));
}

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

/** How long a diagnosis of the e2e fleets may take, sign-in to exports enabled. */
export const FINISHED_WITHIN_MS = 30_000;

/** The devices whose Cloud Configuration alert the REST API reports failing. */
export function failingDevices(sim: FmcSimulator) {
  return sim
    .fleet()
    .devices.filter((device) => device.failingDataTypes.includes('Cisco Cloud Configuration'));
}

/** The devices the Health Monitor's pages show failing: the REST API's, and fixed ones the pages still show. */
export function shownFailing(sim: FmcSimulator) {
  return sim
    .fleet()
    .devices.filter((device) =>
      (device.shownFailingDataTypes ?? device.failingDataTypes).includes('Cisco Cloud Configuration'),
    );
}

/** The module detail page (form 1), drawn from the simulator's current fleet, as an admin has it open. */
export async function openModulePage(context: BrowserContext, sim: FmcSimulator): Promise<Page> {
  const page = await context.newPage();
  await page.goto(sim.url('/health/monitor/module'));
  await expect(page.locator(HINT)).toHaveCount(shownFailing(sim).length);
  return page;
}

/** Runs the diagnosis from the report (signed in there) and waits for its end; the report stays open. */
export async function diagnoseFromReport(context: BrowserContext, extensionId: string, sim: FmcSimulator) {
  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent(sim.origin)}`);
  await signIn(report);
  await expect(report.getByRole('button', { name: 'Export JSON' })).toBeEnabled({
    timeout: FINISHED_WITHIN_MS,
  });
  return { report, finishedAt: Date.now() };
}

/** Re-check every `everyMinutes` for up to `forMinutes`: the stored setting, as the options page writes it. */
export async function setWatchSchedule(background: Worker, everyMinutes: number, forMinutes: number) {
  await background.evaluate((schedule) => chrome.storage.local.set({ watchSchedule: schedule }), {
    everyMinutes,
    forMinutes,
  });
}

/** The stored watch of a device (storage.local), as the worker keeps it. */
export async function storedWatch(background: Worker, origin: string, deviceId: string) {
  return background.evaluate(
    async ([key, id]) => {
      const all = (await chrome.storage.local.get(key as string))[key as string] as
        | Record<string, { ended?: { outcome: string }; unchecked?: { reason: string }; seen?: unknown }>
        | undefined;
      return all?.[id as string] ?? null;
    },
    [`watches:${origin}`, deviceId] as const,
  );
}

/** Opens the device in the report's table and starts its watch there. */
export async function startWatchInReport(report: Page, deviceId: string) {
  await report.locator(`.fleet-table tr[data-device-id="${deviceId}"]`).click();
  await report.getByRole('button', { name: 'Watch until it clears' }).click();
  await expect(report.getByTestId('watching')).toBeVisible();
}

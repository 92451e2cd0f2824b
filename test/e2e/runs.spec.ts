import type { Page } from '@playwright/test';
import { startFmcSimulator } from '../fmc-sim/server';
import { clickToolbarButton, expect, test } from './fixtures';
import { openOnFmc, signIn, waitForRegistration } from './helpers';

const COMMANDS = 'GET devices/devicerecords/{id}/operational/commands';

test.beforeEach(async ({ sim, background }) => {
  sim.setFleet({ devices: 12, failing: 3, seed: 4, causes: ['dns-missing', 'proxy', 'connectivity'] });
  sim.rest.reset();
  await waitForRegistration(background, 3);
});

test('the worker stopped mid-run: the popup says the run was interrupted and runs it again', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.rest.setFaults({ slow: { match: 'operational/commands', ms: 4_000 } });
  const { popup } = await openOnFmc(context, extensionId, sim);
  await signIn(popup);
  await expect(popup.getByRole('progressbar', { name: 'Diagnosis progress' })).toBeVisible();

  // What Chromium does to an idle worker, at once: chrome://serviceworker-internals' "Stop", through CDP.
  const cdp = await context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');

  const interrupted = popup.getByTestId('interrupted');
  await expect(interrupted).toContainText('interrupted before it finished');
  await expect(popup.getByRole('progressbar', { name: 'Diagnosis progress' })).toHaveCount(0);
  sim.rest.setFaults({ slow: null });
  await interrupted.getByRole('button', { name: 'Run the diagnosis again' }).click();
  await expect(popup.getByTestId('failing-device')).toHaveCount(3);
  await expect(popup.getByTestId('interrupted')).toHaveCount(0);
});

test('the popup opened during a report run joins it: each command is asked once', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.rest.setFaults({ slow: { match: 'operational/commands', ms: 1_500 } });
  const report = await context.newPage();
  await report.goto(`chrome-extension://${extensionId}/report.html?fmc=${encodeURIComponent(sim.origin)}`);
  await signIn(report);
  await expect(report.getByRole('progressbar', { name: 'Diagnosis progress' })).toBeVisible();

  const { popup } = await openOnFmc(context, extensionId, sim);
  // Signed in already (the tokens are shared): the popup asks the background, which joins the report's run.
  await expect(popup.getByRole('progressbar', { name: 'Diagnosis progress' })).toBeVisible();
  await expect(popup.getByTestId('failing-device')).toHaveCount(3, { timeout: 30_000 });
  await expect(report.getByRole('button', { name: 'Export JSON' })).toBeEnabled();
  // Three failing devices and three healthy peers: six commands, not twelve.
  expect(sim.rest.stats().byEndpoint[COMMANDS]).toBe(6);
  expect(sim.rest.stats().logins).toBe(1);
});

test('self-signed HTTPS: once the certificate is accepted in a tab, the popup diagnoses', async ({
  context,
  extensionId,
}) => {
  const https = await startFmcSimulator({
    port: 0,
    https: true,
    fleet: { devices: 8, failing: 2, seed: 6, causes: ['dns-missing', 'connectivity'] },
  });
  try {
    const page = await context.newPage();
    // The browser refuses the certificate first, as with any FMC's self-signed one; the user accepts it.
    await page.goto(https.url('/health/monitor/table')).catch(() => undefined);
    await page.locator('#details-button').click();
    await page.locator('#proceed-link').click();
    await expect(page).toHaveTitle(/Health Monitor/);

    const popup = await clickToolbarButton(context, page, extensionId);
    await signIn(popup);
    await expect(popup.getByTestId('failing-device')).toHaveCount(2);
    await expect(popup.locator('[data-error-code="tls-or-network"]')).toHaveCount(0);
  } finally {
    await https.close();
  }
});

test('a worker that cannot reach the FMC hands the run to the report tab, which finishes it', async ({
  context,
  extensionId,
  sim,
  background,
}) => {
  // Headless Chromium here lets the worker through once a tab accepted the certificate (test above), so the
  // worker's refusal is forced: its fetch fails as fetch fails on a certificate it does not honour (a
  // TypeError), while the extension's pages keep theirs.
  await background.evaluate((origin) => {
    const real = globalThis.fetch;
    globalThis.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).startsWith(origin)
        ? Promise.reject(new TypeError('Failed to fetch'))
        : real(input, init);
  }, sim.origin);
  const { popup } = await openOnFmc(context, extensionId, sim);
  await signIn(popup);
  const handedTo = () => context.pages().find((page) => /\/report\.html\?.*&run=1$/.test(page.url()));
  await expect.poll(() => handedTo()?.url() ?? '', { timeout: 20_000 }).toContain('&run=1');
  const report = handedTo() as Page;
  await expect(report.getByRole('button', { name: 'Export JSON' })).toBeEnabled({ timeout: 30_000 });
  // The popup shows the report's result, not the certificate advice.
  await expect(popup.getByTestId('failing-device')).toHaveCount(3);
  await expect(popup.locator('[data-error-code="tls-or-network"]')).toHaveCount(0);
  const state = await popup.evaluate(
    async (origin) => (await chrome.storage.session.get(`diagnosis:${origin}`))[`diagnosis:${origin}`],
    sim.origin,
  );
  expect(state).toMatchObject({ status: 'done', runner: 'page' });
});

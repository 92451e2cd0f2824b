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

test('an FMC neither the worker nor the offscreen document reaches: the popup says what to do and opens no tab, however often it opens', async ({
  context,
  extensionId,
  background,
}) => {
  // What remains of the old hand-over to a report tab: nothing. A self-signed FMC is reached through the
  // offscreen document (self-signed.spec.ts); an FMC that nothing reaches (here: it stopped answering) ends the
  // popup's run in the worker with the advice, and no report tab opens, on the first opening or the next.
  const down = await startFmcSimulator({
    port: 0,
    fleet: { devices: 4, failing: 1, seed: 9, causes: ['dns-missing'] },
  });
  let closed = false;
  try {
    const { page, popup } = await openOnFmc(context, extensionId, down);
    await signIn(popup);
    await expect(popup.getByTestId('failing-device')).toHaveCount(1);
    await popup.close();
    await down.close();
    closed = true;

    for (const opening of [1, 2]) {
      const asked = Date.now();
      const again = await clickToolbarButton(context, page, extensionId);
      // The stored diagnosis is fresh (issue 19: no run by itself within DIAGNOSIS_FRESH_MS): Refresh asks.
      await again.getByRole('button', { name: 'Refresh' }).click();
      const state = () =>
        background.evaluate(
          async (key) =>
            (await chrome.storage.session.get(key))[key] as
              | { startedAt: number; status: string; runner: string; error?: { code: string } }
              | undefined,
          `diagnosis:${down.origin}`,
        );
      // This opening's own run, not the previous one's result.
      await expect
        .poll(
          async () => {
            const now = await state();
            return now && now.startedAt >= asked ? now.status : 'not yet';
          },
          { timeout: 30_000, message: `opening ${opening} ran again` },
        )
        .toBe('error');
      expect(await state()).toMatchObject({ runner: 'worker', error: { code: 'fmc-unreachable' } });
      const notice = again.locator('[data-error-code="fmc-unreachable"]');
      await expect(notice).toContainText('open the FMC once in a tab, pass the browser');
      expect(context.pages().filter((tab) => tab.url().includes('/report.html'))).toHaveLength(0);
      await again.close();
    }
  } finally {
    if (!closed) await down.close();
  }
});

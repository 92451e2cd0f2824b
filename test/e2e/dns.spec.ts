import { createServer } from 'node:net';
import { requiredHosts } from '../../lib/dns/settings';
import { readLocale } from '../unit/support/i18n-stub';
import { expect, test } from './fixtures';
import { openOnFmc, signIn, waitForRegistration } from './helpers';

const en = readLocale('en');
const words = (key: string) => en[key]?.message ?? key;

/**
 * A loopback port nothing listens on: bound by the system, then released, so a connection to it is refused at
 * once (the firewall admin's case: a DoH resolver the network does not let through).
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test.beforeEach(async ({ sim, background }) => {
  // Region US (the simulator's default): the hosts to resolve are those of api-sse.cisco.com.
  sim.setFleet({ devices: 12, failing: 3, seed: 4, causes: ['dns-missing', 'proxy', 'connectivity'] });
  sim.rest.reset();
  await waitForRegistration(background, 3);
});

test('a resolver that cannot be reached: one notice, and every host "not checked", never "does not resolve"', async ({
  context,
  extensionId,
  sim,
}) => {
  const url = `http://127.0.0.1:${await closedPort()}/dns-query`;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('DNS-over-HTTPS resolver address').fill(url);
  await options.locator('#doh-url').press('Enter');
  await expect(options.getByText('Saved.').first()).toBeVisible();

  const { popup } = await openOnFmc(context, extensionId, sim);
  await signIn(popup);
  await expect(popup.getByTestId('failing-device')).toHaveCount(3);
  await expect(popup.getByTestId('dns-resolver')).toContainText(url);
  await popup.getByRole('button', { name: words('dnsResolveCloudHosts') }).click();

  // Positive control first: the notice and one line per host, each saying what was observed.
  const notice = popup.getByTestId('dns-not-checked');
  await expect(notice).toHaveCount(1);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(words('dnsNoneChecked'));
  const hosts = requiredHosts('api-sse.cisco.com');
  expect(hosts.length).toBeGreaterThan(1);
  const results = popup.getByTestId('dns-result');
  await expect(results).toHaveCount(hosts.length);
  expect(await results.evaluateAll((items) => items.map((item) => item.getAttribute('data-host')))).toEqual(
    hosts,
  );
  expect(
    await results.evaluateAll((items) => items.map((item) => item.getAttribute('data-outcome'))),
  ).toEqual(hosts.map(() => 'not-checked'));
  for (const result of await results.all()) {
    await expect(result.locator('.state')).toHaveText(words('dnsNotChecked'));
  }
  // Then the negatives, on the same rendered list: no host reads "does not resolve", and the reason is said in
  // the notice only, not again under each host.
  const panel = popup.locator('section.dns');
  await expect(panel).not.toContainText(words('dnsNotResolved'));
  const reason = ((await notice.textContent()) ?? '').replace(words('dnsNoneChecked'), '').trim();
  expect(reason.length).toBeGreaterThan(0);
  for (const result of await results.all())
    await expect(result.locator('p', { hasText: reason })).toHaveCount(0);
});

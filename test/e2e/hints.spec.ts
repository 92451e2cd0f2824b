import type { Page } from '@playwright/test';
import { expect, HINT, test } from './fixtures';
import { expectHints, tabIdOf, waitForRegistration } from './helpers';

const FLEET = 'devices=20&failing=3&seed=3';

/** The forms of fmc-ui.md as the simulator draws them, with what a row is in each. */
const FORMS: [form: string, query: string, row: string][] = [
  ['module', '', 'tr'],
  ['alerts', '', 'tr'],
  ['alerts', 'markup=grid', '[role="row"]'],
  ['messages', '', 'li'],
  ['events', '', 'tr'],
  ['cards', '', 'li'],
  ['table', '', 'tr'],
  ['grid', '', '[role="row"]'],
];

test.beforeEach(async ({ background }) => {
  await waitForRegistration(background, 3);
});

/** Every hint sits in its row; in a table or grid, inside one of the row's cells. */
async function expectInCells(page: Page, row: string): Promise<void> {
  for (const host of await page.locator(HINT).all()) {
    const placed = await host.evaluate((el, rowSelector) => {
      const parentRow = el.parentElement?.closest(rowSelector);
      const cell = el.parentElement?.closest('td, th, [role="gridcell"]');
      return { inRow: parentRow != null, inCell: cell != null && parentRow?.contains(cell ?? null) === true };
    }, row);
    expect(placed.inRow).toBe(true);
    if (row !== 'li') expect(placed.inCell).toBe(true);
  }
}

for (const [form, query, row] of FORMS) {
  test(`annotates each failing row of the ${form}${query ? ` (${query})` : ''} form, in its cell`, async ({
    context,
    sim,
  }) => {
    const page = await context.newPage();
    await page.goto(sim.url(`/health/monitor/${form}?${FLEET}${query ? `&${query}` : ''}`));
    await expectHints(page, 3, row);
    await expectInCells(page, row);
  });
}

/** Every layout of the Message Center's items and of the cards, trailing fields and all (issue 18). */
const TRAILING = 'devices=20&failing=6';

for (const form of ['messages', 'cards']) {
  test(`${form}: rows with a device, a time, "n min ago" or a status after the alert get their hint (issue 18)`, async ({
    context,
    sim,
  }) => {
    const page = await context.newPage();
    await page.goto(sim.url(`/health/monitor/${form}?${TRAILING}`));
    await expectHints(page, 6, 'li');
    // The layouts with fields after the alert, each hinted.
    const fields =
      form === 'messages'
        ? ['.message-age', '.message-status', 'time.message-time']
        : ['.notification__age', '.notification__status', '.notification__meta', 'time'];
    for (const field of fields) {
      const rows = page.locator(`li:has(${field})`, { hasText: /Cloud Configuration.{0,3}Failure/ });
      expect(await rows.count(), field).toBeGreaterThan(0);
      for (const row of await rows.all()) await expect(row.locator(HINT), field).toHaveCount(1);
    }
  });
}

test('a result word that runs on in its own text gets no hint, whatever fields follow (positive control beside it)', async ({
  context,
  sim,
}) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/messages?${TRAILING}`));
  await expectHints(page, 6, 'li');
  // Negatives and a positive control in one insertion: once the control has its hint, the content script has
  // read the negatives too.
  await page.evaluate(() => {
    const list = document.createElement('ul');
    list.id = 'issue-18';
    list.innerHTML = [
      '<li class="negative">Cisco Cloud Configuration - Failure to connect to the cloud.</li>',
      '<li class="negative">Threat Data Updates - Cisco Cloud Configuration - Failure to connect <span>ftd-7</span> <time>10:44</time></li>',
      '<li class="negative"><span>ftd-core-a</span><span>Cisco Cloud Configuration - Failure means DNS</span><span>3 min ago</span></li>',
      '<li class="negative"><b>Cisco Cloud Configuration - Failure</b> occurs when the device cannot reach the cloud</li>',
      '<li id="control"><span class="sev" title="Critical"></span><span>ftd-core-a</span><span>Threat Data Updates on Devices: Cisco Cloud Configuration - Failure</span><span>3 min ago</span></li>',
    ].join('');
    document.querySelector('main')?.append(list);
  });
  await expect(page.locator(`#control ${HINT}`)).toHaveCount(1);
  await expect(page.locator(`#issue-18 .negative ${HINT}`)).toHaveCount(0);
  await expect(page.locator(HINT)).toHaveCount(7);
});

test('the module detail: the hint sits in the Failure cell of the Cisco Cloud Configuration row, not elsewhere', async ({
  context,
  sim,
}) => {
  const page = await context.newPage();
  await page.goto(
    sim.url(`/health/monitor/module?${FLEET}&failRows=Cisco Cloud Configuration,AMP Dynamic Analysis`),
  );
  // Two failing data types on each of the three failing devices: each row gets its own entry's hint.
  await expect(page.locator(HINT)).toHaveCount(3);
  await expect(page.locator('[data-fmc-hint="amp-dynamic-analysis"]')).toHaveCount(3);
  for (const host of await page.locator(HINT).all()) {
    const cells = await host.evaluate((el) => {
      const tr = el.closest('tr');
      return [...(tr?.cells ?? [])].map((cell) => ({
        text: cell.textContent ?? '',
        hint: cell.contains(el),
      }));
    });
    expect(cells[0]?.text).toBe('Cisco Cloud Configuration');
    expect(cells[1]?.hint).toBe(true);
  }
  await expect(
    page.locator('tr', { hasText: /^SI URL Lists and FeedsSuccess$/ }).locator('[data-fmc-hint]'),
  ).toHaveCount(0);
});

for (const ui of ['fr', 'ja']) {
  test(`reads a ${ui === 'fr' ? 'French' : 'Japanese'} FMC: localized chrome around the English strings`, async ({
    context,
    sim,
  }) => {
    const page = await context.newPage();
    await page.goto(sim.url(`/health/monitor/module?${FLEET}&ui=${ui}`));
    await expect(page.locator('html')).toHaveAttribute('lang', ui);
    await expectHints(page, 3, 'tr');
    // The health policy link comes from the localized menu.
    const hint = page.locator(HINT).first();
    await hint.getByRole('button').first().click();
    const policy = hint.locator('a[data-action="open-health-policy"]');
    await expect(policy).toHaveAttribute('href', sim.url('/health/policy'));
  });
}

test('annotates rows inside a same-origin iframe', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/module?${FLEET}&frame=1`));
  const frame = page.frameLocator('iframe').first();
  await expect(frame.locator(HINT)).toHaveCount(3);
  await expect(page.locator(`body > ${HINT}`)).toHaveCount(0);
});

for (const form of ['module', 'messages']) {
  test(`${form}: annotates rows inserted late and keeps one hint per row across a re-render`, async ({
    context,
    sim,
  }) => {
    const page = await context.newPage();
    const row = form === 'module' ? 'tr' : 'li';
    await page.goto(sim.url(`/health/monitor/${form}?${FLEET}&late=300&rerender=1200`));
    await expectHints(page, 3, row);
    const before = await page.locator(HINT).first().elementHandle();
    // After the re-render the old rows are gone and the new ones carry their own single hint.
    await expect.poll(async () => before?.evaluate((el) => el.isConnected)).toBe(false);
    await expectHints(page, 3, row);
  });
}

test('removes the hint when a row recovers, and counts hints on the toolbar badge', async ({
  context,
  sim,
  background,
}) => {
  const page = await context.newPage();
  const url = sim.url(`/health/monitor/module?${FLEET}`);
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

/**
 * A failing row of the seed's table added to a page by the test: once its hint is there, the content script
 * has read the page, so the absence of other hints is a finding, not a race.
 */
async function addPositiveControl(page: Page): Promise<void> {
  await page.evaluate(() => {
    const table = document.createElement('table');
    table.id = 'control';
    const tr = table.createTBody().insertRow();
    tr.insertCell().textContent = 'Cisco Cloud Configuration';
    tr.insertCell().textContent = 'Failure';
    document.body.append(table);
  });
  await expect(page.locator(`#control ${HINT}`)).toHaveCount(1);
}

for (const path of [
  '/help/cloud',
  '/help/tac-note',
  '/health/policy/edit?id=0050568a-3f2e-0ed3-0000-004294967297',
]) {
  test(`leaves ${path} untouched: prose, a quoted TAC note, the policy editor`, async ({ context, sim }) => {
    const page = await context.newPage();
    await page.goto(sim.url(path));
    await expect(
      page.getByText(/Cisco Cloud Configuration|Threat Data Updates on Devices/).first(),
    ).toBeVisible();
    await addPositiveControl(page);
    await expect(page.locator(HINT)).toHaveCount(1);
  });
}

test('leaves Success rows and the help prose of a monitor page alone', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/module?${FLEET}`));
  await expect(page.locator(HINT)).toHaveCount(3);
  await expect(page.locator('p.help [data-fmc-hint]')).toHaveCount(0);
  await expect(page.locator('tr.status-success [data-fmc-hint]')).toHaveCount(0);
});

test('expands into the explanation and opens the health policy in one click', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.goto(sim.url(`/health/monitor/module?${FLEET}`));
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
  await page.goto(sim.url(`/health/monitor/module?${FLEET}`));
  const toggle = page.locator(HINT).first().getByRole('button').first();
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
});

for (const form of ['alerts', 'cards', 'messages', 'module']) {
  test(`${form}: hostile device names never run script and the hints still appear`, async ({
    context,
    sim,
  }) => {
    const page = await context.newPage();
    await page.goto(sim.url(`/health/monitor/${form}?devices=12&failing=6&hostile=1`));
    await expect(page.locator(HINT)).toHaveCount(6);
    await page.locator(HINT).first().getByRole('button').first().click();
    await expect(page.locator(HINT).first()).toContainText('api-sse.cisco.com');
    expect(await page.evaluate(() => (window as unknown as { __fmcXss?: number }).__fmcXss)).toBeUndefined();
  });
}

test('screenshot of an expanded hint on the seed’s table, for the README', async ({ context, sim }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(sim.url('/health/monitor/module?devices=4&failing=1&seed=7'));
  const hint = page.locator(HINT).first();
  await hint.getByRole('button').first().click();
  await expect(hint).toContainText('Scenario 2');
  await page.locator('section.appliance--failing').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/hint.png' });
});

import type { Locator, Page } from '@playwright/test';
import { expect, HINT, test } from './fixtures';
import { diagnoseFromReport, failingDevices, openModulePage, waitForRegistration } from './helpers';

// Issue 19: the hint never moves the FMC's layout. The closed hint is one chip; the open panel is an overlay
// anchored to it, inside the viewport, out of the table's flow; the chip sits right after the failing line's
// own text. Measured on every page form of the simulator that shows the alert, at 1024 and 1280 px.

const FLEET = 'devices=20&failing=3&seed=3';

/** The forms of fmc-ui.md as the simulator draws them, with what a row is in each (as in hints.spec.ts). */
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

const WIDTHS = [1024, 1280];
const HEIGHT = 720;

test.beforeEach(async ({ background }) => {
  await waitForRegistration(background, 3);
});

/**
 * The box of every element of the FMC page's content (its table cells, rows, headings; the hint hosts too),
 * in document coordinates so that a scroll does not count as a move: `tag rect` per element, in page order.
 */
function pageBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main *')].map((element) => {
      const box = element.getBoundingClientRect();
      return `${element.localName} ${box.left + scrollX},${box.top + scrollY} ${box.width}x${box.height}`;
    }),
  );
}

/** The open panel's box and the viewport's size (without scroll bars). */
async function panelInView(hint: Locator) {
  return hint.locator('section.panel').evaluate((panel) => {
    const box = panel.getBoundingClientRect();
    const root = document.documentElement;
    return {
      left: box.left,
      top: box.top,
      right: box.right,
      bottom: box.bottom,
      width: root.clientWidth,
      height: root.clientHeight,
      // In the top layer (the Popover API): out of the page's stacking and flow.
      popoverOpen: panel.matches(':popover-open'),
    };
  });
}

function expectInside(box: Awaited<ReturnType<typeof panelInView>>, what: string) {
  expect(box.popoverOpen, what).toBe(true);
  expect(box.left, what).toBeGreaterThanOrEqual(0);
  expect(box.top, what).toBeGreaterThanOrEqual(0);
  expect(box.right, what).toBeLessThanOrEqual(box.width);
  expect(box.bottom, what).toBeLessThanOrEqual(box.height);
  expect(box.right - box.left, what).toBeGreaterThan(200);
}

/**
 * The text of the hint's own line before it, in its row: the row's text up to the hint, from the last `<br>`
 * on (cells glued together, as `textContent` does).
 */
function lineBefore(
  hint: Locator,
  row: string,
): Promise<{ line: string; brBefore: number; brAfter: number }> {
  return hint.evaluate((host, rowSelector) => {
    const owner = host.parentElement?.closest(rowSelector);
    if (!owner) return { line: '', brBefore: -1, brAfter: -1 };
    const range = document.createRange();
    range.setStart(owner, 0);
    range.setEndBefore(host);
    const before = range.cloneContents();
    const brBefore = before.querySelectorAll('br').length;
    for (const br of before.querySelectorAll('br')) br.replaceWith('\n');
    range.setStartAfter(host);
    range.setEnd(owner, owner.childNodes.length);
    return {
      line: (before.textContent ?? '').split('\n').pop() ?? '',
      brBefore,
      brAfter: range.cloneContents().querySelectorAll('br').length,
    };
  }, row);
}

for (const width of WIDTHS) {
  for (const [form, query, row] of FORMS) {
    test(`${form}${query ? ` (${query})` : ''} at ${width} px: opening and closing each hint moves no box of the page; the panel stays in the viewport; the chip follows the failing line`, async ({
      context,
      sim,
    }) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: HEIGHT });
      await page.goto(sim.url(`/health/monitor/${form}?${FLEET}${query ? `&${query}` : ''}`));
      await expect(page.locator(HINT)).toHaveCount(3);
      // The measure covers the FMC's cells: a positive control that it reads the page.
      expect((await pageBoxes(page)).filter((box) => /^(td|th|li|div) /.test(box)).length).toBeGreaterThan(9);

      const positions = new Set<string>();
      let rightmost = 0;
      for (const hint of await page.locator(HINT).all()) {
        // Right after the failing line's own text, never after another line's (a Success line on the alert list).
        const { line, brBefore, brAfter } = await lineBefore(hint, row);
        expect(line, 'the text before the chip, on its line').toMatch(
          /Cisco\s+Cloud\s+Configuration[\s\S]{0,40}?Failure\s*$/,
        );
        positions.add(
          brBefore === 0 ? (brAfter === 0 ? 'alone' : 'first') : brAfter === 0 ? 'last' : 'middle',
        );

        const toggle = hint.locator('button.badge');
        await toggle.scrollIntoViewIfNeeded();
        const chip = await toggle.boundingBox();
        rightmost = Math.max(rightmost, (chip?.x ?? 0) + (chip?.width ?? 0));
        const closed = await pageBoxes(page);
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        // Open, with the explanation loaded from the background (the panel placed again for its size).
        await expect(hint.locator('section.panel a[data-action="open-health-policy"]').first()).toBeVisible();
        expect(await pageBoxes(page), 'the page while the hint is open').toEqual(closed);
        expectInside(await panelInView(hint), `${form} panel`);
        // Closed by its close button, the focus back on the chip.
        await hint.locator('button.close').click();
        await expect(hint.locator('section.panel')).toHaveCount(0);
        await expect(toggle).toBeFocused();
        expect(await pageBoxes(page), 'the page after the hint closed').toEqual(closed);
      }
      if (form === 'alerts') {
        // The simulator puts the failing line first, in the middle and last (issue 19): each was checked.
        expect([...positions].sort()).toEqual(['first', 'last', 'middle']);
      }
      if (form === 'module') {
        // A device of the right-hand column of the module's panels was among them.
        expect(rightmost).toBeGreaterThan(width / 2);
      }
    });
  }
}

test('the open panel follows its chip when the page scrolls and the window shrinks, never past an edge', async ({
  context,
  sim,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: HEIGHT });
  await page.goto(sim.url(`/health/monitor/module?${FLEET}`));
  await expect(page.locator(HINT)).toHaveCount(3);
  // The hint of the right-hand column, nearest to the right edge.
  const hints = await page.locator(HINT).all();
  let hint = hints[0] as Locator;
  let right = 0;
  for (const candidate of hints) {
    const box = await candidate.boundingBox();
    if (box && box.x > right) [hint, right] = [candidate, box.x];
  }
  expect(right).toBeGreaterThan(640);
  const toggle = hint.locator('button.badge');
  await toggle.scrollIntoViewIfNeeded();
  await toggle.click();
  await expect(hint.locator('section.panel a[data-action="open-health-policy"]').first()).toBeVisible();
  expectInside(await panelInView(hint), 'opened');

  // Scrolled so that the chip is near the bottom: the panel moves with it and stays inside.
  const chipTop = async () => (await toggle.boundingBox())?.y ?? Number.NaN;
  await page.evaluate((by) => window.scrollBy(0, by), (await chipTop()) - (HEIGHT - 60));
  await expect.poll(chipTop).toBeGreaterThan(HEIGHT - 100);
  await expect
    .poll(async () => {
      const box = await panelInView(hint);
      return box.bottom <= (await chipTop()) && box.top >= 0;
    })
    .toBe(true);
  expectInside(await panelInView(hint), 'after the scroll');

  // A narrower window: never wider than the viewport.
  await page.setViewportSize({ width: 480, height: 500 });
  await expect.poll(async () => (await panelInView(hint)).right <= 480 - 8 + 0.5).toBe(true);
  expectInside(await panelInView(hint), 'in a 480 px window');
  // Escape closes it and gives the focus back to the chip.
  await hint.locator('button.close').focus();
  await page.keyboard.press('Escape');
  await expect(hint.locator('section.panel')).toHaveCount(0);
  await expect(toggle).toBeFocused();
});

test('after Re-check clears a device whose row still shows Failure, the chip says the page shows an older result', async ({
  context,
  extensionId,
  sim,
}) => {
  sim.rest.reset();
  sim.setFleet({ devices: 6, failing: 2, seed: 7 });
  const page = await openModulePage(context, sim);
  const { report } = await diagnoseFromReport(context, extensionId, sim);
  await report.close();
  const [target, other] = failingDevices(sim);
  if (!target || !other) throw new Error('the fleet has two failing devices');
  const hint = page.locator(HINT).filter({ has: page.locator(`[data-fmc-device="${target.id}"]`) });
  const chip = hint.locator('button.badge');
  await expect(chip.locator('[data-fmc-verdict]')).toHaveAttribute('data-fmc-verdict', target.cause ?? '');
  await expect(chip.getByTestId('older-result')).toHaveCount(0);

  // Fixed on the FMC: its REST API reports the alert clear at once, its Health Monitor at its next evaluation.
  expect(sim.fixDevice(target.id)).toBe(true);
  await chip.click();
  await hint.getByRole('button', { name: /^Re-check/ }).click();
  const older = chip.getByTestId('older-result');
  await expect(older).toHaveText(
    /^Cleared on the FMC at \d{1,2}:\d{2}(\s?[AP]M)?; this page shows an older result — reload$/,
    { timeout: 10_000 },
  );
  await expect(chip.locator('[data-fmc-verdict]')).toHaveAttribute('data-fmc-verdict', 'healthy');
  // The row it sits on still shows the FMC's Failure, and the chip never says "Healthy" beside it.
  await expect(page.locator('tr', { has: hint })).toContainText('Failure');
  await expect(chip).not.toContainText('Healthy');
  // The other failing device keeps its verdict.
  await expect(
    page.locator(`${HINT} [data-fmc-device="${other.id}"]`).getByTestId('older-result'),
  ).toHaveCount(0);

  // After the FMC's next evaluation, a reload shows the row in Success, without a hint.
  sim.evaluateHealth();
  await page.reload();
  await expect(page.locator(HINT)).toHaveCount(failingDevices(sim).length);
  await expect(page.locator(`${HINT} [data-fmc-device="${other.id}"]`)).toHaveCount(1);
  await expect(page.locator(`${HINT} [data-fmc-device="${target.id}"]`)).toHaveCount(0);
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { mountHint } from '../../components/hint/mount';
import { alertMatchers } from '../../lib/alert/alerts';
import { type AlertRowMatch, compileMatchers } from '../../lib/detect';
import { createHintController, HINT_ATTRIBUTE, type MountedHint } from '../../lib/page/hint-controller';
import type { MutationBatch } from '../../lib/page/mutation-batcher';
import { stubI18n } from './support/i18n-stub';

const compiled = compileMatchers(alertMatchers);
const FAILING_CLOUD = 'Threat Data Updates - Cisco Cloud Configuration - Failure';
const FAILING_DNS = 'Threat Data Updates - SI DNS Lists and Feeds - Failure';
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

const row = (id: string, device: string, alert: string) =>
  `<tr id="${id}"><td class="device">${device}</td><td class="alert">${alert}</td><td class="time">2024-05-01 10:00</td></tr>`;

function healthTable() {
  document.body.innerHTML = `<main><h1>Health Monitor</h1><table><tbody id="rows">
    ${row('r1', 'fw-branch-01', FAILING_CLOUD)}
    ${row('ok', 'fw-branch-01', 'Threat Data Updates - SI URL Lists and Feeds - Success')}
    ${row('r2', 'fw-branch-02', FAILING_DNS)}
    ${row('r3', 'fw-branch-03', FAILING_CLOUD)}
  </tbody></table></main>`;
}

/** A row built with the DOM API (happy-dom's fragment parser drops a lone `<tr>`). */
function appendRow(id: string, device: string, alert: string) {
  const tr = document.createElement('tr');
  tr.id = id;
  for (const [name, text] of [
    ['device', device],
    ['alert', alert],
    ['time', '2024-05-01 10:00'],
  ] as const) {
    const td = document.createElement('td');
    td.className = name;
    td.textContent = text;
    tr.append(td);
  }
  el('#rows').append(tr);
  return tr;
}

const el = (selector: string) => document.querySelector(selector) as HTMLElement;
const cell = (rowId: string) => el(`#${rowId} td.alert`);
const hostsIn = (root: ParentNode) => root.querySelectorAll(`[${HINT_ATTRIBUTE}]`);
const batch = (...targets: Element[]): MutationBatch => ({
  targets: new Set(targets),
  removedFrom: new Set(),
});

let controller: ReturnType<typeof createHintController> | undefined;

function setup(extra: { reportZeroAtStart?: boolean } = {}) {
  const mounts: { match: AlertRowMatch; hint: MountedHint; unmount: ReturnType<typeof vi.fn> }[] = [];
  const mount = vi.fn((match: AlertRowMatch) => {
    const hint = mountHint(match.anchor, {
      entryId: match.id,
      loadEntry: async () => null,
      healthPolicy: () => ({ url: 'https://fmc.example.com/ddd/#HealthPolicy', guessed: true }),
    });
    const unmount = vi.fn(() => hint.unmount());
    mounts.push({ match, hint, unmount });
    return { host: hint.host, unmount };
  });
  const onCountChange = vi.fn<(count: number) => void>();
  controller = createHintController(document, { compiled, mount, onCountChange, ...extra });
  return { controller, mount, mounts, onCountChange };
}

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('en');
  healthTable();
});

afterEach(() => {
  controller?.stop();
  controller = undefined;
  vi.restoreAllMocks();
});

describe('start', () => {
  it('mounts one hint per failing row, inside the alert cell of that row', () => {
    const { controller, mount, mounts } = setup();
    controller.start();

    expect(mount).toHaveBeenCalledTimes(3);
    expect(mounts.map(({ match }) => match.row.id)).toEqual(['r1', 'r2', 'r3']);
    expect(mounts.map(({ match }) => match.id)).toEqual([
      'cloud-configuration',
      'si-dns-feeds',
      'cloud-configuration',
    ]);
    for (const { match, hint } of mounts) {
      expect(match.anchor).toBe(match.row.querySelector('td.alert'));
      expect(hint.host.parentElement).toBe(match.anchor);
      expect(hint.host.getAttribute(HINT_ATTRIBUTE)).toBe(match.id);
    }
    expect(hostsIn(el('#ok'))).toHaveLength(0);
    expect(hostsIn(document)).toHaveLength(3);
    expect(controller.count()).toBe(3);
  });

  it('reports the count once', () => {
    const { controller, onCountChange } = setup();
    controller.start();
    expect(onCountChange.mock.calls).toEqual([[3]]);
  });

  it('reports nothing on a page without failing rows: the background takes a frame for 0 until told', () => {
    document.body.innerHTML = `<table>${row('ok', 'fw', 'Threat Data Updates - SI URL Lists and Feeds - Success')}</table>`;
    const { controller, mount, onCountChange } = setup();
    controller.start();
    controller.handleBatch(batch(document.body));
    expect(mount).not.toHaveBeenCalled();
    expect(onCountChange).not.toHaveBeenCalled();
  });

  it("reports a first 0 in a sub-frame, whose new document does not clear the tab's counts", () => {
    document.body.innerHTML = `<table>${row('ok', 'fw', 'Threat Data Updates - SI URL Lists and Feeds - Success')}</table>`;
    const { controller, onCountChange } = setup({ reportZeroAtStart: true });
    controller.start();
    controller.handleBatch(batch(document.body));
    expect(onCountChange.mock.calls).toEqual([[0]]);
  });

  it('mounts nothing more when started twice', () => {
    const { controller, mount, onCountChange } = setup();
    controller.start();
    controller.start();
    expect(mount).toHaveBeenCalledTimes(3);
    expect(hostsIn(document)).toHaveLength(3);
    expect(onCountChange).toHaveBeenCalledOnce();
  });

  it('leaves a row alone that already holds a hint (the script injected twice)', () => {
    const leftover = document.createElement('fmc-cloud-doctor-hint');
    leftover.setAttribute(HINT_ATTRIBUTE, 'cloud-configuration');
    cell('r1').append(leftover);
    const { controller, mounts } = setup();
    controller.start();
    expect(mounts.map(({ match }) => match.row.id)).toEqual(['r2', 'r3']);
    expect(hostsIn(cell('r1'))).toHaveLength(1);
  });
});

describe('handleBatch', () => {
  it('mounts nothing more for a batch over the rows already annotated', () => {
    const { controller, mount, onCountChange } = setup();
    controller.start();
    controller.handleBatch(batch(cell('r1'), cell('r2'), el('#r3'), el('#rows')));
    controller.handleBatch(batch(document.body));
    expect(mount).toHaveBeenCalledTimes(3);
    expect(hostsIn(document)).toHaveLength(3);
    expect(onCountChange).toHaveBeenCalledOnce();
  });

  it('unmounts the hint of a row whose status turns to Success, and reports 2', () => {
    const { controller, mounts, onCountChange } = setup();
    controller.start();
    const text = cell('r2').firstChild as Text;
    text.data = 'Threat Data Updates - SI DNS Lists and Feeds - Success';

    controller.handleBatch(batch(cell('r2')));

    expect(mounts[1]?.unmount).toHaveBeenCalledOnce();
    expect(mounts[0]?.unmount).not.toHaveBeenCalled();
    expect(mounts[2]?.unmount).not.toHaveBeenCalled();
    expect(hostsIn(cell('r2'))).toHaveLength(0);
    expect(hostsIn(document)).toHaveLength(2);
    expect(controller.count()).toBe(2);
    expect(onCountChange.mock.calls).toEqual([[3], [2]]);
  });

  it('unmounts the hint of a row that now reports another data type, and mounts the right one', () => {
    const { controller, mounts } = setup();
    controller.start();
    (cell('r1').firstChild as Text).data = FAILING_DNS;

    controller.handleBatch(batch(cell('r1')));

    expect(mounts[0]?.unmount).toHaveBeenCalledOnce();
    const hosts = hostsIn(cell('r1'));
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.getAttribute(HINT_ATTRIBUTE)).toBe('si-dns-feeds');
  });

  it('unmounts the hint of a removed row', () => {
    const { controller, mounts, onCountChange } = setup();
    controller.start();
    el('#r3').remove();

    controller.handleBatch(batch(el('#rows')));

    expect(mounts[2]?.unmount).toHaveBeenCalledOnce();
    expect(mounts[2]?.hint.host.isConnected).toBe(false);
    expect(controller.count()).toBe(2);
    expect(onCountChange.mock.calls).toEqual([[3], [2]]);
  });

  it('mounts a hint on a failing row added later', () => {
    const { controller, mount, onCountChange } = setup();
    controller.start();
    appendRow('r4', 'fw-branch-04', FAILING_DNS);

    controller.handleBatch(batch(el('#rows')));

    expect(mount).toHaveBeenCalledTimes(4);
    expect(hostsIn(cell('r4'))).toHaveLength(1);
    expect(onCountChange.mock.calls).toEqual([[3], [4]]);
  });

  it('puts the hint back once when the page re-renders a failing cell', () => {
    const { controller, mounts, onCountChange } = setup();
    controller.start();
    // The FMC redraws the cell: our host goes with its old content.
    cell('r1').textContent = FAILING_CLOUD;

    controller.handleBatch(batch(cell('r1')));

    expect(mounts[0]?.unmount).toHaveBeenCalledOnce();
    expect(hostsIn(cell('r1'))).toHaveLength(1);
    expect(hostsIn(document)).toHaveLength(3);
    expect(onCountChange).toHaveBeenCalledOnce();
  });

  it('reports 0 when the last hint goes, and nothing more while none comes back', () => {
    const { controller, onCountChange } = setup();
    controller.start();
    for (const id of ['r1', 'r2', 'r3']) el(`#${id}`).remove();
    controller.handleBatch(batch(el('#rows')));
    controller.handleBatch(batch(el('#rows')));
    expect(controller.count()).toBe(0);
    expect(onCountChange.mock.calls).toEqual([[3], [0]]);
  });

  it('mounts the hint again when a recovered row fails again', () => {
    const { controller, onCountChange } = setup();
    controller.start();
    const text = cell('r2').firstChild as Text;
    text.data = 'Threat Data Updates - SI DNS Lists and Feeds - Success';
    controller.handleBatch(batch(cell('r2')));
    text.data = FAILING_DNS;
    controller.handleBatch(batch(cell('r2')));

    expect(hostsIn(cell('r2'))).toHaveLength(1);
    expect(onCountChange.mock.calls).toEqual([[3], [2], [3]]);
  });

  it('finds the row when only a small piece of it changes (the status word in its own span)', () => {
    const td = cell('ok');
    td.textContent = 'Threat Data Updates - SI URL Lists and Feeds - ';
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = 'Success';
    td.append(status);
    const { controller, onCountChange } = setup();
    controller.start();

    (status.firstChild as Text).data = 'Failure';
    controller.handleBatch(batch(status));

    expect(hostsIn(el('#ok'))).toHaveLength(1);
    expect(hostsIn(el('#ok'))[0]?.getAttribute(HINT_ATTRIBUTE)).toBe('si-url-feeds');
    expect(onCountChange.mock.calls).toEqual([[3], [4]]);
  });

  it('rescans only the places that changed, however many: never the whole page', () => {
    const { controller } = setup();
    controller.start();
    // A busy log of 1,000 lines where 400 new ones arrive: read one by one, not through the log.
    const log = document.body.appendChild(document.createElement('div'));
    for (let i = 0; i < 1000; i++) log.append(document.createElement('p'));
    const spans = Array.from({ length: 400 }, () => log.appendChild(document.createElement('span')));
    const row = appendRow('r4', 'fw-branch-04', FAILING_DNS);
    // A row the batch does not name is not read (the batcher always names an added row).
    controller.handleBatch(batch(...spans));
    expect(hostsIn(cell('r4'))).toHaveLength(0);

    controller.handleBatch(batch(...spans, row));
    expect(hostsIn(cell('r4'))).toHaveLength(1);
    expect(controller.count()).toBe(4);
  });

  it('reads rows inserted together through their parent, and finds each failing one', () => {
    const { controller } = setup();
    controller.start();
    const rows = Array.from({ length: 40 }, (_, i) =>
      appendRow(
        `n${i}`,
        `fw-new-${i}`,
        i % 10 === 0 ? FAILING_DNS : 'Threat Data Updates - SI DNS Lists and Feeds - Success',
      ),
    );
    controller.handleBatch(batch(...rows));
    expect(controller.count()).toBe(3 + 4);
    for (const i of [0, 10, 20, 30]) expect(hostsIn(el(`#n${i}`))).toHaveLength(1);
  });

  it('widens a changed text inside a row to the row, and a removal only when it is inside a row', () => {
    const { controller } = setup();
    controller.start();
    const row = appendRow('r5', 'fw-branch-05', 'Threat Data Updates - Cisco Cloud Configuration - Success');
    controller.handleBatch(batch(row));
    expect(hostsIn(row)).toHaveLength(0);
    // The status word changes in a span deep in the row; the batch names the span only.
    const alertCell = cell('r5');
    alertCell.innerHTML = '<span>Cisco Cloud Configuration</span> <b><i>Fail</i>ure</b>';
    controller.handleBatch(batch(alertCell.querySelector('i') as Element));
    expect(hostsIn(row)).toHaveLength(1);
    // A parent above the rows that only lost children (rows removed) is not rescanned.
    const before = controller.count();
    el('#r1').remove();
    controller.handleBatch({ targets: new Set(), removedFrom: new Set([el('#rows')]) });
    expect(controller.count()).toBe(before - 1);
  });

  it('reports the count only when it changes', () => {
    const { controller, onCountChange } = setup();
    controller.start();
    controller.handleBatch(batch(el('#rows')));
    (cell('ok').firstChild as Text).data = 'Threat Data Updates - SI URL Lists and Feeds - Success (checked)';
    controller.handleBatch(batch(cell('ok')));
    controller.handleBatch(batch());
    expect(onCountChange.mock.calls).toEqual([[3]]);
  });
});

describe('stop', () => {
  it('unmounts every hint', () => {
    const { controller, mounts } = setup();
    controller.start();
    controller.stop();
    for (const { unmount } of mounts) expect(unmount).toHaveBeenCalledOnce();
    expect(hostsIn(document)).toHaveLength(0);
    expect(controller.count()).toBe(0);
  });
});

describe('hostile page text', () => {
  it('is read as text and never parsed as markup', () => {
    document.body.innerHTML = '<table><tbody id="rows"></tbody></table>';
    const tr = appendRow('evil', HOSTILE, FAILING_CLOUD);
    (tr.cells[2] as HTMLTableCellElement).textContent = `</td></tr></table>${HOSTILE}`;
    const { controller, mounts } = setup();

    controller.start();

    expect(mounts).toHaveLength(1);
    expect(mounts[0]?.match.row).toBe(tr);
    expect(document.querySelector('img')).toBeNull();
    for (const host of hostsIn(document)) expect(host.shadowRoot?.querySelector('img')).toBeNull();
    expect(tr.cells[0]?.textContent).toBe(HOSTILE);
    expect(tr.cells[0]?.children).toHaveLength(0);
    expect(tr.cells[2]?.children).toHaveLength(0);
    expect(document.querySelectorAll('tr')).toHaveLength(1);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

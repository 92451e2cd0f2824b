import { describe, expect, it } from 'vitest';
import { alertMatchers } from '../../lib/alert/alerts';
import { compileMatchers, type DeviceNames, devicesOfRows, findAlertRows } from '../../lib/detect';
import { loadFixture, loadHtml } from '../fixtures/detect/load';

const compiled = compileMatchers(alertMatchers);
const device = (id: string, ...names: string[]): DeviceNames => ({ id, names });

/** The failing rows of a page and the device each is tied to, by row id. */
function ties(doc: Document, devices: DeviceNames[]): Record<string, string | null> {
  const rows = findAlertRows(doc, compiled).map((match) => match.row);
  const ids = devicesOfRows(rows, devices);
  return Object.fromEntries(rows.map((row, i) => [row.id, ids[i] ?? null]));
}

describe('tying a failing row to its device', () => {
  it('module detail: the device named in the heading or panel title above the table', () => {
    const doc = loadFixture('forms/module-detail.html');
    expect(
      ties(doc, [
        device('d1', 'ftd-branch-01'),
        device('d2', 'ftd-dc-02'),
        device('d4', 'ftd-dmz-04'),
        device('d5', 'ftd-dmz-05', 'dmz5.example.net'),
      ]),
    ).toEqual({
      'd1-cloud': 'd1',
      'd2-malware': 'd2',
      'd2-cloud': 'd2',
      'd2-amp': 'd2',
      'd4-cloud': 'd4',
      'hidden-between': 'd5',
    });
  });

  it('a device named after the alert (or holding its words) ties no row; the real devices still tie (issue 18)', () => {
    const doc = loadFixture('forms/module-detail.html');
    const real = [
      device('d1', 'ftd-branch-01'),
      device('d2', 'ftd-dc-02'),
      device('d4', 'ftd-dmz-04'),
      device('d5', 'ftd-dmz-05', 'dmz5.example.net'),
    ];
    const want = {
      'd1-cloud': 'd1',
      'd2-malware': 'd2',
      'd2-cloud': 'd2',
      'd2-amp': 'd2',
      'd4-cloud': 'd4',
      'hidden-between': 'd5',
    };
    // Each alone: the data type, the module's short and full names with more words, a result word, a part of
    // the data type, any case.
    for (const name of [
      'Cisco Cloud Configuration',
      'cisco  CLOUD configuration',
      'Threat Data Updates lab',
      'Threat Data Updates on Devices',
      'Failure-1',
      'failed',
      'Success',
      'Cloud',
      'Cisco Cloud',
      'Configuration',
    ]) {
      expect(ties(doc, [...real, device('alert-named', name)]), name).toEqual(want);
    }
    // All of them at once, and one with a usable host name: the host name still ties its own row.
    const html =
      '<table><tr id="r"><td>fw-x.example.net</td><td>Cisco Cloud Configuration</td><td>Failure</td></tr>' +
      '<tr id="s"><td>ftd-dc-02</td><td>Cisco Cloud Configuration</td><td>Failure</td></tr></table>';
    expect(
      ties(loadHtml(html), [
        device('cc', 'Cisco Cloud Configuration', 'fw-x.example.net'),
        device('tdu', 'Threat Data Updates lab'),
        device('f1', 'Failure-1'),
        device('d2', 'ftd-dc-02'),
      ]),
    ).toEqual({ r: 'cc', s: 'd2' });
  });

  it('alert fields, Message Center and health events: the device named in a cell of the row', () => {
    const devices = [
      device('b1', 'ftd-branch-01'),
      device('c2', 'ftd-dc-02'),
      device('c3', 'ftd-dc-03'),
      device('c4', 'ftd-dc-04'),
      device('e6', 'ftd-edge-06'),
    ];
    expect(ties(loadFixture('forms/alert-fields.html'), devices)).toEqual({
      a1: 'b1',
      a2: 'c2',
      a3: 'c3',
      g1: 'e6',
    });
    expect(ties(loadFixture('forms/message-center.html'), devices)).toEqual({
      m1: 'b1',
      m4: null,
      m2: 'c2',
      m3: 'c4',
    });
    expect(ties(loadFixture('forms/health-events.html'), devices)).toEqual({ e1: 'b1', e2: 'c2' });
  });

  it('a localized page: names in Japanese and French headings, and in a list item', () => {
    expect(
      ties(loadFixture('forms/localized.html'), [
        device('t', 'ftd-tokyo-01'),
        device('p2', 'ftd-paris-02'),
        device('p3', 'ftd-paris-03'),
      ]),
    ).toEqual({ j1: 't', f1: 'p2', f2: 'p3' });
  });

  it('takes whole names only: ftd-1 is not in ftd-10, ftd-1-backup or ftd-1.lab; the longest name wins', () => {
    const row = (text: string) =>
      `<table><tr id="r"><td>${text}</td><td>Cisco Cloud Configuration</td><td>Failure</td></tr></table>`;
    const devices = [
      device('one', 'ftd-1'),
      device('ten', 'ftd-10'),
      device('fw', 'fw'),
      device('fwb', 'fw branch 2'),
    ];
    expect(ties(loadHtml(row('ftd-10')), devices)).toEqual({ r: 'ten' });
    expect(ties(loadHtml(row('FTD-1')), devices)).toEqual({ r: 'one' });
    expect(ties(loadHtml(row('ftd-1-backup')), devices)).toEqual({ r: null });
    expect(ties(loadHtml(row('ftd-1.lab')), devices)).toEqual({ r: null });
    expect(ties(loadHtml(row('ftd-1.')), devices)).toEqual({ r: 'one' });
    expect(ties(loadHtml(row('fw  branch\u00a02')), devices)).toEqual({ r: 'fwb' });
  });

  it('is null when no name fits, when two devices share the longest name, and for names too short to tell', () => {
    const html =
      '<h2>ftd-a and ftd-b</h2><table><tr id="r"><td>Cisco Cloud Configuration</td><td>Failure</td></tr></table>';
    expect(ties(loadHtml(html), [device('x', 'ftd-c')])).toEqual({ r: null });
    expect(ties(loadHtml(html), [device('a', 'ftd-a'), device('b', 'ftd-b')])).toEqual({ r: null });
    expect(ties(loadHtml(html), [device('a', 'ftd-a'), device('a2', 'ftd-a', 'ftd')])).toEqual({ r: null });
    expect(ties(loadHtml(html), [device('s', 'a'), device('s2', 'ft')])).toEqual({ r: null });
    expect(ties(loadHtml(html), [])).toEqual({ r: null });
  });

  it('reads the outline: an earlier section’s sub-heading or another table’s caption is not this row’s', () => {
    const html = `
      <h2>Site A</h2><h3>ftd-a: Threat Data Updates on Devices</h3>
      <table><caption>ftd-cap</caption><tr><td>x</td></tr></table>
      <h2>ftd-b</h2>
      <table><tr id="r"><td>Cisco Cloud Configuration</td><td>Failure</td></tr></table>`;
    expect(
      ties(loadHtml(html), [device('a', 'ftd-a'), device('b', 'ftd-b'), device('cap', 'ftd-cap')]),
    ).toEqual({ r: 'b' });
  });

  it('prefers the row’s own text to the headings, and never reads a hidden name', () => {
    const html = `<h2>ftd-head</h2><table>
      <tr id="r1"><td>ftd-cell</td><td>Cisco Cloud Configuration</td><td>Failure</td></tr>
      <tr id="r2"><td hidden>ftd-cell</td><td>Cisco Cloud Configuration</td><td>Failure</td></tr></table>`;
    expect(ties(loadHtml(html), [device('h', 'ftd-head'), device('c', 'ftd-cell')])).toEqual({
      r1: 'c',
      r2: 'h',
    });
  });

  it('compares hostile names as text: markup, bidi marks and very long names', () => {
    const hostile = '<img src=x onerror="window.__x=1">';
    const long = `ftd-${'x'.repeat(300)}`;
    const doc = loadHtml('<table><tbody id="b"></tbody></table>');
    const body = doc.getElementById('b') as Element;
    for (const [id, name] of [
      ['h', hostile],
      ['l', long],
      ['r', '\u202eftd-rtl\u202c'],
    ] as const) {
      const tr = doc.createElement('tr');
      tr.id = id;
      for (const text of [name, 'Cisco Cloud Configuration', 'Failure']) {
        const td = doc.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      body.append(tr);
    }
    expect(
      ties(doc, [
        device('H', hostile),
        device('L', long),
        device('L2', 'ftd-x'),
        device('R', '\u202eftd-rtl\u202c'),
      ]),
    ).toEqual({ h: 'H', l: 'L', r: 'R' });
    expect(doc.querySelector('img')).toBeNull();
  });

  it('the nearest title wins: a caption names its table’s device though an earlier section’s heading names another', () => {
    const section = (title: string, body: string) =>
      `<section>${title}<h3>Threat Data Updates on Devices</h3><table>${body}</table></section>`;
    const row = (id: string) => `<tr id="${id}"><td>Cisco Cloud Configuration</td><td>Failure</td></tr>`;
    const doc = loadHtml(
      `<main><h1>Health Monitor</h1>${section('<h2>ftd-0001</h2>', row('a'))}${section(
        '',
        `<caption>ftd-0007</caption>${row('b')}`,
      )}${section('', row('c'))}</main>`,
    );
    expect(ties(doc, [device('one', 'ftd-0001'), device('seven', 'ftd-0007')])).toEqual({
      a: 'one',
      b: 'seven',
      // No title of its own: the outline's nearest device heading above it, as a reader would take it.
      c: 'one',
    });
  });
});

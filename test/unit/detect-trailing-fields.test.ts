import { describe, expect, it } from 'vitest';
import { compileMatchers, findAlertRows } from '../../lib/detect';
import { loadFixture, loadHtml, MATCHERS } from '../fixtures/detect/load';

/**
 * Issue 18: the result word ends at an element boundary or at the end of its run; what follows it in other
 * elements of the row (a time, "n min ago", a device, a status word) never hides the row, and what precedes
 * the data type in other elements (a device, a severity) neither. A result word that runs on in its own run
 * ("Failure to connect") is prose.
 */
const compiled = compileMatchers(MATCHERS);

describe('findAlertRows: rows with trailing fields (issue 18)', () => {
  it('finds exactly the rows marked data-expect in the fixture, with their entries', () => {
    const doc = loadFixture('trailing-fields.html');
    const matches = findAlertRows(doc, compiled);
    const expected = [...doc.querySelectorAll('[data-expect]')];
    expect(expected.length).toBe(9);
    expect(matches.map((match) => match.row.id)).toEqual(expected.map((row) => row.id));
    expect(matches.map((match) => match.id)).toEqual(expected.map((row) => row.getAttribute('data-expect')));
  });

  it('the issue’s three rows, each a whole page', () => {
    for (const row of [
      '<ul><li id="x"><span class="sev" title="Critical"></span><span>ftd-core-a</span><span>Threat Data Updates on Devices: Cisco Cloud Configuration - Failure</span><span>3 min ago</span></li></ul>',
      '<ul><li id="x">Threat Data Updates - Cisco Cloud Configuration - Failure <span>ftd-7</span> <time>10:44</time></li></ul>',
      '<div class="card" id="x"><div>Threat Data Updates - Cisco Cloud Configuration - Failure</div><div>FTD-SOUTH · 09:14</div></div>',
    ]) {
      const matches = findAlertRows(loadHtml(row), compiled);
      expect(
        matches.map((match) => [match.row.id, match.id]),
        row,
      ).toEqual([['x', 'cloud-configuration']]);
    }
  });

  it('a positive control and its run-on twin differ only by the words after the result word', () => {
    const page = (after: string) =>
      loadHtml(
        `<ul><li id="x"><span>ftd-core-a</span><span>Cisco Cloud Configuration - Failure${after}</span><span>3 min ago</span></li></ul>`,
      );
    expect(findAlertRows(page(''), compiled)).toHaveLength(1);
    expect(findAlertRows(page(' '), compiled)).toHaveLength(1);
    expect(findAlertRows(page(' (since 10:32)'), compiled)).toHaveLength(1);
    expect(findAlertRows(page(' to connect'), compiled)).toEqual([]);
    expect(findAlertRows(page('\u00a0means DNS'), compiled)).toEqual([]);
    expect(findAlertRows(page(' “to connect”'), compiled)).toEqual([]);
  });

  it('finds none of the run-on texts, with or without fields after them', () => {
    const doc = loadFixture('trailing-fields.html');
    const found = new Set(findAlertRows(doc, compiled).map((match) => match.row.id));
    for (const id of ['runs-on', 'runs-on-fields', 'runs-on-span', 'runs-on-bold', 'runs-on-card']) {
      expect(doc.getElementById(id), id).not.toBeNull();
      expect(found.has(id), id).toBe(false);
    }
  });
});

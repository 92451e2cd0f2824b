import { describe, expect, it } from 'vitest';
import { compileMatchers, findAlertRows } from '../../lib/detect';
import type { AlertRowMatch } from '../../lib/detect/types';
import { loadFixture, loadHtml, MATCHERS } from '../fixtures/detect/load';

const compiled = compileMatchers(MATCHERS);

const find = (name: string) => {
  const doc = loadFixture(name);
  return { doc, matches: findAlertRows(doc, compiled) };
};
const ids = (matches: AlertRowMatch[]) => matches.map((match) => match.row.id);
const byId = (doc: Document, id: string) => doc.getElementById(id);

describe('findAlertRows: row markups', () => {
  it('finds the one failing row of a classic table of ten data types per device', () => {
    const { doc, matches } = find('classic-table.html');
    expect(matches).toHaveLength(1);
    const [match] = matches as [AlertRowMatch];
    expect(match.id).toBe('cloud-configuration');
    expect(match.row.localName).toBe('tr');
    expect(match.row.querySelector('.device')?.textContent).toBe('fw-branch-02');
    expect(match.label).toBe(match.row.querySelector('td.alert'));
    expect(match.anchor).toBe(match.label);
    expect(doc.title).toContain('Failure'); // the <title> holds the string too and is not a row
  });

  it('finds the failing rows of an ARIA grid of divs, anchored in the grid cell', () => {
    const { doc, matches } = find('aria-grid.html');
    expect(ids(matches)).toEqual(['row-2', 'row-4']);
    expect(matches.map((match) => match.id)).toEqual(['cloud-configuration', 'si-dns']);
    expect(matches.map((match) => match.anchor)).toEqual([byId(doc, 'cell-2'), byId(doc, 'cell-4')]);
  });

  it('finds failing notification cards: by class name, by repetition, and a toast with a lead-in', () => {
    const { doc, matches } = find('alert-cards.html');
    expect(ids(matches)).toEqual(['card-1', 'card-3', 'entry-1', 'toast-1']);
    expect(matches.map((match) => match.id)).toEqual([
      'cloud-configuration',
      'amp-dynamic',
      'si-url',
      'local-malware',
    ]);
    // The card's title is a part of the card (BEM element), so the hint goes in the card, next to it.
    expect(matches[0]?.label).toBe(byId(doc, 'card-1')?.querySelector('.notification__title'));
    expect(matches[0]?.anchor).toBe(byId(doc, 'card-1'));
  });

  it('finds the string split over inline elements, even inside a word', () => {
    const { doc, matches } = find('inline-split.html');
    expect(ids(matches)).toEqual(['item-1', 'row-1', 'listitem-1']);
    expect(matches.map((match) => match.id)).toEqual(['cloud-configuration', 'si-url', 'si-network']);
    const [item, row] = matches as [AlertRowMatch, AlertRowMatch];
    expect(item.label).toBe(item.row);
    expect(item.anchor).toBe(item.row);
    expect(row.anchor).toBe(byId(doc, 'cell-1'));
  });

  it('ignores no-break spaces, runs of white space, en/em dashes and case; needs whole words', () => {
    const { matches } = find('spacing-dashes-case.html');
    expect(ids(matches)).toEqual([
      'nbsp',
      'en-dash',
      'em-dash',
      'odd-case',
      'runs',
      'no-spaces',
      'glued-cells',
      // Issue 8: white space alone may stand between the data type and its result.
      'no-dash',
    ]);
  });
});

describe('findAlertRows: what must not match', () => {
  it('finds nothing on a page of Success rows', () => {
    const html = `<table><tbody>${'<tr><td>fw</td><td>Threat Data Updates - Cisco Cloud Configuration - Success</td></tr>'.repeat(20)}</tbody></table>`;
    expect(findAlertRows(loadHtml(html), compiled)).toEqual([]);
  });

  it('finds nothing in prose: a paragraph, help items (bold, short, quoted, leading, checklist, code), a help card', () => {
    const { matches } = find('prose.html');
    expect(ids(matches)).toEqual([]);
  });

  it('still takes labels with a little context for rows', () => {
    const { matches } = find('labelled-rows.html');
    expect(ids(matches)).toEqual(['reports', 'since', 'device-prefix', 'line-break', 'long-sibling-box']);
  });

  it('finds nothing for other checks failing, other statuses, a Failure badge next to a Success, or words between', () => {
    const { matches } = find('other-failure.html');
    expect(matches).toEqual([]);
  });

  it('skips hidden rows, aria-hidden text, head, textarea, template, noscript and script text', () => {
    const { matches } = find('hidden.html');
    expect(ids(matches)).toEqual(['visible']);
  });

  it('needs a row: a heading alone on a page is not one', () => {
    const doc = loadHtml('<main><h1>Threat Data Updates - Cisco Cloud Configuration - Failure</h1></main>');
    expect(findAlertRows(doc, compiled)).toEqual([]);
  });
});

describe('findAlertRows: one match per row', () => {
  it('takes the innermost row when rows nest', () => {
    const { doc, matches } = find('nested-table.html');
    expect(ids(matches)).toEqual(['inner-1b', 'inner-2a']);
    expect(matches[0]?.anchor).toBe(byId(doc, 'inner-1b-cell'));
  });

  it('matches a row with two failing alerts once, with the first', () => {
    const doc = loadHtml(
      '<ul><li id="two">Threat Data Updates - SI URL Lists and Feeds - Failure<br>Threat Data Updates - SI DNS Lists and Feeds - Failure</li></ul>',
    );
    const matches = findAlertRows(doc, compiled);
    expect(ids(matches)).toEqual(['two']);
    expect(matches[0]?.id).toBe('si-url');
  });

  it('matches a row whose hint is already inserted once, and never from the hint text', () => {
    const { doc, matches } = find('hint-present.html');
    expect(ids(matches)).toEqual(['hinted']);
    expect(matches[0]?.label).toBe(byId(doc, 'hinted-cell'));
  });
});

describe('findAlertRows: roots and anchors', () => {
  it('accepts an element root and finds its row above it', () => {
    const doc = loadFixture('classic-table.html');
    const cell = doc.querySelector('tr.status-failure td.alert') as Element;
    const matches = findAlertRows(cell, compiled);
    expect(matches.map((match) => match.row)).toEqual([cell.parentElement]);
  });

  it('only looks inside the root', () => {
    const doc = loadFixture('aria-grid.html');
    const matches = findAlertRows(byId(doc, 'row-4') as Element, compiled);
    expect(ids(matches)).toEqual(['row-4']);
  });

  it('always puts the anchor inside the row (or on it)', () => {
    for (const name of [
      'classic-table.html',
      'aria-grid.html',
      'alert-cards.html',
      'inline-split.html',
      'labelled-rows.html',
    ]) {
      for (const match of find(name).matches) {
        expect(match.row.contains(match.anchor), `${name} ${match.row.id}`).toBe(true);
        expect(match.anchor.contains(match.label) || match.anchor === match.label, name).toBe(true);
      }
    }
  });

  it('returns nothing for an empty document or without matchers', () => {
    const doc = loadFixture('classic-table.html');
    expect(findAlertRows(doc, compileMatchers([]))).toEqual([]);
    expect(findAlertRows(loadHtml(''), compiled)).toEqual([]);
  });
});

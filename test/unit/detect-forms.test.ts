import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertMatchers } from '../../lib/alert/alerts';
import { compileMatchers, findAlertRows } from '../../lib/detect';
import { loadFixture } from '../fixtures/detect/load';

/**
 * The page forms of fmc-ui.md, as fixtures written from its facts (not from the simulator): each row that must
 * get a hint carries `data-expect="<id>"`; every other row must get none.
 */
const compiled = compileMatchers(alertMatchers);
const FORMS = readdirSync(new URL('../fixtures/detect/forms/', import.meta.url)).filter((name) =>
  name.endsWith('.html'),
);
/** The knowledge base's ids by the fixtures' short names. */
const IDS: Record<string, string> = {
  'cloud-configuration': 'cloud-configuration',
  'local-malware': 'local-malware-signatures',
  'amp-dynamic': 'amp-dynamic-analysis',
  'si-url': 'si-url-feeds',
  'si-dns': 'si-dns-feeds',
  'url-category': 'url-category-reputation',
};

describe.each(FORMS)('detection on the page form %s', (name) => {
  it('annotates exactly the rows that report a failing data type, each with its own entry, in a cell', () => {
    const doc = loadFixture(`forms/${name}`);
    const matches = findAlertRows(doc, compiled);
    const expected = [...doc.querySelectorAll('[data-expect]')];
    expect(matches.map((match) => match.row.id)).toEqual(expected.map((row) => row.id));
    expect(matches.map((match) => match.id)).toEqual(
      expected.map((row) => IDS[row.getAttribute('data-expect') ?? ''] ?? 'unknown id'),
    );
    for (const match of matches) {
      expect(match.row.contains(match.anchor)).toBe(true);
      const cell = match.anchor.closest('td, th, [role="gridcell"]');
      if (match.row.localName === 'tr' || match.row.getAttribute('role') === 'row') {
        expect(cell, `${match.row.id}: the hint goes inside a cell`).not.toBeNull();
        expect(match.row.contains(cell)).toBe(true);
        // The cell of the result word, not the data type's.
        expect(/fail/i.test(cell?.textContent ?? '')).toBe(true);
      }
    }
  });
});

describe('detection: the hard negatives', () => {
  it('finds none of the quoted, prose or editor rows of the negatives page', () => {
    expect(findAlertRows(loadFixture('forms/negatives.html'), compiled)).toEqual([]);
  });

  it('picks the Cloud Configuration entry for a row that reports several failures, whatever their order', () => {
    const doc = loadFixture('forms/alert-fields.html');
    const row = doc.getElementById('a2') as Element;
    expect(row.textContent?.indexOf('AMP Dynamic Analysis')).toBeLessThan(
      row.textContent?.indexOf('Cisco Cloud Configuration') ?? 0,
    );
    expect(findAlertRows(row, compiled).map((match) => match.id)).toEqual(['cloud-configuration']);
  });
});

import { describe, expect, it } from 'vitest';
import { compileMatchers, findAlertRows } from '../../lib/detect';
import { largeHealthTable } from '../fixtures/detect/generate';
import { loadHtml, MATCHERS } from '../fixtures/detect/load';

const compiled = compileMatchers(MATCHERS);

describe('findAlertRows on a 5,000-row Health Monitor', () => {
  const doc = loadHtml(largeHealthTable(500, 10));

  it('has the expected page: 5,000 rows, 50 of them failing', () => {
    expect(doc.querySelectorAll('tr')).toHaveLength(5000);
    expect(doc.querySelectorAll('tr.status-failure')).toHaveLength(50);
  });

  it('finds exactly the 50 failing rows, in document order, each anchored in its alert cell', () => {
    const matches = findAlertRows(doc, compiled);
    expect(matches.map((match) => match.row)).toEqual([...doc.querySelectorAll('tr.status-failure')]);
    expect(new Set(matches.map((match) => match.id))).toEqual(new Set(['cloud-configuration']));
    expect(matches.every((match) => match.anchor.classList.contains('alert'))).toBe(true);
  });

  it('lets the pre-check reject the page once every device recovered', () => {
    for (const cell of doc.querySelectorAll('tr.status-failure td.alert')) {
      cell.textContent = 'Threat Data Updates - Cisco Cloud Configuration - Success';
    }
    for (const cell of doc.querySelectorAll('tr.status-failure td.status')) cell.textContent = 'Success';
    expect(findAlertRows(doc, compiled)).toEqual([]);
  });
});

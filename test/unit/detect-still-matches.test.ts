import { describe, expect, it } from 'vitest';
import { compileMatchers, findAlertRows, rowStillMatches } from '../../lib/detect';
import type { AlertRowMatch } from '../../lib/detect/types';
import { loadFixture, MATCHERS } from '../fixtures/detect/load';

const compiled = compileMatchers(MATCHERS);

const failingGridRow = () => {
  const doc = loadFixture('aria-grid.html');
  const [match] = findAlertRows(doc, compiled) as [AlertRowMatch];
  return { doc, match };
};

describe('rowStillMatches', () => {
  it('is true while the row is unchanged', () => {
    const { match } = failingGridRow();
    expect(rowStillMatches(match, compiled)).toBe(true);
  });

  it('is true after the row re-rendered its text to the same alert', () => {
    const { match } = failingGridRow();
    (match.anchor as HTMLElement).textContent = 'Threat Data Updates - Cisco Cloud Configuration - Failure';
    expect(rowStillMatches(match, compiled)).toBe(true);
  });

  it('is false once the row says Success', () => {
    const { match } = failingGridRow();
    const status = match.row.querySelector('.hmToken.isFailure') as Element;
    status.textContent = 'Success';
    expect(rowStillMatches(match, compiled)).toBe(false);
  });

  it('is false once the row reports another alert', () => {
    const { match } = failingGridRow();
    (match.anchor as HTMLElement).textContent = 'Threat Data Updates - SI DNS Lists and Feeds - Failure';
    expect(rowStillMatches(match, compiled)).toBe(false);
  });

  it('is false once the row is detached', () => {
    const { match } = failingGridRow();
    match.row.remove();
    expect(rowStillMatches(match, compiled)).toBe(false);
  });

  it('is false once the row is hidden', () => {
    const { match } = failingGridRow();
    match.row.setAttribute('hidden', '');
    expect(rowStillMatches(match, compiled)).toBe(false);
  });

  it('ignores the hint the extension inserted into the row', () => {
    const { doc, match } = failingGridRow();
    const hint = doc.createElement('fmc-cloud-doctor-hint');
    hint.setAttribute('data-fmc-hint', match.id);
    hint.textContent = 'Threat Data Updates - Cisco Cloud Configuration - Failure';
    match.anchor.appendChild(hint);
    expect(rowStillMatches(match, compiled)).toBe(true);
    (match.row.querySelector('.hmToken.isFailure') as Element).textContent = 'Success';
    expect(rowStillMatches(match, compiled)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { compileMatchers, mayContainAlert } from '../../lib/detect';
import { matcherIndex } from '../../lib/detect/matchers';
import { MATCHERS } from '../fixtures/detect/load';

const compiled = compileMatchers(MATCHERS);

describe('mayContainAlert', () => {
  it('finds the alert string in plain text', () => {
    expect(mayContainAlert('x Threat Data Updates - Cisco Cloud Configuration - Failure y', compiled)).toBe(
      true,
    );
  });

  it('ignores case, runs of white space, no-break spaces and the kind of dash', () => {
    for (const text of [
      'threat data updates - CISCO CLOUD CONFIGURATION - failure',
      'Threat  Data\n\tUpdates   -   Cisco Cloud Configuration -\nFailure',
      'Threat\u00a0Data\u00a0Updates\u00a0-\u00a0Cisco Cloud Configuration\u00a0- Failure',
      'Threat Data Updates \u2013 Cisco Cloud Configuration \u2014 Failure',
      'Threat Data Updates-Cisco Cloud Configuration-Failure',
    ]) {
      expect(mayContainAlert(text, compiled), text).toBe(true);
    }
  });

  it('rejects another status, another data type, a missing part or a missing dash', () => {
    for (const text of [
      'Threat Data Updates - Cisco Cloud Configuration - Success',
      'Threat Data Updates - Threat Configuration - Failure',
      'Cisco Cloud Configuration - Failure',
      'Threat Data Updates Cisco Cloud Configuration Failure',
      'Failure',
    ]) {
      expect(mayContainAlert(text, compiled), text).toBe(false);
    }
  });

  it('gives the same answer when called again (no state carried between calls)', () => {
    const text = 'Threat Data Updates - SI DNS Lists and Feeds - Failure';
    expect([1, 2, 3].map(() => mayContainAlert(text, compiled))).toEqual([true, true, true]);
  });

  it('is always false without matchers', () => {
    const none = compileMatchers([]);
    expect(none.pattern).toBeNull();
    expect(mayContainAlert('Threat Data Updates - Cisco Cloud Configuration - Failure', none)).toBe(false);
  });
});

describe('compileMatchers', () => {
  it('takes regex characters in names literally', () => {
    const sha = compileMatchers([
      { id: 'sha', module: 'Threat Data Updates', dataType: 'SI SHA Lists (from TID)', status: 'Failure' },
    ]);
    expect(mayContainAlert('Threat Data Updates - SI SHA Lists (from TID) - Failure', sha)).toBe(true);
    expect(mayContainAlert('Threat Data Updates - SI SHA Lists from TID - Failure', sha)).toBe(false);
  });

  it('leaves out matchers with a blank part, which could match any dash', () => {
    const result = compileMatchers([
      { id: 'blank', module: 'Threat Data Updates', dataType: ' ', status: 'Failure' },
      ...MATCHERS.slice(0, 1),
    ]);
    expect(result.matchers.map((matcher) => matcher.id)).toEqual(['cloud-configuration']);
    expect(mayContainAlert('Threat Data Updates -  - Failure', result)).toBe(false);
  });

  it('tells matchers apart across modules and statuses', () => {
    const mixed = compileMatchers([
      { id: 'a', module: 'Threat Data Updates', dataType: 'Cisco Cloud Configuration', status: 'Failure' },
      { id: 'b', module: 'Disk Usage', dataType: '/ngfw', status: 'Critical' },
      { id: 'c', module: 'Threat Data Updates', dataType: 'AMP Dynamic Analysis', status: 'Failure' },
      { id: 'd', module: 'Threat Data Updates', dataType: 'Cisco Cloud Configuration', status: 'Warning' },
    ]);
    const idOf = (text: string) => {
      const match = mixed.pattern?.exec(text);
      return match ? mixed.matchers[matcherIndex(match)]?.id : undefined;
    };
    expect(idOf('Threat Data Updates - Cisco Cloud Configuration - Failure')).toBe('a');
    expect(idOf('Disk Usage - /ngfw - Critical')).toBe('b');
    expect(idOf('Threat Data Updates - AMP Dynamic Analysis - Failure')).toBe('c');
    expect(idOf('Threat Data Updates - Cisco Cloud Configuration - Warning')).toBe('d');
    expect(idOf('Disk Usage - /ngfw - Failure')).toBeUndefined();
  });

  it('keeps one phrase per matcher, in order', () => {
    expect(compiled.phrases).toHaveLength(MATCHERS.length);
    expect(compiled.phrases[1]?.test('Threat Data Updates - SI URL Lists and Feeds - Failure')).toBe(true);
    expect(compiled.phrases[1]?.test('Threat Data Updates - Cisco Cloud Configuration - Failure')).toBe(
      false,
    );
  });
});

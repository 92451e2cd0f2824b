import { describe, expect, it } from 'vitest';
import { compileMatchers } from '../../lib/detect';
import { matchTail } from '../../lib/detect/matchers';
import type { AlertMatcher } from '../../lib/detect/types';
import { MATCHERS } from '../fixtures/detect/load';

const compiled = compileMatchers(MATCHERS);
const MODULES = ['Threat Data Updates on Devices', 'Threat Data Updates'];
const matcher = (id: string, dataType: string, results = ['Failure']): AlertMatcher => ({
  id,
  modules: MODULES,
  dataType,
  results,
});

describe('matchTail (the data type right before a result word)', () => {
  const idOf = (before: string, word = 'Failure') => matchTail(before, word, compiled)?.matcher.id;

  it('takes a data type followed only by a gap: spaces, a cell boundary, dashes, a colon, an icon glyph', () => {
    expect(idOf('Cisco Cloud Configuration')).toBe('cloud-configuration');
    expect(idOf('ftd-01\nThreat Data Updates on Devices\nCisco Cloud Configuration\n\n')).toBe(
      'cloud-configuration',
    );
    expect(idOf('Threat Data Updates \u2013 Cisco Cloud Configuration \u2014 ')).toBe('cloud-configuration');
    expect(idOf('Cisco Cloud Configuration: ')).toBe('cloud-configuration');
    expect(idOf('Cisco Cloud Configuration \u26a0 ')).toBe('cloud-configuration');
    expect(idOf('Cisco Cloud Configuration \uf071 ')).toBe('cloud-configuration');
    expect(idOf('SI URL Lists and Feeds - ', 'failed')).toBe('si-url');
  });

  it('rejects words between the data type and its result, a partial data type, and another result word', () => {
    expect(idOf('Cisco Cloud Configuration - Success - ')).toBeUndefined();
    expect(idOf('Cisco Cloud Configuration last run ')).toBeUndefined();
    expect(idOf('Cloud Configuration ')).toBeUndefined();
    expect(idOf('Cisco Cloud Configuration ', 'Success')).toBeUndefined();
    expect(idOf('Cisco Cloud Configuration ', 'Critical')).toBeUndefined();
  });

  it('says where the data type starts', () => {
    const before = 'ftd-01\nThreat Data Updates - Cisco Cloud Configuration - ';
    expect(matchTail(before, 'Failure', compiled)?.start).toBe(before.indexOf('Cisco'));
  });
});

describe('compileMatchers', () => {
  it('takes regex characters in names literally', () => {
    const sha = compileMatchers([matcher('sha', 'SI SHA Lists (from TID)')]);
    expect(matchTail('SI SHA Lists (from TID) ', 'Failure', sha)?.matcher.id).toBe('sha');
    expect(matchTail('SI SHA Lists from TID ', 'Failure', sha)).toBeNull();
  });

  it('leaves out matchers with a blank data type or no result word, which could match anything', () => {
    const result = compileMatchers([
      matcher('blank', ' '),
      matcher('no-result', 'AMP Dynamic Analysis', [' ']),
      ...MATCHERS.slice(0, 1),
    ]);
    expect(result.matchers.map((m) => m.id)).toEqual(['cloud-configuration']);
  });

  it('tells matchers of one data type apart by their result words', () => {
    const mixed = compileMatchers([
      matcher('a', 'Cisco Cloud Configuration'),
      matcher('c', 'AMP Dynamic Analysis'),
      matcher('d', 'Cisco Cloud Configuration', ['Warning']),
    ]);
    expect(matchTail('Cisco Cloud Configuration - ', 'Failure', mixed)?.matcher.id).toBe('a');
    expect(matchTail('Cisco Cloud Configuration - ', 'warning', mixed)?.matcher.id).toBe('d');
    expect(matchTail('AMP Dynamic Analysis - ', 'Failure', mixed)?.matcher.id).toBe('c');
    expect(matchTail('AMP Dynamic Analysis - ', 'Warning', mixed)).toBeNull();
  });

  it('strips the module name, long or short, from what precedes the data type', () => {
    expect(compiled.moduleTail?.exec('ftd-01: Threat Data Updates on Devices: ')?.index).toBe(8);
    expect(compiled.moduleTail?.exec('Threat Data Updates - ')?.index).toBe(0);
    expect(compiled.moduleTail?.exec('Threat Data Updates on Devices, see ')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { alertMatchers } from '../../lib/alert/alerts';
import {
  dataTypeResults,
  FAILURE_WORDS,
  HEALTH_MODULE_NAMES,
  isFailureWord,
  phraseSource,
  SEED_DATA_TYPES,
} from '../../lib/alert/phrases';
import { compileMatchers } from '../../lib/detect';

describe('the module’s phrases, one home for the page and the API', () => {
  it('lists the seed’s ten data types in its order, URL Category and Reputation twice', () => {
    expect(SEED_DATA_TYPES).toHaveLength(10);
    expect(SEED_DATA_TYPES[6]).toBe('Cisco Cloud Configuration');
    expect(SEED_DATA_TYPES.filter((type) => type === 'URL Category and Reputation')).toHaveLength(2);
  });

  it('gives every matcher of the knowledge base the module names and the failure words', () => {
    for (const matcher of alertMatchers) {
      expect(matcher.modules).toEqual([...HEALTH_MODULE_NAMES]);
      expect(matcher.results).toEqual([...FAILURE_WORDS]);
      expect(SEED_DATA_TYPES).toContain(matcher.dataType);
    }
    expect(compileMatchers(alertMatchers).matchers).toHaveLength(alertMatchers.length);
  });

  it('reads failure words whatever their case', () => {
    expect(['Failure', 'FAILED', ' failure '].map(isFailureWord)).toEqual([true, true, true]);
    expect(['Success', 'Critical', 'Failures', ''].map(isFailureWord)).toEqual([false, false, false, false]);
  });

  it('reads each line of an alert’s details apart', () => {
    expect(
      dataTypeResults(
        'Cisco Cloud Configuration - Failure<br>SI URL Lists and Feeds - Success\nAMP Dynamic Analysis',
      ),
    ).toEqual([
      { dataType: 'Cisco Cloud Configuration', result: 'Failure', failing: true },
      { dataType: 'SI URL Lists and Feeds', result: 'Success', failing: false },
      { dataType: 'AMP Dynamic Analysis', result: null, failing: false },
    ]);
    expect(dataTypeResults('Cisco Cloud Configuration<br>Failure')).toEqual([
      { dataType: 'Cisco Cloud Configuration', result: null, failing: false },
    ]);
    expect(dataTypeResults('SI SHA Lists (from TID): Failed, Threat Configuration — Success')).toEqual([
      { dataType: 'SI SHA Lists (from TID)', result: 'Failed', failing: true },
      { dataType: 'Threat Configuration', result: 'Success', failing: false },
    ]);
    expect(dataTypeResults('NotCisco Cloud Configuration - Failure')).toEqual([]);
  });

  it('writes phrases as literal, space- and dash-tolerant pattern sources', () => {
    const source = new RegExp(`^${phraseSource('SI SHA Lists (from TID)')}$`, 'i');
    expect(source.test('si\u00a0sha  lists (FROM tid)')).toBe(true);
    expect(source.test('SI SHA Lists from TID')).toBe(false);
    expect(new RegExp(phraseSource('a-b')).test('a\u2013b')).toBe(true);
    expect(phraseSource('  ')).toBe('');
  });
});

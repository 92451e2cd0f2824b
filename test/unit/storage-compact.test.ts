import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose';
import { isPacked, pack, unpack } from '../../lib/protocol/compact';
import { branchFleet } from '../fixtures/diagnose/build';
import { propertyConfig } from '../property/config';

const config = propertyConfig(import.meta.url);

describe('the packed diagnosis in storage.session', () => {
  it('keeps each repeated string once and restores the diagnosis exactly', () => {
    const diagnosis = diagnose(branchFleet());
    const packed = pack(diagnosis);
    expect(isPacked(packed)).toBe(true);
    expect(unpack(packed)).toEqual(diagnosis);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(diagnosis).length);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
  });

  it('round-trips any JSON, strings that look like references included', () => {
    const marked = fc.oneof(
      fc.string(),
      fc.string().map((s) => `\u0001${s}`),
      fc.constant('\u00010'),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        marked,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(unpack(pack(value))).toEqual(value);
      }),
      config.params(),
    );
  });
});

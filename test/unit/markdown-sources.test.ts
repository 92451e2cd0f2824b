import { describe, expect, it } from 'vitest';
import { diagnose, toMarkdown } from '../../lib/diagnose';
import { failing, fleet, shown } from '../fixtures/diagnose/build';

/** Each runbook step of the Markdown export says where its words come from (issue 18). */
describe('Markdown export: a step shows its source', () => {
  const diagnosis = diagnose(fleet([failing('f-1', shown({ dns: [] }))]));
  const steps = diagnosis.devices[0]?.runbook ?? [];

  it('prints one source line per step, in both languages', () => {
    expect(steps.length).toBeGreaterThan(0);
    for (const [lang, label, seed, inferred] of [
      ['en', '*Source:*', 'TAC note 217616', 'inferred'],
      ['fr', '*Source :*', 'note TAC 217616', 'déduit'],
    ] as const) {
      const lines = toMarkdown(diagnosis, lang).split('\n');
      const sources = lines.filter((line) => line.startsWith(label));
      expect(sources).toHaveLength(steps.length);
      expect(
        sources.every((line) => line.includes(seed) || line.includes(inferred) || line.includes('Cisco')),
      ).toBe(true);
    }
  });

  it('prints none for a diagnosis stored before steps had sources', () => {
    const old = structuredClone(diagnosis);
    for (const step of old.devices[0]?.runbook ?? []) (step as { sources?: unknown }).sources = undefined;
    expect(toMarkdown(old, 'en')).not.toMatch(/^\*Source:\*/m);
  });
});

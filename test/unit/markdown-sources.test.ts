import { describe, expect, it } from 'vitest';
import { diagnose, toMarkdown } from '../../lib/diagnose';
import { failing, fleet, shown } from '../fixtures/diagnose/build';

/** Each runbook step of the Markdown export says where its words come from (issue 18). */
describe('Markdown export: a step shows its source', () => {
  const diagnosis = diagnose(fleet([failing('f-1', shown({ dns: [] }))]));
  const steps = diagnosis.devices[0]?.runbook ?? [];

  it('labels each step and each expected output with its source, in both languages', () => {
    expect(steps.length).toBeGreaterThan(0);
    for (const [lang, label, seed, inferred] of [
      ['en', '*(Source:', 'TAC note 217616', 'inferred'],
      ['fr', '*(Source :', 'note TAC 217616', 'déduit'],
    ] as const) {
      const lines = toMarkdown(diagnosis, lang).split('\n');
      const stepLines = lines.filter((line) => /^\*\*(Step|Étape) \d+\*\*/.test(line));
      expect(stepLines).toHaveLength(steps.length);
      const expected = steps.flatMap((step) => step.commands).filter((command) => command.expect).length;
      const expectedLines = lines.filter((line) => /^\*(Expected|Attendu)/.test(line));
      expect(expectedLines).toHaveLength(expected);
      for (const line of [...stepLines, ...expectedLines]) {
        const note = line.slice(line.lastIndexOf(label));
        expect(line, line).toContain(label);
        expect(note.includes(seed) || note.includes(inferred) || note.includes('Cisco'), line).toBe(true);
      }
    }
  });

  it('prints none for a diagnosis stored before steps had sources', () => {
    const old = structuredClone(diagnosis);
    expect(toMarkdown(old, 'en')).toContain('(Source:');
    for (const step of old.devices[0]?.runbook ?? []) {
      (step as { sources?: unknown }).sources = undefined;
      for (const command of step.commands) (command as { sources?: unknown }).sources = undefined;
    }
    expect(toMarkdown(old, 'en')).not.toContain('(Source:');
  });
});

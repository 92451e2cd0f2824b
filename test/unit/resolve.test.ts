import { describe, expect, it } from 'vitest';
import { entryById, knowledgeBase } from '../../lib/knowledge';
import { resolveLang } from '../../lib/knowledge/resolve';

const hello = { en: 'Hello', fr: 'Bonjour' };
const bye = { en: 'Bye', fr: 'Au revoir' };

/** Paths of every `{ en, fr }` pair of strings still in a value. */
function localizedLeft(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedLeft(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && typeof record.fr === 'string') return [path];
    return Object.entries(record).flatMap(([key, item]) => localizedLeft(item, `${path}.${key}`));
  }
  return [];
}

describe('resolveLang', () => {
  it('replaces a Localized by the text of the language', () => {
    expect(resolveLang(hello, 'en')).toBe('Hello');
    expect(resolveLang(hello, 'fr')).toBe('Bonjour');
  });

  it('resolves Localized values nested in objects and arrays', () => {
    const value = {
      id: 'x',
      title: hello,
      list: [hello, bye],
      deep: {
        sections: [
          { id: 's', steps: [{ text: bye, commands: [{ command: 'show network', purpose: hello }] }] },
        ],
      },
      table: { rows: [[{ text: hello }, { code: ['a', 'b'] }]] },
    };
    expect(resolveLang(value, 'fr')).toEqual({
      id: 'x',
      title: 'Bonjour',
      list: ['Bonjour', 'Au revoir'],
      deep: {
        sections: [
          {
            id: 's',
            steps: [{ text: 'Au revoir', commands: [{ command: 'show network', purpose: 'Bonjour' }] }],
          },
        ],
      },
      table: { rows: [[{ text: 'Bonjour' }, { code: ['a', 'b'] }]] },
    });
  });

  it('keeps a sentence’s sources through resolution, beside its text and language (issue 18)', () => {
    const seed = { kind: 'seed' as const };
    const said = { en: 'Hello', fr: 'Bonjour', source: seed };
    const both = { en: 'Bye', fr: 'Au revoir', source: [seed, { kind: 'inferred' as const }] };
    expect(resolveLang({ paragraphs: [said, both], title: hello }, 'fr')).toEqual({
      paragraphs: [
        { text: 'Bonjour', sources: [seed], lang: 'fr' },
        { text: 'Au revoir', sources: [seed, { kind: 'inferred' }], lang: 'fr' },
      ],
      title: 'Bonjour',
    });
  });

  it('treats an object with en, fr and something else than a source as an ordinary object', () => {
    const value = { en: 'a', fr: 'b', source: 'not a source' };
    expect(resolveLang(value, 'en')).toEqual(value);
    const four = { en: 'a', fr: 'b', source: { kind: 'seed' }, extra: 1 };
    expect(resolveLang(four, 'en')).toEqual(four);
  });

  it('resolves arrays of arrays', () => {
    expect(resolveLang([[hello], [bye, hello]], 'en')).toEqual([['Hello'], ['Bye', 'Hello']]);
  });

  it('leaves primitives, null and undefined as they are', () => {
    const value = { n: 3, b: false, s: 'verbatim', nil: null, none: undefined };
    expect(resolveLang(value, 'fr')).toEqual(value);
    expect(resolveLang('text', 'fr')).toBe('text');
    expect(resolveLang(null, 'fr')).toBeNull();
  });

  it('leaves an { en, fr } that is not two strings untouched', () => {
    expect(resolveLang({ en: 1, fr: 2 }, 'fr')).toEqual({ en: 1, fr: 2 });
    expect(resolveLang({ en: 1, fr: 'deux' }, 'fr')).toEqual({ en: 1, fr: 'deux' });
    expect(resolveLang({ en: 'one', fr: 2 }, 'en')).toEqual({ en: 'one', fr: 2 });
  });

  it('leaves an { en, fr } with a third key untouched', () => {
    const value = { en: 'Hello', fr: 'Bonjour', de: 'Hallo' };
    expect(resolveLang(value, 'fr')).toEqual(value);
  });

  it('leaves an object with only one of the languages untouched', () => {
    expect(resolveLang({ en: 'Hello' }, 'fr')).toEqual({ en: 'Hello' });
    expect(resolveLang({ en: 'Hello', note: 'x' }, 'en')).toEqual({ en: 'Hello', note: 'x' });
  });

  it('leaves other objects with two string keys untouched', () => {
    expect(resolveLang({ a: 'x', b: 'y' }, 'en')).toEqual({ a: 'x', b: 'y' });
    expect(resolveLang({ en: 'x', b: 'y' }, 'en')).toEqual({ en: 'x', b: 'y' });
  });

  it('does not change its input', () => {
    const value = { title: hello, list: [bye] };
    const copy = structuredClone(value);
    resolveLang(value, 'fr');
    expect(value).toEqual(copy);
  });

  it.each(['en', 'fr'] as const)('leaves no Localized in any knowledge entry resolved to %s', (lang) => {
    for (const entry of knowledgeBase) {
      expect(localizedLeft(resolveLang(entry, lang)), entry.id).toEqual([]);
    }
  });

  it('keeps what is not prose: ids, match strings, commands', () => {
    const entry = entryById('cloud-configuration');
    if (!entry) throw new Error('cloud-configuration missing');
    const resolved = resolveLang(entry, 'fr');
    expect(resolved.id).toBe(entry.id);
    expect(resolved.match).toEqual(entry.match);
    expect(resolved.confidence).toBe(entry.confidence);
    expect(resolved.title).toBe(entry.title.fr);
    expect(resolved.sections.map((section) => section.id)).toEqual(
      entry.sections.map((section) => section.id),
    );
  });
});

describe('entryById', () => {
  it('finds every entry of the knowledge base by its id', () => {
    for (const entry of knowledgeBase) expect(entryById(entry.id)).toBe(entry);
  });

  it('is undefined for an unknown id', () => {
    expect(entryById('no-such-alert')).toBeUndefined();
    expect(entryById('')).toBeUndefined();
  });
});

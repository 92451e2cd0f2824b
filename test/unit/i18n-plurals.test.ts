import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bundleMessages, type PluralKey, tn } from '../../components/i18n';
import { fill, type Lang, plural, pluralCategory } from '../../lib/i18n';
import { readLocale, stubI18n } from './support/i18n-stub';

const COUNTS = [0, 1, 2, 21] as const;

afterEach(() => {
  bundleMessages(undefined);
});

describe('pluralCategory: CLDR’s rules, by Intl.PluralRules', () => {
  it('English: only 1 is singular', () => {
    expect(COUNTS.map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other']);
  });

  it('French: 0 and 1 are singular', () => {
    expect(COUNTS.map((n) => pluralCategory('fr', n))).toEqual(['one', 'one', 'other', 'other']);
  });

  it('French’s “many” (a million and up) takes the other form', () => {
    expect(pluralCategory('fr', 1_000_000)).toBe('other');
  });
});

describe('fill: {count|one|other} in the data’s templates', () => {
  const template = '{count} {count|device uses|devices use} it';
  const frTemplate = '{count} {count|équipement l’utilise|équipements l’utilisent}';

  it.each(COUNTS)('%i in English and French', (count) => {
    const en = fill(template, { count: String(count) }, 'en');
    const fr = fill(frTemplate, { count: String(count) }, 'fr');
    expect({ en, fr }).toEqual(
      {
        0: { en: '0 devices use it', fr: '0 équipement l’utilise' },
        1: { en: '1 device uses it', fr: '1 équipement l’utilise' },
        2: { en: '2 devices use it', fr: '2 équipements l’utilisent' },
        21: { en: '21 devices use it', fr: '21 équipements l’utilisent' },
      }[count],
    );
  });

  it('a count that is not a number, or none, takes the other form; a plain placeholder is unchanged', () => {
    expect(fill('{n|one|many}', { n: 'abc' })).toBe('many');
    expect(fill('{n|one|many}', {})).toBe('many');
    expect(fill('{n|one|many}', { n: '' })).toBe('many');
    expect(fill('{n} {x}', { n: '1' })).toBe('1 <x>');
  });

  it('a value holding the syntax is never expanded', () => {
    expect(fill('{name} {count|a|b}', { name: '{count|x|y}', count: '1' })).toBe('{count|x|y} a');
  });

  it('plural() picks the form per language and fills {count}', () => {
    const forms = {
      en: { one: '{count} device of {fmc}', other: '{count} devices of {fmc}' },
      fr: { one: '{count} équipement de {fmc}', other: '{count} équipements de {fmc}' },
    };
    expect(COUNTS.map((n) => plural(forms, n, { fmc: 'F' }))).toEqual([
      { en: '0 devices of F', fr: '0 équipement de F' },
      { en: '1 device of F', fr: '1 équipement de F' },
      { en: '2 devices of F', fr: '2 équipements de F' },
      { en: '21 devices of F', fr: '21 équipements de F' },
    ]);
  });
});

describe('tn: the catalogue’s <key>_one / <key>_other', () => {
  const useLang = (lang: Lang) => {
    stubI18n(lang);
    fakeBrowser.i18n.getUILanguage = () => (lang === 'fr' ? 'fr-FR' : 'en-US');
    bundleMessages({ en: readLocale('en'), fr: readLocale('fr') });
  };
  const said = (lang: Lang, key: PluralKey, ...subs: string[]) => {
    useLang(lang);
    return COUNTS.map((n) => tn(key, n, ...subs));
  };

  it('English: 0, 1, 2, 21', () => {
    expect(said('en', 'reportWatchAll')).toEqual([
      'Watch all 0 failing devices until they clear',
      'Watch the 1 failing device until it clears',
      'Watch all 2 failing devices until they clear',
      'Watch all 21 failing devices until they clear',
    ]);
    expect(said('en', 'reportShown', '1')).toEqual([
      '1 of 0 devices shown',
      '1 of 1 device shown',
      '1 of 2 devices shown',
      '1 of 21 devices shown',
    ]);
  });

  it('French: 0, 1, 2, 21', () => {
    expect(said('fr', 'reportWatchAll')).toEqual([
      'Surveiller 0 équipement en échec jusqu’à la levée de son alerte',
      'Surveiller 1 équipement en échec jusqu’à la levée de son alerte',
      'Surveiller les 2 équipements en échec jusqu’à la levée de leur alerte',
      'Surveiller les 21 équipements en échec jusqu’à la levée de leur alerte',
    ]);
    expect(said('fr', 'fmcProgressRequests', '0')).toEqual([
      '0 sur 0 requête',
      '0 sur 1 requête',
      '0 sur 2 requêtes',
      '0 sur 21 requêtes',
    ]);
  });
});

describe('plural keys in the locale files', () => {
  it.each(['en', 'fr'] as const)(
    '%s: every _one has its _other and the reverse, with the same placeholders',
    (lang) => {
      const messages = readLocale(lang);
      const keys = Object.keys(messages);
      const bases = new Set(
        keys.filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, '')),
      );
      expect(bases.size).toBeGreaterThan(0);
      for (const base of bases) {
        const one = messages[`${base}_one`];
        const other = messages[`${base}_other`];
        expect(one, `${base}_one`).toBeDefined();
        expect(other, `${base}_other`).toBeDefined();
        // The count is $1 in both forms (tn passes it first), and both forms take the same substitutions.
        const contents = (m: typeof one) =>
          Object.entries(m?.placeholders ?? {})
            .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
            .sort();
        expect(contents(one), base).toEqual(contents(other));
        expect(
          contents(one).some((c) => c.endsWith('=$1')),
          base,
        ).toBe(true);
        // French's "one" form also says 0: it must show the count, never a word for "one".
        expect(one?.message, `${base}_one`).toMatch(/\$[A-Z_]+\$/);
      }
    },
  );
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatMessage, type LocaleMessages, readLocale } from './support/i18n-stub';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const en = readLocale('en');
const fr = readLocale('fr');
const LOCALES = { en, fr };

/** Names the same in both languages: the product name, and "Options", which French spells alike. */
const SAME_IN_FRENCH = new Set([
  'extName',
  'popupTitle',
  'popupOptions',
  'optionsTitle',
  'optionsDnsFormatLabel',
  'optionsDnsFormatJson',
]);

/** Messages every browser predefines (https://developer.chrome.com/docs/extensions/reference/api/i18n). */
const PREDEFINED = new Set([
  '@@extension_id',
  '@@ui_locale',
  '@@bidi_dir',
  '@@bidi_reversed_dir',
  '@@bidi_start_edge',
  '@@bidi_end_edge',
]);

const placeholderNames = (message: LocaleMessages[string]) =>
  Object.keys(message.placeholders ?? {})
    .map((name) => name.toLowerCase())
    .sort();
const usedPlaceholders = (message: LocaleMessages[string]) =>
  [...message.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)]
    .map((match) => (match[1] ?? '').toLowerCase())
    .sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every key passed as a literal to `t(...)` in the extension's UI sources, with where it is used. */
function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of [...sourceFiles('components'), ...sourceFiles('entrypoints')]) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?<![\w.$])t\(\s*(['"`])([^'"`]+)\1/g)) {
      keys.set(match[2] ?? '', relative(ROOT, file));
    }
    // tn('key', count) reads key_one and key_other.
    for (const match of source.matchAll(/(?<![\w.$])tn\(\s*(['"`])([^'"`]+)\1/g)) {
      keys.set(`${match[2]}_one`, relative(ROOT, file));
      keys.set(`${match[2]}_other`, relative(ROOT, file));
    }
  }
  return keys;
}

describe('locale files', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(LOCALES))('%s keys are valid message names', (_, messages) => {
    for (const key of Object.keys(messages)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it.each(Object.entries(LOCALES))('%s has no empty message', (_, messages) => {
    for (const [key, { message }] of Object.entries(messages)) {
      expect(typeof message, key).toBe('string');
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('declare the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      const english = en[key];
      const french = fr[key];
      if (!english || !french) continue;
      expect(placeholderNames(french), key).toEqual(placeholderNames(english));
      for (const name of Object.keys(english.placeholders ?? {})) {
        const frenchContent = Object.entries(french.placeholders ?? {}).find(
          ([other]) => other.toLowerCase() === name.toLowerCase(),
        )?.[1].content;
        expect(frenchContent, `${key}.${name}`).toBe(english.placeholders?.[name]?.content);
      }
    }
  });

  it.each(Object.entries(LOCALES))('%s uses every placeholder it declares, and only those', (_, messages) => {
    for (const [key, message] of Object.entries(messages)) {
      expect(usedPlaceholders(message), key).toEqual(placeholderNames(message));
    }
  });

  it('translate every message to French except the names kept as they are', () => {
    const untranslated = Object.keys(en).filter((key) => fr[key]?.message === en[key]?.message);
    expect(untranslated.sort()).toEqual([...SAME_IN_FRENCH].sort());
  });

  it.each(Object.entries(LOCALES))(
    '%s: no "(s)" plural, a count says "1 device" or "2 devices" (tn)',
    (_, messages) => {
      for (const [key, { message }] of Object.entries(messages))
        expect(message, key).not.toMatch(/\p{L}\((s|es|e|x|nt)\)/u);
    },
  );

  it('French: one apostrophe, the typographic ’', () => {
    const straight = Object.entries(fr).filter(([, { message }]) => message.includes("'"));
    expect(straight.map(([key]) => key)).toEqual([]);
    expect(Object.values(fr).some(({ message }) => message.includes('’'))).toBe(true);
  });

  // The glossary lives in the locale files' descriptions (fmcExpected, fmcEvidence, fmcRunbook, reportColDevice,
  // hintOpenHealthPolicy, fmcManagementAddress, hintWatch, hintCollapse): one name per idea, in both languages.
  it.each([
    [
      'en',
      /\bLook for\b|\bA good output\b|\bA healthy output\b|\bWhat was read\b|\bEvidence\b|\brunbook\b|\bhint\b/i,
    ],
    ['fr', /appareil|périphérique|santé|ce qui a été lu|bon résultat|constats|procédure|rétabli|indication/i],
  ] as const)('%s: one name per idea (the glossary in the descriptions)', (lang, banned) => {
    const found = Object.entries(LOCALES[lang]).filter(([, { message }]) => banned.test(message));
    expect(found.map(([key, { message }]) => `${key}: ${message}`)).toEqual([]);
  });

  it('the glossary is in the descriptions', () => {
    const glossary = Object.values(en).filter((entry) =>
      (entry as { description?: string }).description?.startsWith('Glossary:'),
    );
    expect(glossary.length).toBeGreaterThanOrEqual(6);
  });

  it('substitute the placeholders the way the browser does', () => {
    expect(formatMessage(en, 'popupEnabled', ['https://fmc.example.com'])).toBe(
      'Enabled on https://fmc.example.com',
    );
    expect(formatMessage(fr, 'hintCopyLabel', ['show network'])).toBe('Copier la commande show network');
  });
});

describe('keys used by the code', () => {
  const used = usedKeys();

  it('finds the t() calls of the sources', () => {
    // Guards the regex: the hint, the popup and the options all translate their text.
    expect(used.size).toBeGreaterThan(30);
    expect(used.has('hintBadge')).toBe(true);
    expect(used.has('popupEnable')).toBe(true);
    expect(used.has('optionsSave')).toBe(true);
  });

  it('exist in English', () => {
    const missing = [...used]
      .filter(([key]) => !(key in en) && !PREDEFINED.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('include the manifest messages', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const keys = [...config.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] ?? '');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(en, key).toHaveProperty(key);
  });
});

/**
 * Languages and placeholder filling, in one place. Data carries `{name}` placeholders (the knowledge base, the
 * diagnosis, the FMC messages); the extension's UI catalogue (`public/_locales/<lang>/messages.json`) carries
 * the browser's `$NAME$` / `$1` ones. No dependency: the content script bundles this too.
 */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
/** A sentence in every language. */
export type Localized = Record<Lang, string>;

/** Browser locales come as `fr`, `fr-CA`, `fr_FR`…; every other language falls back to English. */
export function uiLang(locale: string): Lang {
  return locale.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** A template value: the same in both languages, or one per language (a region's name, a reason). */
export type FillValue = string | Localized;
export type FillVars = Readonly<Record<string, FillValue | undefined>>;

/** `{name}`, or `{name|one form|other form}`: the form the number in `name` takes in the template's language. */
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

/** The plural forms our words need: what CLDR calls `one`, and every other count. */
export type PluralCategory = 'one' | 'other';

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * Which form a count takes in `lang`, by the CLDR rules `Intl.PluralRules` applies (MDN "Intl.PluralRules";
 * unicode.org CLDR "Language Plural Rules"): English says "1 device" and "0 devices", French "0 équipement" and
 * "1 équipement" (0 and 1 are `one`), both "2 devices" and "21 devices". French's `many` (1 000 000 and up in
 * CLDR 42+: "1 000 000 d’équipements") is worded as `other` here: no count of ours comes near it.
 */
export function pluralCategory(lang: Lang, count: number): PluralCategory {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count) === 'one' ? 'one' : 'other';
}

/** One phrase in its two forms, per language. */
export type PluralForms = Readonly<Record<PluralCategory, string>>;
export type LocalizedPlural = Readonly<Record<Lang, PluralForms>>;

/** The form of `forms` for `count`, with `{count}` and `vars` filled in, in every language. */
export function plural(forms: LocalizedPlural, count: number, vars: FillVars = {}): Localized {
  const all = { ...vars, count: String(count) };
  return {
    en: fill(forms.en[pluralCategory('en', count)], all, 'en'),
    fr: fill(forms.fr[pluralCategory('fr', count)], all, 'fr'),
  };
}

/**
 * Replaces `{name}` in a template, in one pass so a value that itself contains `{…}` (a device name, an FMC
 * message) is never expanded. `missing` says what a placeholder nobody supplied becomes; by default `<name>`:
 * in a command, the admin sees what to type there. `{count|device uses|devices use}` is the form the number in
 * `count` takes in `lang` (`pluralCategory`): templates say "1 device" and "2 devices", never "device(s)". A
 * value that is not a number takes the other form.
 */
export function fill(
  template: string,
  vars: FillVars,
  lang: Lang = 'en',
  missing: (name: string) => string = (name) => `<${name}>`,
): string {
  return template.replace(PLACEHOLDER, (_match, name: string, one?: string, other?: string) => {
    const value = vars[name];
    if (one !== undefined && other !== undefined) {
      const text = value === undefined ? '' : typeof value === 'string' ? value : value[lang];
      const count = text.trim() === '' ? Number.NaN : Number(text);
      return Number.isFinite(count) && pluralCategory(lang, count) === 'one' ? one : other;
    }
    if (value === undefined) return missing(name);
    return typeof value === 'string' ? value : value[lang];
  });
}

export function fillLocalized(template: Localized, vars: FillVars): Localized {
  return { en: fill(template.en, vars, 'en'), fr: fill(template.fr, vars, 'fr') };
}

/** The same string in both languages: data (a host, an address) needs no translation. */
export function same(text: string): Localized {
  return { en: text, fr: text };
}

/** One entry of a `messages.json` catalogue. */
export interface CatalogueMessage {
  message: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Readonly<Record<string, CatalogueMessage>>;

/**
 * What `i18n.getMessage` makes of an entry (developer.chrome.com/docs/extensions/reference/api/i18n and the
 * "Locale-Specific Message reference"): named placeholders `$NAME$` (any case) become their `content`, then
 * `$1`…`$9` the substitutions (a missing one becomes empty), and `$$` a dollar sign.
 */
export function formatCatalogueMessage(entry: CatalogueMessage, substitutions: readonly string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole)
    .replace(/\$(\d)/g, (_whole, n: string) => substitutions[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}

/** How many substitutions an entry expects: the highest `$n` its message and placeholders use. */
export function substitutionsExpected(entry: CatalogueMessage): number {
  const text = [entry.message, ...Object.values(entry.placeholders ?? {}).map((p) => p.content)].join(' ');
  return Math.max(0, ...[...text.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
}

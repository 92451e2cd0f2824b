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

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/**
 * Replaces `{name}` in a template, in one pass so a value that itself contains `{…}` (a device name, an FMC
 * message) is never expanded. `missing` says what a placeholder nobody supplied becomes; by default `<name>`:
 * in a command, the admin sees what to type there.
 */
export function fill(
  template: string,
  vars: FillVars,
  lang: Lang = 'en',
  missing: (name: string) => string = (name) => `<${name}>`,
): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
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

import type { Lang, Localized } from '../knowledge/schema';

/** A template value: the same in both languages, or one per language (a region's name, a reason). */
export type FillValue = string | Localized;
export type FillVars = Readonly<Record<string, FillValue | undefined>>;

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/**
 * Replaces `{name}` in a template, in one pass so a value that itself contains `{…}` (a device name, an FMC
 * message) is never expanded. A value nobody supplied becomes `<name>`: the admin sees what to type there.
 */
export function fill(template: string, vars: FillVars, lang: Lang = 'en'): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined) return `<${name}>`;
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

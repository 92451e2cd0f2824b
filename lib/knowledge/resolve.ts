import type { Lang, Localized } from '../i18n';

/** The same shape with every `{ en, fr }` replaced by the text of one language. */
export type Resolved<T> = T extends Localized
  ? string
  : T extends readonly (infer U)[]
    ? Resolved<U>[]
    : T extends object
      ? { [K in keyof T]: Resolved<T[K]> }
      : T;

function isLocalized(value: object): value is Localized {
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as Localized).en === 'string' &&
    typeof (value as Localized).fr === 'string'
  );
}

/**
 * Resolves a knowledge-base value to one language. The background sends the result to the content script,
 * so a page only ever receives the language it shows (and the content script bundles no prose).
 */
export function resolveLang<T>(value: T, lang: Lang): Resolved<T> {
  if (Array.isArray(value)) return value.map((item) => resolveLang(item, lang)) as Resolved<T>;
  if (value !== null && typeof value === 'object') {
    if (isLocalized(value)) return value[lang] as Resolved<T>;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveLang(item, lang)]),
    ) as Resolved<T>;
  }
  return value as Resolved<T>;
}

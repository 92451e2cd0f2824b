import type { Lang, Localized } from '../i18n';
import { isSource, type Source, type Sourced, sourcesOf } from './sources';

/** A sentence of advice in one language, still saying where it comes from. */
export interface ResolvedSourced {
  text: string;
  sources: Source[];
  /** The language of `text`, so a source links to the seed in the same language. */
  lang: Lang;
}

/**
 * The same shape with every `{ en, fr }` replaced by the text of one language, and every sourced sentence
 * (`{ en, fr, source }`) by its text and its sources: the sources survive, so the hint can show them.
 */
export type Resolved<T> = T extends Sourced
  ? ResolvedSourced
  : T extends Localized
    ? string
    : T extends readonly (infer U)[]
      ? Resolved<U>[]
      : T extends object
        ? { [K in keyof T]: Resolved<T[K]> }
        : T;

function hasLanguages(value: object): value is Localized {
  return typeof (value as Localized).en === 'string' && typeof (value as Localized).fr === 'string';
}

function isLocalized(value: object): value is Localized {
  return Object.keys(value).length === 2 && hasLanguages(value);
}

function isSourced(value: object): value is Sourced {
  const source = (value as { source?: unknown }).source;
  const sources = Array.isArray(source) ? source : [source];
  return (
    Object.keys(value).length === 3 &&
    hasLanguages(value) &&
    sources.length > 0 &&
    sources.every((item) => isSource(item))
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
    if (isSourced(value)) return { text: value[lang], sources: sourcesOf(value), lang } as Resolved<T>;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveLang(item, lang)]),
    ) as Resolved<T>;
  }
  return value as Resolved<T>;
}

import type { AlertMatcher } from './types';

/** White space as a page may print it: JS `\s` covers NBSP and the other Unicode spaces; plus zero-width. */
const SPACE = '[\\s\\u200b]';
/** Hyphen-minus, the Unicode hyphens and dashes (en, em...) and the minus sign, all read as the same dash. */
const DASH = '[-\\u2010-\\u2015\\u2212]';
const DASH_CHAR = /[-\u2010-\u2015\u2212]/g;
const SEPARATOR = `${SPACE}*${DASH}${SPACE}*`;
const FLAGS = 'iu';

export interface CompiledMatchers {
  /** The matchers the patterns were built from, blank ones left out; index i is capture group i + 1. */
  readonly matchers: readonly AlertMatcher[];
  /** Every alert string in one alternation, one capture group per matcher; null when there is no matcher. */
  readonly pattern: RegExp | null;
  /** Each matcher's alert string alone, to find it again in a label's text. */
  readonly phrases: readonly RegExp[];
}

/** Builds the patterns once; reuse the result for every scan. */
export function compileMatchers(matchers: readonly AlertMatcher[]): CompiledMatchers {
  const usable = matchers.filter((matcher) =>
    [matcher.module, matcher.dataType, matcher.status].every(hasWords),
  );
  const sources = usable.map(alertSource);
  return {
    matchers: usable,
    pattern: sources.length > 0 ? new RegExp(sources.map((source) => `(${source})`).join('|'), FLAGS) : null,
    phrases: sources.map((source) => new RegExp(source, FLAGS)),
  };
}

/**
 * The cheap pre-check: false means the text cannot hold any alert string. It knows nothing of element
 * boundaries, so true only means "look closer".
 */
export function mayContainAlert(text: string, compiled: CompiledMatchers): boolean {
  return compiled.pattern?.test(text) ?? false;
}

/** A fresh global copy of the alternation, so a scan never shares `lastIndex` with another. */
export function scanner(compiled: CompiledMatchers): RegExp | null {
  return compiled.pattern && new RegExp(compiled.pattern.source, `g${FLAGS}`);
}

/** Which matcher a match of the alternation belongs to: the index of its one defined capture group. */
export function matcherIndex(match: RegExpExecArray): number {
  return match.findIndex((group, index) => index > 0 && group !== undefined) - 1;
}

function hasWords(text: string): boolean {
  return text.trim() !== '';
}

/** `<module> - <dataType> - <status>`, tolerant of case, white space and the kind of dash. */
function alertSource(matcher: AlertMatcher): string {
  return [matcher.module, matcher.dataType, matcher.status].map(phraseSource).join(SEPARATOR);
}

function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/[\s\u200b]+/)
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(DASH_CHAR, DASH))
    .join(`${SPACE}+`);
}

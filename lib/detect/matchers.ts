import { GAP, phraseSource, SEED_DATA_TYPES } from '../alert/phrases';
import type { AlertMatcher } from './types';

/** No `u` flag on the page-wide patterns: it makes V8 scan a 600 kB page about 15 times slower. */
const FLAGS = 'i';

export interface CompiledMatchers {
  /** The matchers, blank ones left out, in priority order. */
  readonly matchers: readonly AlertMatcher[];
  /** Any result word of any matcher: the one pass over a page's text. Null when there is no matcher. */
  readonly results: RegExp | null;
  /** Any data type of any matcher: the second cheap check before looking closer. */
  readonly dataTypes: RegExp | null;
  /**
   * A data type, then only a gap, at the end of a short text (the text read backwards from a result word).
   * Capture group i + 1 is data type i of `groups`. No word boundary before it: the text glues inline
   * elements together (`<span>ftd-02</span><span>Cisco…`), so the caller checks one inside a text node.
   */
  readonly tail: RegExp | null;
  /** The matchers of each distinct data type, in `tail`'s group order, each with its whole-word results. */
  readonly groups: readonly (readonly { matcher: AlertMatcher; result: RegExp }[])[];
  /** A module name, then only a gap, at the end of a text: what may precede the data type in a row. */
  readonly moduleTail: RegExp | null;
  /** Any of the seed's data types followed by a word (any result), for texts that list several results. */
  readonly anyResult: RegExp;
}

/** Builds the patterns once; reuse the result for every scan. */
export function compileMatchers(matchers: readonly AlertMatcher[]): CompiledMatchers {
  const usable = matchers.filter(
    (matcher) => phraseSource(matcher.dataType) !== '' && matcher.results.some((word) => word.trim() !== ''),
  );
  const byType = new Map<string, AlertMatcher[]>();
  for (const matcher of usable) {
    const key = phraseSource(matcher.dataType).toLowerCase();
    byType.set(key, [...(byType.get(key) ?? []), matcher]);
  }
  const typeSources = [...byType.values()].map((members) => phraseSource(members[0]?.dataType ?? ''));
  const words = unique(usable.flatMap((matcher) => matcher.results).map(phraseSource));
  const modules = unique(usable.flatMap((matcher) => matcher.modules).map(phraseSource))
    // Longest first, so "Threat Data Updates on Devices" is taken whole, not as its short name.
    .sort((a, b) => b.length - a.length);
  const seedTypes = unique(SEED_DATA_TYPES.map(phraseSource));
  return {
    matchers: usable,
    results: words.length ? new RegExp(`(?:${words.join('|')})`, FLAGS) : null,
    dataTypes: typeSources.length ? new RegExp(`(?:${typeSources.join('|')})`, FLAGS) : null,
    tail: typeSources.length
      ? new RegExp(`(?:${typeSources.map((s) => `(${s})`).join('|')})${GAP}*$`, 'iu')
      : null,
    groups: [...byType.values()].map((members) =>
      members.map((matcher) => ({
        matcher,
        result: new RegExp(`^(?:${unique(matcher.results.map(phraseSource)).join('|')})$`, FLAGS),
      })),
    ),
    moduleTail: modules.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${modules.join('|')})${GAP}*$`, 'iu')
      : null,
    anyResult: new RegExp(`(?:${seedTypes.join('|')})${GAP}*\\p{L}+`, 'giu'),
  };
}

/** A fresh global copy of the result-word pattern, so a scan never shares `lastIndex` with another. */
export function resultScanner(compiled: CompiledMatchers): RegExp | null {
  return compiled.results && new RegExp(compiled.results.source, `g${FLAGS}`);
}

/**
 * The matcher a row's text reports: `before` is the visible text of the row up to the result word, `word`
 * the result word. The data type must end `before` (only a gap after it) and list `word` among its results.
 * Returns the matcher and where the data type starts in `before`.
 */
export function matchTail(
  before: string,
  word: string,
  compiled: CompiledMatchers,
): { matcher: AlertMatcher; start: number } | null {
  const found = compiled.tail?.exec(before);
  if (!found) return null;
  const index = found.findIndex((group, i) => i > 0 && group !== undefined) - 1;
  const member = compiled.groups[index]?.find((candidate) => candidate.result.test(word));
  if (!member) return null;
  return { matcher: member.matcher, start: found.index };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

import type { AlertMatcher } from './types';

/** White space as a page may print it: JS `\s` covers NBSP and the other Unicode spaces; plus zero-width. */
const SPACE = '[\\s\\u200b]';
/** Hyphen-minus, the Unicode hyphens and dashes (en, em...) and the minus sign, all read as the same dash. */
const DASH = '[-\\u2010-\\u2015\\u2212]';
const DASH_CHAR = /[-\u2010-\u2015\u2212]/g;
const SEPARATOR = `${SPACE}*${DASH}${SPACE}*`;
/** No `u` flag: it makes V8 scan a 600 kB page about 15 times slower, and `\s` covers Unicode spaces without it. */
const FLAGS = 'i';

export interface CompiledMatchers {
  /** The matchers, blank ones left out, in the pattern's order: matcher i is capture group i + 1. */
  readonly matchers: readonly AlertMatcher[];
  /** Every alert string in one pattern, one capture group per matcher; null when there is no matcher. */
  readonly pattern: RegExp | null;
  /** Each matcher's alert string alone, to find it again in a label's text. */
  readonly phrases: readonly RegExp[];
}

interface Group {
  module: string;
  status: string;
  members: AlertMatcher[];
}

/** Builds the patterns once; reuse the result for every scan. */
export function compileMatchers(matchers: readonly AlertMatcher[]): CompiledMatchers {
  const groups = new Map<string, Group>();
  for (const matcher of matchers) {
    const [module = '', dataType = '', status = ''] = [matcher.module, matcher.dataType, matcher.status].map(
      phraseSource,
    );
    if (!module || !dataType || !status) continue;
    const key = `${module}\n${status}`.toLowerCase();
    const group = groups.get(key) ?? { module, status, members: [] };
    group.members.push(matcher);
    groups.set(key, group);
  }
  // Matchers sharing a module and a status share one prefix and suffix in the pattern: the engine then tries
  // the data types only where the module matched, several times faster than one branch per matcher.
  const ordered = [...groups.values()];
  const usable = ordered.flatMap((group) => group.members);
  const source = ordered.map(groupSource).join('|');
  return {
    matchers: usable,
    pattern: source ? new RegExp(source, FLAGS) : null,
    phrases: usable.map((matcher) => new RegExp(alertSource(matcher), FLAGS)),
  };
}

/**
 * The cheap pre-check: false means the text cannot hold any alert string. It knows nothing of element
 * boundaries, so true only means "look closer".
 */
export function mayContainAlert(text: string, compiled: CompiledMatchers): boolean {
  return compiled.pattern?.test(text) ?? false;
}

/** A fresh global copy of the pattern, so a scan never shares `lastIndex` with another. */
export function scanner(compiled: CompiledMatchers): RegExp | null {
  return compiled.pattern && new RegExp(compiled.pattern.source, `g${FLAGS}`);
}

/** Which matcher a match of the pattern belongs to: the index of its one defined capture group. */
export function matcherIndex(match: RegExpExecArray): number {
  return match.findIndex((group, index) => index > 0 && group !== undefined) - 1;
}

function groupSource({ module, status, members }: Group): string {
  const dataTypes = members.map((member) => `(${phraseSource(member.dataType)})`).join('|');
  return `${module}${SEPARATOR}(?:${dataTypes})${SEPARATOR}${status}`;
}

/** `<module> - <dataType> - <status>`, tolerant of case, white space and the kind of dash. */
function alertSource(matcher: AlertMatcher): string {
  return [matcher.module, matcher.dataType, matcher.status].map(phraseSource).join(SEPARATOR);
}

/** The phrase's words, joined by any white space; '' for a blank phrase. */
function phraseSource(phrase: string): string {
  const words = phrase.trim();
  if (words === '') return '';
  return words
    .split(/[\s\u200b]+/)
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(DASH_CHAR, DASH))
    .join(`${SPACE}+`);
}

/**
 * Device names, addresses, alert details and FMC messages are data that lands in a Markdown report meant to be
 * pasted into a TAC case, where it is read rendered (GitHub-flavoured Markdown) as often as as plain text. So no
 * backslash escapes (`http\://`, `connector\_port` read badly as plain text, issue 19): a word that Markdown could
 * read as syntax goes, as typed, in a code span, and every other word stays plain text. No value can break a
 * table row or become a heading, a link, an image, emphasis or raw HTML.
 *
 * Why a code span is enough: CommonMark gives code spans the precedence of raw HTML and autolinks and more than
 * any other inline (spec 0.31, "Code spans": "Code span backticks have higher precedence than any other inline
 * constructs except HTML tags and autolinks"; the leftmost of those wins). Every character that opens or closes
 * an inline construct (`` ` `` `*` `_` `~` `[` `]` `<` `\` `$`, an entity) is inside a span that starts before it
 * in the same word, so none of them can pair with another. GitHub's extensions that need no delimiter (the
 * "autolink literal" extension links bare URLs, `www.` names and e-mail addresses in text after parsing, even
 * after escapes: cmark-gfm's extensions/autolink.c and remark-gfm's mdast-util-gfm-autolink-literal both scan
 * text nodes only; GitHub's `:emoji:` names and `#123` references) see no text node in a code span either.
 * test/unit/markdown-gfm.test.ts renders whole exports with remark-gfm to hold this.
 */

/**
 * A word Markdown could read as syntax: one of the inline delimiters, a backslash, an entity, `#` (a heading's
 * closing run, GitHub's issue references), something GFM links by itself (`@`, `://`, `www.`), or an `:emoji:`
 * name. `>` `!` `(` `)` `|` `:` alone are plain text in the middle of a line (`|` is handled in table cells).
 */
const SYNTAX = /[\\`*_~[\]<#$@]|:\/\/|www\.|&#?[a-z0-9]+;|:[a-z0-9_+-]+:/i;

/**
 * What the first word of a list item or a paragraph may not be (CommonMark's block starts): a list marker (`-`,
 * `+`, `*`, `1.`, `1)` followed by a blank), a thematic break or setext line (`---`, `===`), a block quote (`>…`),
 * a fence. `#` and `<` are syntax anywhere. "10.20.0.53" or "-5" start no block and stay as typed.
 */
const BLOCK_START = /^(?:[-+*=]+|\d{1,9}[.)]|>.*|`{3}.*|~{3}.*)$/;

/** Punctuation that reads as text around a code span: kept outside it, so "(`root@fp`)." reads naturally. */
const LEADING = /^[("'«“‘]+/;
const TRAILING = /[)"'»”’.,;:!?]+$/;

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

export interface MdTextOptions {
  /** A GFM table cell: `|` is escaped (`\|`), the one backslash the export writes (GFM spec, "Tables"). */
  cell?: boolean;
}

/**
 * Text for a table cell, a list item, a heading or a sentence: one line, each word that Markdown could read as
 * syntax in a code span, the rest as typed. The same text reads the same rendered and as plain text.
 */
export function mdText(value: unknown, options: MdTextOptions = {}): string {
  const words = flatten(value).split(' ');
  const out = words
    .map((word, i) => {
      if (word === '') return '';
      const cellPipe = options.cell === true && word.includes('|');
      const blockStart = i === 0 && options.cell !== true && BLOCK_START.test(word);
      if (SYNTAX.test(word) || cellPipe || blockStart) return spanWord(word);
      return word;
    })
    .join(' ');
  return finish(out, options);
}

/** A value always as a code span (an address, a host, a version), unless empty. */
export function mdCode(value: unknown, options: MdTextOptions = {}): string {
  const text = flatten(value);
  return text === '' ? '' : finish(codeSpan(text), options);
}

/**
 * A fenced code block whose fence outlasts any backtick run inside, so the content cannot close it early; inside,
 * nothing is Markdown, so the text reads exactly as typed (CommonMark, "Fenced code blocks": the closing fence is
 * a run of backticks at least as long as the opening one). Control characters other than tabs are dropped.
 */
export function mdFence(lines: readonly string[] | string): string {
  const text =
    typeof lines === 'string' ? lines : lines.map((line) => line.replace(/[\r\n]+/g, ' ')).join('\n');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters other than tab and line feed.
  const body = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body) + 1));
  return `${fence}\n${body}\n${fence}`;
}

/** One line: `<br>` and line breaks as spaces, control characters dropped, blanks collapsed. */
function flatten(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A word in a code span, the punctuation around it kept outside when what is left still needs the span. */
function spanWord(word: string): string {
  const lead = LEADING.exec(word)?.[0] ?? '';
  const rest = word.slice(lead.length);
  let trail = TRAILING.exec(rest)?.[0] ?? '';
  let core = rest.slice(0, rest.length - trail.length);
  // A closing parenthesis the word opened, or the `;` of an entity, belongs to the core.
  while (
    trail !== '' &&
    ((trail[0] === ')' && count(core, '(') > count(core, ')')) || (trail[0] === ';' && ENTITY_END.test(core)))
  ) {
    core += trail[0];
    trail = trail.slice(1);
  }
  // The core alone must still need the span, else the whole word goes in: `:x:` less its colons would leave the
  // emoji name outside, and a block start (`1.`, `-`, `>x`) has nothing around it to keep outside.
  const needs = SYNTAX.test(core) || core.includes('|');
  return needs ? `${lead}${codeSpan(core)}${trail}` : codeSpan(word);
}

/**
 * `` `text` ``, with a fence of backticks whose length no run inside has (the first run of that exact length
 * closes a span), and a space inside each end when the text starts or ends with a backtick (stripped again by
 * the renderer, CommonMark "Code spans").
 */
const ENTITY_END = /&#?[a-z0-9]+$/i;

const count = (text: string, char: string) => text.split(char).length - 1;

function codeSpan(text: string): string {
  const runs = new Set((text.match(/`+/g) ?? []).map((run) => run.length));
  let n = 1;
  while (runs.has(n)) n++;
  const fence = '`'.repeat(n);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * In a table cell, every `|` is escaped, inside code spans too (GFM splits the row before it reads spans), and a
 * run of backslashes just before one is doubled, so the pipe stays escaped for cmark-gfm and micromark alike. A
 * bidi control (e.g. U+202E) would reorder the rest of the line: the value is isolated (FSI … PDI).
 */
function finish(text: string, options: MdTextOptions): string {
  const cell = options.cell
    ? text.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes}\\|`)
    : text;
  return BIDI_CONTROL.test(cell) ? `\u2068${cell}\u2069` : cell;
}

function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

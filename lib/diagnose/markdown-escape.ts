/**
 * Device names, alert details and FMC messages are data that lands in a Markdown report meant to be pasted
 * into a TAC case. Escaped, one of them can neither break a table row nor become a heading, a link, an image
 * or raw HTML.
 */

// `#` anywhere: a trailing run would close a heading, a leading one open one. `_` and `*` (emphasis), `~`
// (strike-through), `$` (GitHub's maths) and `` ` `` are escaped wherever they stand. `<` becomes an entity
// rather than `\<`, so not even the characters `<img` survive for a careless consumer; `&` is escaped only where
// it would start an entity, so a name like `&lt;b&gt;` reads as typed.
const SPECIAL = /[\\`|[\]>*#_~$]|&(?=#?[a-z0-9]+;)/gi;

/**
 * GitHub-flavoured Markdown turns bare URLs, `www.` names and e-mail addresses into live links (its "autolink
 * literal" extension), and both renderers that matter do it on the parsed text, after backslash escapes and
 * entities are decoded: cmark-gfm (GitHub) scans every text node for e-mail addresses after parsing
 * (extensions/autolink.c, `postprocess` over CMARK_NODE_TEXT only), and remark-gfm
 * (mdast-util-gfm-autolink-literal) finds URLs, `www.` names and addresses in text nodes the same way. An
 * escaped `\@` or `\:` therefore still links. A code span is no text node in either: a run of characters that
 * holds `@`, `://` or `www.` goes in one, as typed, so it reads and copies exactly and links nowhere
 * (test/unit/markdown-gfm.test.ts renders the export with remark-gfm to hold this).
 */
const LINKABLE = /@|:\/\/|www\./i;

/**
 * Runs of characters that may stand in a code span: no blank (a code span would trim it), and none of `` ` ``
 * (it would close the span), `|` (a GFM table splits cells even inside one), `\`, `<`, `>`, `[`, `]` (escaped
 * outside, so no raw markup and no link syntax ever forms across a span's edge).
 */
const RUN = /([^\s`|\\<>[\]]+)/;

/** Text for a table cell, a list item or a heading: one line, every Markdown-active character escaped. */
export function mdInline(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const flat = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const escaped = flat
    .split(RUN)
    .map((part, i) => (i % 2 === 1 && LINKABLE.test(part) ? `\`${part}\`` : escapeText(part)))
    .join('')
    // A list marker or an ordered-list number at the start would nest a list inside the item it lands in.
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  // A bidi control (e.g. U+202E) would reorder the rest of the table row: isolate the value (FSI … PDI).
  return BIDI_CONTROL.test(escaped) ? `\u2068${escaped}\u2069` : escaped;
}

function escapeText(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/</g, '&lt;');
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** A fenced code block whose fence outlasts any backtick run inside, so the content cannot close it early. */
export function mdFence(lines: readonly string[]): string {
  const body = lines.map((line) => line.replace(/[\r\n]+/g, ' ')).join('\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}

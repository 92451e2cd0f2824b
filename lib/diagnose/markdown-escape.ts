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
 * GitHub-flavoured Markdown turns bare URLs, `www.` names and e-mail addresses into live links (its
 * "autolink literal" extension). A backslash before the character that starts each of them (the scheme's
 * colon, the dot after `www`, the `@`) leaves the text as it reads and the link unmade: the extension sees a
 * literal character, not the one it looks for (GFM spec, 6.9 and 6.1 on backslash escapes).
 */
const AUTOLINKS: ReadonlyArray<[RegExp, string]> = [
  [/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:'],
  [/\b(www)\./gi, '$1\\.'],
  [/@/g, '\\@'],
];

/** Text for a table cell, a list item or a heading: one line, every Markdown-active character escaped. */
export function mdInline(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  const escaped = text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(SPECIAL, (c) => `\\${c}`)
    .replace(/</g, '&lt;');
  const unlinked = AUTOLINKS.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    escaped,
  )
    // A list marker or an ordered-list number at the start would nest a list inside the item it lands in.
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  // A bidi control (e.g. U+202E) would reorder the rest of the table row: isolate the value (FSI … PDI).
  return BIDI_CONTROL.test(unlinked) ? `\u2068${unlinked}\u2069` : unlinked;
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** A fenced code block whose fence outlasts any backtick run inside, so the content cannot close it early. */
export function mdFence(lines: readonly string[]): string {
  const body = lines.map((line) => line.replace(/[\r\n]+/g, ' ')).join('\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}

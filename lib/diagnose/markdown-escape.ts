/**
 * Device names, alert details and FMC messages are data that lands in a Markdown report meant to be pasted
 * into a TAC case. Escaped, one of them can neither break a table row nor become a heading, a link, an image
 * or raw HTML.
 */

// `#` anywhere: a trailing run would close a heading, a leading one open one. `<` becomes an entity rather than
// `\<`, so not even the characters `<img` survive for a careless consumer; `&` is escaped only where it would
// start an entity, so a name like `&lt;b&gt;` reads as typed.
const SPECIAL = /[\\`|[\]>*#]|&(?=#?[a-z0-9]+;)/gi;

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
  // A bidi control (e.g. U+202E) would reorder the rest of the table row: isolate the value (FSI … PDI).
  return BIDI_CONTROL.test(escaped) ? `\u2068${escaped}\u2069` : escaped;
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** A fenced code block whose fence outlasts any backtick run inside, so the content cannot close it early. */
export function mdFence(lines: readonly string[]): string {
  const body = lines.map((line) => line.replace(/[\r\n]+/g, ' ')).join('\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}

import { BREAK } from './context';
import type { CompiledMatchers } from './matchers';

/** More than this many non-space characters around the data type and its result in their run: a paragraph. */
const PROSE_MAX_EXTRA = 40;
/** This many lower-case words of 3+ letters around them read as a sentence ("means the device cannot..."). */
const PROSE_MIN_WORDS = 4;

const SENTENCE_WORD = /(?<![\p{L}\p{N}])\p{Ll}{3,}(?![\p{L}\p{N}])/gu;
/** Quotes and spaces between the alert's words and the words around them. */
const QUOTES = `\\s"'\u2018\u2019\u201c\u201d\u00ab\u00bb`;
const WORD_BEFORE = new RegExp(`[\\p{L}\\p{N}][${QUOTES}]*$`, 'u');
const COMMA_AFTER = new RegExp(`^[${QUOTES}]*[,;]`, 'u');
/** A word right after the result word, in its run: the sentence goes on ("Failure to connect"). */
const RUNS_ON = new RegExp(`^[${QUOTES}]*\\p{L}`, 'u');

/**
 * Whether a data type and its result are quoted in prose rather than shown as a row's label. Judges their
 * run of text (./context.ts): `before` is the text of the run up to the data type, `after` the text after the
 * result word to the end of the run (text in other boxes, such as the row's other cells, and in other elements,
 * such as a device or a time drawn beside the label, is not part of the run). The module's name right before
 * the data type is part of the label; other results in the run (a description listing two) count as breaks,
 * not as words. Prose when a word follows the result word in its run ("Failure to connect"), when the run
 * holds much more than the label, reads as a sentence, or has a word right before and a comma right after
 * ("When you see <b>…Failure</b>, check DNS").
 * In a heading, any word before the label (but the module's name) makes it a title.
 */
export function isProse(
  before: string,
  after: string,
  compiled: CompiledMatchers,
  inHeading = false,
): boolean {
  const moduleAt = compiled.moduleTail?.exec(before);
  const head = (moduleAt ? before.slice(0, moduleAt.index) : before).replace(compiled.anyResult, BREAK);
  const tail = after.replace(compiled.anyResult, BREAK);
  // A heading names a thing ("Troubleshoot Cisco Cloud Configuration Failure"); it reports a result only as
  // the bare label, the title of an alert card.
  if (inHeading && /\p{L}/u.test(head)) return true;
  const extra = (head + tail).replace(/\s+/g, '').length;
  if (extra > PROSE_MAX_EXTRA) return true;
  if (((head + BREAK + tail).match(SENTENCE_WORD)?.length ?? 0) >= PROSE_MIN_WORDS) return true;
  const lastBefore = head.slice(head.lastIndexOf(BREAK) + 1);
  const firstAfter = tail.split(BREAK, 1)[0] ?? '';
  // The result word runs on in its own run ("Failure to connect"): a sentence, not a result (issue 18).
  if (RUNS_ON.test(firstAfter)) return true;
  return WORD_BEFORE.test(lastBefore) && COMMA_AFTER.test(firstAfter);
}

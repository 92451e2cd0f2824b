import { isElement, isPhrasing, isText } from './dom';
import { isShownSelf, visibleText } from './visibility';

/** More than this many non-space characters around the alert string in its run of text: a paragraph. */
const PROSE_MAX_EXTRA = 40;
/** This many lower-case words of 3+ letters around it read as a sentence ("means the device cannot..."). */
const PROSE_MIN_WORDS = 4;

/** Marks where the run of text is broken by a box (`<div>`, `<p>`...) or a `<br>`. */
const BREAK = '\n';
const SENTENCE_WORD = /(?<![\p{L}\p{N}])\p{Ll}{3,}(?![\p{L}\p{N}])/gu;
/** Quotes and spaces between the alert string and the words around it. */
const QUOTES = `\\s"'\u2018\u2019\u201c\u201d\u00ab\u00bb`;
const WORD_BEFORE = new RegExp(`[\\p{L}\\p{N}][${QUOTES}]*$`, 'u');
const WORD_AFTER = new RegExp(`^[${QUOTES}]*(?:[,;]|\\p{L})`, 'u');

/**
 * Whether the alert string is quoted in prose rather than shown as a label. Judges the run of text the
 * string belongs to: the label and the inline elements and loose text around it, up to the first box
 * (text in other boxes, such as the row's other cells, is not part of the run). Prose when the run holds
 * much more than the string, reads as a sentence, or has a word right before the string and a comma or a
 * word right after it ("When you see <b>…Failure</b>, check DNS"). Other alert strings in the run (a row listing
 * two failing checks) count as breaks, not as words.
 */
export function isProse(label: Element, phrase: RegExp, anyAlert: RegExp): boolean {
  const run = runAround(label);
  const found = phrase.exec(run.inside);
  if (!found) return true;
  const before = (run.before + run.inside.slice(0, found.index)).replace(anyAlert, BREAK);
  const after = (run.inside.slice(found.index + found[0].length) + run.after).replace(anyAlert, BREAK);
  const extra = (before + after).replace(/\s+/g, '').length;
  if (extra > PROSE_MAX_EXTRA) return true;
  if (((before + BREAK + after).match(SENTENCE_WORD)?.length ?? 0) >= PROSE_MIN_WORDS) return true;
  const lastBefore = before.slice(before.lastIndexOf(BREAK) + 1);
  const firstAfter = after.split(BREAK, 1)[0] ?? '';
  return WORD_BEFORE.test(lastBefore) && WORD_AFTER.test(firstAfter);
}

interface Run {
  before: string;
  inside: string;
  after: string;
}

function runAround(label: Element): Run {
  let block = label;
  while (isPhrasing(block) && block.parentElement) block = block.parentElement;
  const run: Run = { before: '', inside: '', after: '' };
  if (block === label) {
    run.inside = visibleText(label);
    return run;
  }
  let side: 'before' | 'after' = 'before';
  const visit = (parent: Element) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child === label) {
        run.inside = visibleText(label);
        side = 'after';
      } else if (isText(child)) {
        run[side] += child.data;
      } else if (isElement(child) && isShownSelf(child)) {
        if (child.contains(label) || isPhrasing(child)) visit(child);
        else run[side] += BREAK;
      }
    }
  };
  visit(block);
  return run;
}

import { isElement, isPhrasing, isText } from './dom';
import { isShownSelf } from './visibility';

/**
 * Marks a box boundary (a cell, a `<div>`, a `<br>`) in the text read around a result word. The paragraph
 * separator, not a new line: pages put new lines in their text (pretty-printed markup), and the boundary must be
 * told apart. `\s` matches it, so it reads as white space between a data type and its result.
 */
export const BREAK = '\u2029';

/** How much visible text (not counting white space) is read before a result word: a data type and a sentence. */
const BEFORE_BUDGET = 120;
/** Around a label, in its run: enough to tell a label from a sentence. */
const RUN_BUDGET = 60;

/** Visible text read backwards from a point of a row, with the text node each piece came from. */
export interface TextBefore {
  text: string;
  /** Where each text node's piece starts in `text`, in document order. */
  pieces: { node: CharacterData; at: number }[];
}

/**
 * The row's visible text before `offset` in `node`, as a reader sees it: hidden subtrees (icons included)
 * read as nothing, boxes and `<br>` as a break. Reading stops at the row's start or once enough text was
 * read, at a whole text node (so the data type before the result word is never cut).
 */
export function textBefore(node: CharacterData, offset: number, row: Element): TextBefore {
  const parts: { node: CharacterData | null; text: string }[] = [{ node, text: node.data.slice(0, offset) }];
  let budget = BEFORE_BUDGET - nonSpace(parts[0]?.text ?? '');
  const visit = (child: Node): void => {
    if (isText(child)) {
      parts.push({ node: child, text: child.data });
      budget -= nonSpace(child.data);
    } else if (isElement(child) && isShownSelf(child)) {
      if (isBreak(child)) return void parts.push({ node: null, text: BREAK });
      const box = !isPhrasing(child);
      if (box) parts.push({ node: null, text: BREAK });
      for (let last = child.lastChild; last && budget > 0; last = last.previousSibling) visit(last);
      if (box) parts.push({ node: null, text: BREAK });
    }
  };
  for (let current: Node = node; current !== row && budget > 0; ) {
    for (let sibling = current.previousSibling; sibling && budget > 0; sibling = sibling.previousSibling) {
      visit(sibling);
    }
    const parent: Element | null = current.parentElement;
    if (!parent || parent === row) break;
    if (!isPhrasing(parent)) parts.push({ node: null, text: BREAK });
    current = parent;
  }
  parts.reverse();
  let text = '';
  const pieces: TextBefore['pieces'] = [];
  for (const part of parts) {
    if (part.node) pieces.push({ node: part.node, at: text.length });
    text += part.text;
  }
  return { text, pieces };
}

/** The text node holding position `at` of a `TextBefore`. */
export function nodeAt(before: TextBefore, at: number): CharacterData | null {
  for (const piece of before.pieces) {
    if (piece.at <= at && at < piece.at + piece.node.data.length) return piece.node;
  }
  return null;
}

/**
 * The text of the run that holds a label, after `offset` in `node` (`runAfter`) or before it (`runBefore`):
 * the text nodes of the label's own element and of its inline ancestors up to the row, up to the first box
 * boundary, line break or timestamp, or enough text to tell a sentence. The text inside OTHER elements of the row
 * is not part of the run (issue 18): a device, a time, "3 min ago" or a status drawn in an element of its own
 * after the result word (the Message Center's `<span>ftd-core-a</span><span>…Failure</span><span>3 min
 * ago</span>`) is another field, not the sentence running on, and neither is a device drawn before the data
 * type. The words of a sentence are in the run itself: `Failure to connect`, or `<b>…Failure</b>, check DNS`.
 */
export function runAfter(node: CharacterData, offset: number, row: Element): string {
  return readRun(node, offset, row, 1);
}

export function runBefore(node: CharacterData, offset: number, row: Element): string {
  return readRun(node, offset, row, -1);
}

function readRun(node: CharacterData, offset: number, row: Element, step: 1 | -1): string {
  const parts = [step === 1 ? node.data.slice(offset) : node.data.slice(0, offset)];
  let read = nonSpace(parts[0] ?? '');
  let done = false;
  const next = (at: Node) => (step === 1 ? at.nextSibling : at.previousSibling);
  for (let current: Node = node; current !== row && !done; ) {
    for (let sibling = next(current); sibling && !done; sibling = next(sibling)) {
      if (isText(sibling)) {
        parts.push(sibling.data);
        read += nonSpace(sibling.data);
        if (read > RUN_BUDGET) done = true;
      } else if (isElement(sibling) && isShownSelf(sibling) && (isBreak(sibling) || !isPhrasing(sibling))) {
        done = true;
      }
      // Any other element (an inline one, hidden or not) is another field of the row: skipped, not read.
    }
    const parent: Element | null = current.parentElement;
    if (!parent || parent === row || !isPhrasing(parent)) break;
    current = parent;
  }
  if (step === -1) parts.reverse();
  return parts.join('');
}

/**
 * Inline elements that end a run of text: a line break, and a timestamp (`<time>`), which a list item or a
 * Message Center entry prints after its text ("… - Failure May 14, 2025 09:41") and never belongs to a sentence.
 */
function isBreak(element: Element): boolean {
  return element.localName === 'br' || element.localName === 'time';
}

function nonSpace(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 32) count++;
  return count;
}

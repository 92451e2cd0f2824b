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
/** And after it, up to the end of its run: enough to tell a label from a sentence. */
const AFTER_BUDGET = 60;

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
 * The visible text after `offset` in `node` up to the end of its run: the first box boundary, the end of the
 * row, or enough text to tell a sentence.
 */
export function runAfter(node: CharacterData, offset: number, row: Element): string {
  let text = node.data.slice(offset);
  let done = false;
  const visit = (child: Node): void => {
    if (done) return;
    if (isText(child)) {
      text += child.data;
      if (nonSpace(text) > AFTER_BUDGET) done = true;
    } else if (isElement(child) && isShownSelf(child)) {
      if (isBreak(child) || !isPhrasing(child)) {
        done = true;
        return;
      }
      for (let first = child.firstChild; first && !done; first = first.nextSibling) visit(first);
    }
  };
  for (let current: Node = node; current !== row && !done; ) {
    for (let sibling = current.nextSibling; sibling && !done; sibling = sibling.nextSibling) visit(sibling);
    const parent: Element | null = current.parentElement;
    if (!parent || parent === row || !isPhrasing(parent)) break;
    current = parent;
  }
  return text;
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

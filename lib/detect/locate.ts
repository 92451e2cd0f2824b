import { DOCUMENT_NODE, SHOW_TEXT_AND_CDATA } from './dom';
import { type CompiledMatchers, resultScanner } from './matchers';

/** A result word ("Failure") found in the page's shown text, before deciding whether a row reports it. */
export interface LocatedResult {
  /** The word as the page spells it. */
  word: string;
  /** The text node where the word starts, and the offset there. */
  first: CharacterData;
  start: number;
  /** The text node where it ends, and the offset just after it there. */
  last: CharacterData;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Finds the result words in `root`'s text, in document order. One regex pass over `textContent` does the
 * searching (a page without a result word costs just that); a single walk over the text nodes (the pieces
 * `textContent` is made of, in the same order) then turns each match's offsets into nodes. Only words made of
 * shown text count.
 */
export function locateResults(
  root: Document | Element,
  compiled: CompiledMatchers,
  shown: (element: Element) => boolean,
): LocatedResult[] {
  const container = root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : (root as Element);
  const pattern = resultScanner(compiled);
  if (!container || !pattern) return [];
  const text = container.textContent ?? '';
  const spans: { word: string; start: number; end: number }[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  if (spans.length === 0 || !compiled.dataTypes?.test(text)) return [];

  const walker = container.ownerDocument.createTreeWalker(container, SHOW_TEXT_AND_CDATA);
  let node = walker.nextNode() as CharacterData | null;
  let nodeStart = 0;
  /** Moves to the text node holding `offset`, collecting the nodes entered on the way. */
  const advanceTo = (offset: number, passed: CharacterData[]) => {
    while (node && nodeStart + node.data.length <= offset) {
      nodeStart += node.data.length;
      node = walker.nextNode() as CharacterData | null;
      if (node) passed.push(node);
    }
    return node;
  };

  const found: LocatedResult[] = [];
  for (const span of spans) {
    const first = advanceTo(span.start, []);
    if (!first) break;
    const start = span.start - nodeStart;
    const nodes = [first];
    const last = advanceTo(span.end - 1, nodes);
    if (!last) break;
    const end = span.end - nodeStart;
    // textContent glues adjacent cells together, so word boundaries are only checked inside one text node.
    const before = first.data[start - 1];
    const after = last.data[end];
    if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
    if (!nodes.every((piece) => piece.parentElement && shown(piece.parentElement))) continue;
    found.push({ word: span.word, first, start, last, end });
  }
  return found;
}

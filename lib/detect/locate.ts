import { DOCUMENT_NODE, SHOW_TEXT_AND_CDATA } from './dom';
import { type CompiledMatchers, matcherIndex, scanner } from './matchers';

/** An alert string found in the page's text, before deciding whether a row reports it. */
export interface LocatedAlert {
  /** Index into `compiled.matchers`. */
  index: number;
  /** The smallest element whose text holds the whole alert string. */
  label: Element;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Finds the alert strings in `root`'s text, in document order. One regex pass over `textContent` does the
 * searching; a single walk over the text nodes (the pieces `textContent` is made of, in the same order) then
 * turns each match's offsets into nodes. Only matches made of shown text count.
 */
export function locateAlerts(
  root: Document | Element,
  compiled: CompiledMatchers,
  shown: (element: Element) => boolean,
): LocatedAlert[] {
  const container = root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : (root as Element);
  const pattern = scanner(compiled);
  if (!container || !pattern) return [];
  const text = container.textContent ?? '';
  const spans: { index: number; start: number; end: number }[] = [];
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    spans.push({ index: matcherIndex(match), start: match.index, end: match.index + match[0].length });
  }
  if (spans.length === 0) return [];

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

  const found: LocatedAlert[] = [];
  for (const span of spans) {
    const first = advanceTo(span.start, []);
    if (!first) break;
    const firstStart = nodeStart;
    const nodes = [first];
    const last = advanceTo(span.end - 1, nodes);
    if (!last) break;
    // textContent glues adjacent cells together, so word boundaries are only checked inside one text node.
    const before = first.data[span.start - firstStart - 1];
    const after = last.data[span.end - nodeStart];
    if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
    if (!nodes.every((piece) => piece.parentElement && shown(piece.parentElement))) continue;
    const label = commonAncestor(first, last);
    if (label) found.push({ index: span.index, label });
  }
  return found;
}

function commonAncestor(first: Node, last: Node): Element | null {
  const ancestors = new Set<Element>();
  for (let element = first.parentElement; element; element = element.parentElement) ancestors.add(element);
  for (let element = last.parentElement; element; element = element.parentElement) {
    if (ancestors.has(element)) return element;
  }
  return null;
}

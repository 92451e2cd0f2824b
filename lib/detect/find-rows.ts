import { BREAK, nodeAt, runAfter, runBefore, type TextBefore, textBefore } from './context';
import { locateResults } from './locate';
import { type CompiledMatchers, matchTail } from './matchers';
import { isProse } from './prose';
import { anchorOf, hintAfter, isQuoted, rowOf } from './rows';
import type { AlertRowMatch } from './types';
import { createVisibility } from './visibility';

/**
 * The rows under `root` that report a failing health check, by their visible text, in document order: one
 * match per row (the knowledge base's first entry when a row reports several), the innermost row when rows
 * nest. A row reports a check when, inside it, the data type's name is followed by a result word with only
 * white space, a dash, a colon, a cell boundary or an icon between (the seed's `Cisco Cloud Configuration` |
 * `Failure`, or the joined `Threat Data Updates - Cisco Cloud Configuration - Failure`). The result word ends
 * at an element boundary or where its run of text ends (a box, a `<br>`, a `<time>`): the row's other fields in
 * elements of their own, after it or before the data type (a device, a time, "3 min ago", a status), are not
 * read, while a word running on in the same run ("Failure to connect") makes it prose (issue 18; ./prose.ts).
 * A row may sit above `root` when `root` is a changed part of it.
 */
export function findAlertRows(root: Document | Element, compiled: CompiledMatchers): AlertRowMatch[] {
  const byRow = new Map<Element, { match: AlertRowMatch; priority: number }>();
  for (const found of candidates(root, compiled)) {
    const known = byRow.get(found.match.row);
    if (!known || found.priority < known.priority) byRow.set(found.match.row, found);
  }
  const matches = [...byRow.values()].map(({ match }) => match);
  // A row that holds another matched row is its container, not the row reporting the alert.
  const containers = new Set<Element>();
  for (const { row } of matches) {
    for (
      let element = row.parentElement;
      element && !containers.has(element);
      element = element.parentElement
    ) {
      containers.add(element);
    }
  }
  return matches.filter(({ row }) => !containers.has(row));
}

/** After a mutation: whether the row is still in the page and still reports the same alert. */
export function rowStillMatches(match: AlertRowMatch, compiled: CompiledMatchers): boolean {
  if (!match.row.isConnected) return false;
  return findAlertRows(match.row, compiled).some((found) => found.row === match.row && found.id === match.id);
}

function candidates(
  root: Document | Element,
  compiled: CompiledMatchers,
): { match: AlertRowMatch; priority: number }[] {
  const found: { match: AlertRowMatch; priority: number }[] = [];
  // A root inside a row is read as its whole row: the data type may sit in a sibling cell.
  const scope = root.nodeType === 1 ? (rowOf(root as Element) ?? root) : root;
  for (const result of locateResults(scope, compiled, createVisibility())) {
    const holder = result.first.parentElement;
    const last = result.last.parentElement;
    const row = holder && rowOf(holder);
    if (!holder || !last || !row || isQuoted(holder)) continue;
    const before = textBefore(result.first, result.start, row);
    const tail = matchTail(before.text, result.word, compiled);
    const typeNode = tail && nodeAt(before, tail.start);
    if (!tail || !typeNode || !startsWord(before, tail.start, typeNode)) continue;
    // Whether it is prose is judged on the label's own run: the row's other fields (a device, a time, a
    // status in elements of their own, before or after) are not words of a sentence. The label starts at the
    // module's name when it comes right before the data type, in the same box (it may be split by inline
    // markup, even inside a word: `<em>T</em><em>hreat Data Updates</em>`).
    const labelStart = moduleStart(before, tail.start, compiled) ?? tail.start;
    const labelNode = nodeAt(before, labelStart) ?? typeNode;
    const head = runBefore(labelNode, labelStart - pieceAt(before, labelNode), row);
    const after = runAfter(result.last, result.end, row);
    const heading = typeNode.parentElement?.closest(HEADINGS);
    const inHeading = heading ? row.contains(heading) : false;
    if (isProse(head, after, compiled, inHeading)) continue;
    const label = commonAncestor(typeNode, result.last) ?? row;
    const anchor = anchorOf(last, label, row);
    found.push({
      match: { id: tail.matcher.id, row, label, anchor, after: hintAfter(result.last, anchor) },
      priority: compiled.matchers.indexOf(tail.matcher),
    });
  }
  return found;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Whether the data type starts a word. Checked inside its text node only: `textContent`-like reading glues
 * adjacent inline elements, which a page sets apart with CSS (`<span>ftd-02</span><span>Cisco…</span>`).
 */
function startsWord(before: TextBefore, at: number, node: CharacterData): boolean {
  return at === pieceAt(before, node) || !WORD_CHAR.test(before.text[at - 1] ?? '');
}

/** Where the module's name starts when it ends right before the data type, with no box boundary between. */
function moduleStart(before: TextBefore, typeStart: number, compiled: CompiledMatchers): number | null {
  const text = before.text.slice(0, typeStart);
  const found = compiled.moduleTail?.exec(text);
  return found && !text.includes(BREAK, found.index) ? found.index : null;
}

/** Where a text node's piece starts in a `TextBefore` (the node is one of its pieces). */
function pieceAt(before: TextBefore, node: CharacterData): number {
  return before.pieces.find((piece) => piece.node === node)?.at ?? 0;
}

function commonAncestor(first: Node, last: Node): Element | null {
  const ancestors = new Set<Element>();
  for (let element = first.parentElement; element; element = element.parentElement) ancestors.add(element);
  for (let element = last.parentElement; element; element = element.parentElement) {
    if (ancestors.has(element)) return element;
  }
  return null;
}

import { BREAK, nodeAt, runAfter, type TextBefore, textBefore } from './context';
import { locateResults } from './locate';
import { type CompiledMatchers, matchTail } from './matchers';
import { isProse } from './prose';
import { anchorOf, isQuoted, rowOf } from './rows';
import type { AlertRowMatch } from './types';
import { createVisibility } from './visibility';

/**
 * The rows under `root` that report a failing health check, by their visible text, in document order: one
 * match per row (the knowledge base's first entry when a row reports several), the innermost row when rows
 * nest. A row reports a check when, inside it, the data type's name is followed by a result word with only
 * white space, a dash, a colon, a cell boundary or an icon between (the seed's `Cisco Cloud Configuration` |
 * `Failure`, or the joined `Threat Data Updates - Cisco Cloud Configuration - Failure`). A row may sit above
 * `root` when `root` is a changed part of it.
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
    const runStart = before.text.lastIndexOf(BREAK, tail.start - 1) + 1;
    const after = runAfter(result.last, result.end, row);
    const heading = typeNode.parentElement?.closest(HEADINGS);
    const inHeading = heading ? row.contains(heading) : false;
    if (isProse(before.text.slice(runStart, tail.start), after, compiled, inHeading)) continue;
    const label = commonAncestor(typeNode, result.last) ?? row;
    found.push({
      match: { id: tail.matcher.id, row, label, anchor: anchorOf(last, label, row) },
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
  const piece = before.pieces.find((candidate) => candidate.node === node);
  return !piece || at === piece.at || !WORD_CHAR.test(before.text[at - 1] ?? '');
}

function commonAncestor(first: Node, last: Node): Element | null {
  const ancestors = new Set<Element>();
  for (let element = first.parentElement; element; element = element.parentElement) ancestors.add(element);
  for (let element = last.parentElement; element; element = element.parentElement) {
    if (ancestors.has(element)) return element;
  }
  return null;
}

import { locateAlerts } from './locate';
import { type CompiledMatchers, scanner } from './matchers';
import { isProse } from './prose';
import { anchorOf, rowOf } from './rows';
import type { AlertRowMatch } from './types';
import { createVisibility } from './visibility';

/**
 * The rows under `root` that report a failing health check, by their visible text, in document order: one
 * match per row, the innermost row when rows nest. A row may sit above `root` when `root` is a changed part of
 * it.
 */
export function findAlertRows(root: Document | Element, compiled: CompiledMatchers): AlertRowMatch[] {
  const matches: AlertRowMatch[] = [];
  const rows = new Set<Element>();
  for (const match of candidates(root, compiled)) {
    if (rows.has(match.row)) continue;
    rows.add(match.row);
    matches.push(match);
  }
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
  return candidates(match.row, compiled).some((found) => found.row === match.row && found.id === match.id);
}

function candidates(root: Document | Element, compiled: CompiledMatchers): AlertRowMatch[] {
  const found: AlertRowMatch[] = [];
  const anyAlert = scanner(compiled);
  for (const { index, label } of locateAlerts(root, compiled, createVisibility())) {
    const matcher = compiled.matchers[index];
    const phrase = compiled.phrases[index];
    const row = rowOf(label);
    if (!matcher || !phrase || !anyAlert || !row || isProse(label, phrase, anyAlert)) continue;
    found.push({ id: matcher.id, row, label, anchor: anchorOf(label, row) });
  }
  return found;
}

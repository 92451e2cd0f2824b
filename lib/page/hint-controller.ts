import { type CompiledMatchers, findAlertRows, HINT_ATTRIBUTE, rowOf, rowStillMatches } from '../detect';
import type { AlertRowMatch } from '../detect/types';
import type { MutationBatch } from './mutation-batcher';

export { HINT_ATTRIBUTE } from '../detect';

export interface MountedHint {
  host: Element;
  unmount(): void;
}

export interface HintControllerOptions {
  compiled: CompiledMatchers;
  mount(match: AlertRowMatch): MountedHint;
  onCountChange(count: number): void;
  /**
   * Report a first count of 0 too. For a sub-frame: it may load a new document while its tab does not, and
   * only the tab's load clears the counts, so the previous document's count would otherwise stay on the badge.
   */
  reportZeroAtStart?: boolean;
}

/**
 * Keeps exactly one hint on each failing row: adds hints to new rows, removes them from rows that
 * recovered or were replaced, and reports the count when it changes.
 */
export function createHintController(doc: Document, options: HintControllerOptions) {
  const hints = new Map<Element, { match: AlertRowMatch; hint: MountedHint }>();
  // The background takes a frame's count for 0 until told (entrypoints/background.ts forgets a tab's counts
  // when the tab loads), so a frame without hints says nothing: an FMC page without failing rows costs the
  // worker no storage write and no badge call. A count that drops to 0 is still reported.
  let reported = options.reportZeroAtStart ? -1 : 0;

  const add = (match: AlertRowMatch) => {
    if (hints.has(match.row) || match.row.querySelector(`[${HINT_ATTRIBUTE}]`)) return;
    hints.set(match.row, { match, hint: options.mount(match) });
  };

  const scan = (root: Element) => {
    for (const match of findAlertRows(root, options.compiled)) add(match);
  };

  const revalidate = () => {
    for (const [row, { match, hint }] of hints) {
      if (!hint.host.isConnected || !rowStillMatches(match, options.compiled)) {
        hint.unmount();
        hints.delete(row);
      }
    }
  };

  const report = () => {
    if (hints.size !== reported) {
      reported = hints.size;
      options.onCountChange(reported);
    }
  };

  return {
    /** The first pass, on a page that may already hold its rows. */
    start() {
      // findAlertRows rejects a page without any alert string after one regex pass over its text.
      if (doc.body) scan(doc.body);
      report();
    },
    handleBatch(batch: MutationBatch) {
      if (hints.size > 0) revalidate();
      for (const root of localRoots(batch)) if (root.isConnected) scan(root);
      report();
    },
    count: () => hints.size,
    stop() {
      for (const { hint } of hints.values()) hint.unmount();
      hints.clear();
    },
  };
}

/**
 * The places to rescan: each changed place widened to its row (a result word may arrive beside a data type
 * already there), a place outside any row as it is, without nested duplicates. A parent that only lost
 * children counts only inside a row. The cost follows what the page changed, never the page's size: a busy
 * table whose rows are replaced costs its new rows.
 */
function localRoots(batch: MutationBatch): Element[] {
  const roots = new Set<Element>();
  for (const target of batch.targets) roots.add(rowOf(target) ?? target);
  for (const parent of batch.removedFrom) {
    const row = rowOf(parent);
    if (row) roots.add(row);
  }
  mergeSiblings(roots);
  const outermost: Element[] = [];
  for (const root of roots) {
    let nested = false;
    for (let element = root.parentElement; element && !nested; element = element.parentElement) {
      nested = roots.has(element);
    }
    if (!nested) outermost.push(root);
  }
  return outermost;
}

/** Past this many new children of one parent, reading the parent once beats reading each child. */
const MERGE_AT = 16;

/**
 * Rows inserted together (a table filled at once) are read through their parent in one pass, when they make
 * up most of it; a few rows replaced in a big table are still read one by one.
 */
function mergeSiblings(roots: Set<Element>): void {
  if (roots.size < MERGE_AT) return;
  const byParent = new Map<Element, Element[]>();
  for (const root of roots) {
    const parent = root.parentElement;
    if (!parent) continue;
    const children = byParent.get(parent);
    if (children) children.push(root);
    else byParent.set(parent, [root]);
  }
  for (const [parent, children] of byParent) {
    if (children.length < MERGE_AT || children.length * 2 < parent.childElementCount) continue;
    for (const child of children) roots.delete(child);
    roots.add(rowOf(parent) ?? parent);
  }
}

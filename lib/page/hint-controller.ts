import { type CompiledMatchers, findAlertRows, HINT_ATTRIBUTE, rowStillMatches } from '../detect';
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
}

/** Changed nodes this far below a row still let us find the row (row > cell > span > text). */
const ROW_CLIMB = 4;
/** Past this many changed places in one batch, one pass over the document is cheaper than many small ones. */
const MAX_LOCAL_ROOTS = 32;

/**
 * Keeps exactly one hint on each failing row: adds hints to new rows, removes them from rows that
 * recovered or were replaced, and reports the count when it changes.
 */
export function createHintController(doc: Document, options: HintControllerOptions) {
  const hints = new Map<Element, { match: AlertRowMatch; hint: MountedHint }>();
  let reported = -1;

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
      const roots = localRoots(batch.targets);
      if (roots === null) {
        if (doc.body) scan(doc.body);
      } else {
        for (const root of roots) if (root.isConnected) scan(root);
      }
      report();
    },
    count: () => hints.size,
    stop() {
      for (const { hint } of hints.values()) hint.unmount();
      hints.clear();
    },
  };
}

/** The changed places, each widened to where its row can be, without nested duplicates; null: too many. */
function localRoots(targets: Set<Element>): Element[] | null {
  if (targets.size > MAX_LOCAL_ROOTS) return null;
  const widened = new Set<Element>();
  for (const target of targets) {
    let element = target;
    for (
      let i = 0;
      i < ROW_CLIMB && element.parentElement && element.parentElement !== element.ownerDocument.body;
      i++
    ) {
      element = element.parentElement;
    }
    widened.add(element);
  }
  const all = [...widened];
  return all.filter((element) => !all.some((other) => other !== element && other.contains(element)));
}

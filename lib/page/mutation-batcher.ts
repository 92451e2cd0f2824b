/**
 * One MutationObserver for the whole document; mutations are batched and handled once per animation frame
 * (uBlock Origin's pattern), so a single-page app that re-renders thousands of nodes costs one pass.
 * A timer backs the frame up: hidden tabs and iframes get no animation frames.
 */
export interface MutationBatch {
  /**
   * Where content arrived: each added element, and the parent of added or changed text. Not the parent of an
   * added element: a table whose rows an app replaces is not rescanned whole, only its new rows.
   */
  targets: Set<Element>;
  /** Parents that only lost children: a removal can join a row's text, never create a row. */
  removedFrom: Set<Element>;
}

const FALLBACK_DELAY_MS = 250;

export function watchMutations(
  doc: Document,
  onBatch: (batch: MutationBatch) => void,
  ignore: (node: Node) => boolean,
): () => void {
  let targets = new Set<Element>();
  let removedFrom = new Set<Element>();
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const view = doc.defaultView;

  const flush = () => {
    if (frame) view?.cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = 0;
    timer = undefined;
    const batch = { targets, removedFrom };
    targets = new Set();
    removedFrom = new Set();
    onBatch(batch);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target =
        record.target.nodeType === Node.ELEMENT_NODE
          ? (record.target as Element)
          : record.target.parentElement;
      if (!target || ignore(target)) continue;
      if (record.type !== 'childList') {
        targets.add(target);
        continue;
      }
      let added = false;
      for (const node of record.addedNodes) {
        if (ignore(node)) continue;
        added = true;
        targets.add(node.nodeType === Node.ELEMENT_NODE ? (node as Element) : target);
      }
      if (!added && record.removedNodes.length > 0 && !onlyIgnored(record, ignore)) removedFrom.add(target);
    }
    if ((targets.size > 0 || removedFrom.size > 0) && !frame && timer === undefined) {
      frame = view?.requestAnimationFrame(flush) ?? 0;
      timer = setTimeout(flush, FALLBACK_DELAY_MS);
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    if (frame) view?.cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Our own hint insertions and removals must not wake us up again. */
function onlyIgnored(record: MutationRecord, ignore: (node: Node) => boolean): boolean {
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(ignore);
}

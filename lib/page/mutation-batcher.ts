/**
 * One MutationObserver for the whole document; mutations are batched and handled once per animation frame
 * (uBlock Origin's pattern), so a single-page app that re-renders thousands of nodes costs one pass.
 * A timer backs the frame up: hidden tabs and iframes get no animation frames.
 */
export interface MutationBatch {
  /** Elements whose subtree changed (added nodes, changed children, changed text). */
  targets: Set<Element>;
}

const FALLBACK_DELAY_MS = 250;

export function watchMutations(
  doc: Document,
  onBatch: (batch: MutationBatch) => void,
  ignore: (node: Node) => boolean,
): () => void {
  let targets = new Set<Element>();
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const view = doc.defaultView;

  const flush = () => {
    if (frame) view?.cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = 0;
    timer = undefined;
    const batch = { targets };
    targets = new Set();
    onBatch(batch);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target =
        record.target.nodeType === Node.ELEMENT_NODE
          ? (record.target as Element)
          : record.target.parentElement;
      if (!target || ignore(target)) continue;
      if (record.type === 'childList' && onlyIgnored(record, ignore)) continue;
      targets.add(target);
    }
    if (targets.size > 0 && !frame && timer === undefined) {
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

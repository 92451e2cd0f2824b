import type { AlertRowMatch, CompiledMatchers } from '../detect';
import { createHintController, HINT_ATTRIBUTE, type MountedHint } from './hint-controller';
import { watchMutations } from './mutation-batcher';

export interface PageHints {
  /** How many hints the page shows now. */
  count(): number;
  /** Stops watching the page and removes every hint. */
  stop(): void;
}

/**
 * Hints on the page's failing rows, now and as the page changes: the first scan, then one batched
 * MutationObserver (lib/page/mutation-batcher.ts) that ignores our own hints. An error stops the hints of this
 * page with one line in the console, never breaks the FMC page.
 */
export function startHints(
  doc: Document,
  options: {
    compiled: CompiledMatchers;
    mount(match: AlertRowMatch): MountedHint;
    onCountChange(count: number): void;
    reportZeroAtStart?: boolean;
  },
): PageHints {
  let logged = false;
  const guarded =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      try {
        fn(...args);
      } catch (error) {
        // One line in the console, never a broken FMC page.
        if (!logged) console.warn('[FMC Cloud Doctor] hints stopped on this page:', error);
        logged = true;
      }
    };

  const controller = createHintController(doc, options);
  guarded(() => controller.start())();
  const stopWatching = watchMutations(
    doc,
    guarded((batch) => controller.handleBatch(batch)),
    (node) => node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(HINT_ATTRIBUTE),
  );
  return {
    count: controller.count,
    stop() {
      stopWatching();
      controller.stop();
    },
  };
}

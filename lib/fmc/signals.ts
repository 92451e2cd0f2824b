/**
 * Child signals of one parent through a single listener. A collection runs hundreds of requests under one
 * signal; one listener each would make Node warn about a leak and cost the browser a long listener list.
 */
export interface SignalFanOut {
  run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T>;
  close(): void;
}

export function signalFanOut(parent: AbortSignal | undefined): SignalFanOut {
  const children = new Set<AbortController>();
  const onAbort = () => {
    for (const child of children) child.abort(parent?.reason);
  };
  parent?.addEventListener('abort', onAbort, { once: true });
  return {
    async run(task) {
      const child = new AbortController();
      if (parent?.aborted) child.abort(parent.reason);
      children.add(child);
      try {
        return await task(child.signal);
      } finally {
        children.delete(child);
      }
    },
    close: () => parent?.removeEventListener('abort', onAbort),
  };
}

/** Thrown when a lookup outlives its deadline; distinct from the caller's own abort, which is not an outcome. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The lookup was aborted', 'AbortError');
}

/**
 * Runs `task` with a signal that aborts at the deadline or when `outer` aborts. The race does not trust the
 * task to honour its signal: an injected fetch or Firefox's `dns.resolve` (which takes no signal) may not.
 */
export async function withDeadline<T>(
  task: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<T> {
  if (outer?.aborted) throw abortReason(outer);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onOuterAbort: (() => void) | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      timer = setTimeout(() => {
        const error = new DeadlineError(timeoutMs);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
      onOuterAbort = () => {
        const reason = abortReason(outer as AbortSignal);
        controller.abort(reason);
        reject(reason);
      };
      outer?.addEventListener('abort', onOuterAbort, { once: true });
      task(controller.signal).then(resolve, reject);
    });
  } finally {
    clearTimeout(timer);
    if (onOuterAbort) outer?.removeEventListener('abort', onOuterAbort);
  }
}

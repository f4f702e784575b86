/** How long to wait, and what may end the wait early. */
export interface WaitForRenderOptions {
  /** Aborts the wait: the promise rejects with the signal's reason. */
  signal: AbortSignal;
  /** After this long without a match, the promise resolves with null. */
  timeoutMs: number;
  /** Attributes whose changes also count as a DOM change; without it, attribute changes are not watched. */
  attributeFilter?: string[];
}

/**
 * Resolves with what `find` returns once it is non-null: now, or after a DOM change under `root`;
 * null after `timeoutMs`. Rejects with the signal's reason when aborted (at once if it already is),
 * and with `find`'s error if it throws. The observer is always disconnected and the timer cleared.
 *
 * Helpdesks are single-page apps that draw a ticket some time after the URL changed: adapters wait
 * here, never in a polling loop, so an idle page costs nothing.
 */
export function waitForRender<T>(root: Node, find: () => T | null, options: WaitForRenderOptions): Promise<T | null> {
  const { signal, timeoutMs, attributeFilter } = options;
  return new Promise<T | null>((resolve, reject) => {
    signal.throwIfAborted();
    const now = find();
    if (now != null) return resolve(now);

    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => finish(() => reject(signal.reason));
    const observer = new MutationObserver(() => {
      if (done) return;
      try {
        const found = find();
        if (found != null) finish(() => resolve(found));
      } catch (error) {
        finish(() => reject(error));
      }
    });
    const timer = setTimeout(() => finish(() => resolve(null)), timeoutMs);
    observer.observe(
      root,
      attributeFilter
        ? { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter }
        : { childList: true, subtree: true, characterData: true },
    );
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

import type { Channel } from '../schemas/common';
import type { TicketContext } from '../schemas/ticket';
import { placeholderTicket, type Helpdesk, type TicketRef } from './define-helpdesk';

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

/** How a page adapter finds and reads the view of one ticket (see `readRenderedView`). */
export interface ViewReader {
  /** The element that shows this ticket, or null while the page shows none or another one. */
  find: (document: Document, ref: TicketRef) => Element | null;
  /** Whether the view has drawn its conversation yet; until then the read waits (default: at once). */
  ready?: (view: Element) => boolean;
  read: (ref: TicketRef, view: Element, document: Document) => TicketContext;
  timeoutMs: number;
  /** Attributes whose changes may make `find` or `ready` true. */
  attributeFilter: string[];
  /** The sentence shown when the page never showed this ticket. */
  missing: string;
  /** The channel of a ticket that could not be read, where the helpdesk has one only. */
  channel?: Channel;
}

/**
 * A `readTicket` for adapters that read the page: waits for the view of this ticket with its
 * conversation drawn, never taking another ticket's view still on screen, and reads it. Past the
 * wait, a view without a conversation is still this ticket's and is read as it is; no view at all
 * gives the URL's ticket with `missing` as its problem. Rejects once the user has left.
 */
export function readRenderedView(reader: ViewReader): Helpdesk['readTicket'] {
  return async (ref, { document, signal }) => {
    const { find, ready = () => true, timeoutMs, attributeFilter } = reader;
    const drawn = () => {
      const view = find(document, ref);
      return view && ready(view) ? view : null;
    };
    const view = (await waitForRender(document, drawn, { signal, timeoutMs, attributeFilter })) ?? find(document, ref);
    signal.throwIfAborted();
    return view ? reader.read(ref, view, document) : { ...placeholderTicket(ref, reader.channel), problem: reader.missing };
  };
}

/**
 * The first element matching `selector` if its `attribute` is `id`, else null: the view the page
 * shows, only when it shows this ticket. Compares values, so ids need no escaping for CSS.
 */
export function viewFor(document: Document, selector: string, attribute: string, id: string): Element | null {
  const view = document.querySelector(selector);
  return view?.getAttribute(attribute) === id ? view : null;
}

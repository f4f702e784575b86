import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentCommand } from '../messaging/contracts';
import { DEFAULT_PANEL_LAYOUT } from '../messaging/panel-layout';
import { placeholderTicket, type Helpdesk, type TicketRef } from '../helpdesks/define-helpdesk';
import type { TicketContext } from '../schemas/ticket';
import { boundTicket } from '../schemas/ticket-limits';
import { PanelFrame } from './panel-frame';
import { sendToBackground } from './send-to-background';

/**
 * Firefox gives content scripts `content.fetch`, which sends the page's own cookies and origin as
 * the helpdesk's web app does; the global fetch there runs as the extension.
 */
function pageFetch(input: URL, init: RequestInit): Promise<Response> {
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return content?.fetch ? content.fetch(input, init) : fetch(input, init);
}

/** How long a read may take before the panel shows the ticket's id alone. */
const SLOW_READ_MS = 150;

/**
 * A fresh secret for this page's panel, 128 random bits in hex (getRandomValues, unlike
 * randomUUID, works on the plain-http sites a user may enable).
 */
function newFrameToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Follows the helpdesk app as it moves between tickets without reloading. Each ticket is reported
 * by its id at once; it is read (API or page) and reported whole only while the panel is open, so
 * no customer data leaves the page while the user keeps the panel closed. A read still
 * under way for a ticket the user has left is aborted, and its answer is dropped, so one ticket's
 * data never lands under another's id.
 */
export function watchTickets(ctx: ContentScriptContext, helpdesk: Helpdesk): void {
  /** The ticket on screen: `announced` once reported by id, `read` once a read has started. */
  let current: { key: string; ref: TicketRef; announced: boolean; read: boolean } | null = null;
  let reading: AbortController | null = null;
  let slowReadTimer: ReturnType<typeof setTimeout> | undefined;
  // Names this page's panel to the worker: only the panel framed here is shown what it reports.
  const frameToken = newFrameToken();
  const report = (ticket: TicketContext | null) => sendToBackground('ticket/observed', { ticket, frame: frameToken });

  const stopReading = () => {
    reading?.abort();
    reading = null;
    clearTimeout(slowReadTimer);
  };

  /** Reads the current ticket and reports it, once per ticket visit. */
  const readCurrent = () => {
    const ticket = current;
    if (!ticket || ticket.read || !ctx.isValid) return;
    ticket.read = true;
    const controller = (reading = new AbortController());
    const signal = controller.signal;
    // A read usually takes milliseconds and one message then carries the whole ticket. A slow read
    // (a long conversation, a slow API) gets the id reported first, so the panel is not left empty.
    if (!ticket.announced) slowReadTimer = setTimeout(() => void report(placeholderTicket(ticket.ref)), SLOW_READ_MS);
    const settle = (read: TicketContext) => {
      if (signal.aborted || current !== ticket) return;
      clearTimeout(slowReadTimer);
      // Every adapter's reading passes here: the whole transcript is bounded once for all of them.
      void report(boundTicket(read));
    };
    const fetchSameOrigin = (path: string, init?: { headers?: Record<string, string> }) =>
      pageFetch(new URL(path, location.origin), { credentials: 'same-origin', signal, headers: { ...init?.headers, accept: 'application/json' } });
    helpdesk
      .readTicket(ticket.ref, { document, fetch: fetchSameOrigin, signal })
      .then(settle)
      .catch((error: unknown) => settle({ ...placeholderTicket(ticket.ref), problem: `Could not read the ticket: ${String(error)}`.slice(0, 1000) }));
  };

  const frame = new PanelFrame({ onOpen: readCurrent, frameToken });

  // The Navigation API announces a pushState before `location` changes: trust the event's URL.
  const onLocation = (url: URL) => {
    const ref = helpdesk.ticketFromUrl(url);
    const key = ref ? `${ref.helpdesk}:${ref.ticketId}` : null;
    if (key === (current?.key ?? null)) return;
    stopReading();
    current = ref && key ? { key, ref, announced: false, read: false } : null;
    if (!current) {
      frame.unmount();
      void report(null);
      return;
    }
    if (!ctx.isValid) return;
    if (frame.isMounted && frame.isOpen) return readCurrent();
    // The first ticket of a page: its id tells the worker which ticket the tab shows, and the answer
    // says whether the user left the panel open (then it opens and the ticket is read) or closed.
    const visit = current;
    visit.announced = true;
    void report(placeholderTicket(visit.ref)).then((reply) => {
      if (current !== visit || frame.isMounted) return;
      frame.mount(reply?.layout ?? DEFAULT_PANEL_LAYOUT);
    });
  };

  browser.runtime.onMessage.addListener((message: ContentCommand) => {
    if (!frame.isMounted) return;
    if (message?.type === 'panel/toggle') frame.toggle();
    else if (message?.type === 'panel/close') frame.setOpen(false, true);
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => onLocation(event.newUrl));
  ctx.onInvalidated(() => {
    stopReading();
    frame.unmount();
  });
  onLocation(new URL(location.href));
}

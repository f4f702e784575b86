import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentCommand } from '../messaging/contracts';
import { DEFAULT_PANEL_LAYOUT } from '../messaging/panel-layout';
import { placeholderTicket, type Helpdesk } from '../helpdesks/define-helpdesk';
import type { TicketContext } from '../schemas/ticket';
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

/** How long a read may take before the panel opens with the ticket's id only. */
const SLOW_READ_MS = 150;

function report(ticket: TicketContext | null) {
  return sendToBackground('ticket/observed', { ticket });
}

/**
 * Follows the helpdesk app as it moves between tickets without reloading: reports each ticket as
 * soon as it is read (or by its id first, when reading is slow). A read still under way for a ticket the user has
 * left is aborted, and its answer is dropped, so one ticket's data never lands under another's id.
 */
export function watchTickets(ctx: ContentScriptContext, helpdesk: Helpdesk): void {
  const frame = new PanelFrame();
  let mounted = false;
  let currentKey: string | null = null;
  let reading: AbortController | null = null;
  let slowReadTimer: ReturnType<typeof setTimeout> | undefined;

  const stopReading = () => {
    reading?.abort();
    reading = null;
    clearTimeout(slowReadTimer);
  };

  /** Reports what is known of the ticket; the first report of a page also mounts the panel. */
  const show = (key: string, ticket: TicketContext) => {
    const reported = report(ticket);
    if (mounted) return;
    mounted = true;
    void reported.then((reply) => currentKey === key && frame.mount(reply?.layout ?? DEFAULT_PANEL_LAYOUT));
  };

  // The Navigation API announces a pushState before `location` changes: trust the event's URL.
  const onLocation = (url: URL) => {
    const ref = helpdesk.ticketFromUrl(url);
    const key = ref ? `${ref.helpdesk}:${ref.ticketId}` : null;
    if (key === currentKey) return;
    currentKey = key;
    stopReading();
    if (!ref || !key) {
      if (mounted) frame.unmount();
      mounted = false;
      void report(null);
      return;
    }
    if (!ctx.isValid) return;
    const controller = (reading = new AbortController());
    const signal = controller.signal;
    // A read usually takes milliseconds, and then one message carries the whole ticket: every
    // message costs the helpdesk's main thread. A slow read (a long conversation, a slow API) gets
    // the ticket's id reported first, so the panel opens at once and fills in on arrival.
    slowReadTimer = setTimeout(() => show(key, placeholderTicket(ref)), SLOW_READ_MS);
    const settle = (ticket: TicketContext) => {
      if (signal.aborted || currentKey !== key) return;
      clearTimeout(slowReadTimer);
      show(key, ticket);
    };
    const fetchSameOrigin = (path: string) =>
      pageFetch(new URL(path, location.origin), { credentials: 'same-origin', signal, headers: { accept: 'application/json' } });
    helpdesk
      .readTicket(ref, { document, fetch: fetchSameOrigin, signal })
      .then(settle)
      .catch((error: unknown) => settle({ ...placeholderTicket(ref), problem: `Could not read the ticket: ${String(error)}`.slice(0, 1000) }));
  };

  browser.runtime.onMessage.addListener((message: ContentCommand) => {
    if (!mounted) return;
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

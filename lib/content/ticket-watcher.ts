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

function report(ticket: TicketContext | null) {
  return sendToBackground('ticket/observed', { ticket });
}

/**
 * Follows the helpdesk app as it moves between tickets without reloading: reports each ticket as
 * soon as its id is known, then again once read. A read still under way for a ticket the user has
 * left is aborted, and its answer is dropped, so one ticket's data never lands under another's id.
 */
export function watchTickets(ctx: ContentScriptContext, helpdesk: Helpdesk): void {
  const frame = new PanelFrame();
  let mounted = false;
  let currentKey: string | null = null;
  let reading: AbortController | null = null;

  // The Navigation API announces a pushState before `location` changes: trust the event's URL.
  const onLocation = (url: URL) => {
    const ref = helpdesk.ticketFromUrl(url);
    const key = ref ? `${ref.helpdesk}:${ref.ticketId}` : null;
    if (key === currentKey) return;
    currentKey = key;
    reading?.abort();
    reading = null;
    if (!ref) {
      if (mounted) frame.unmount();
      mounted = false;
      void report(null);
      return;
    }
    const reported = report(placeholderTicket(ref));
    if (!mounted) {
      mounted = true;
      void reported.then((reply) => currentKey === key && frame.mount(reply?.layout ?? DEFAULT_PANEL_LAYOUT));
    }
    const controller = (reading = ctx.isValid ? new AbortController() : null);
    if (!controller) return;
    const signal = controller.signal;
    const fetchSameOrigin = (path: string) =>
      pageFetch(new URL(path, location.origin), { credentials: 'same-origin', signal, headers: { accept: 'application/json' } });
    helpdesk
      .readTicket(ref, { document, fetch: fetchSameOrigin, signal })
      .then((ticket) => (signal.aborted || currentKey !== key ? undefined : void report(ticket)))
      .catch((error: unknown) => {
        if (signal.aborted || currentKey !== key) return;
        void report({ ...placeholderTicket(ref), problem: `Could not read the ticket: ${String(error)}`.slice(0, 1000) });
      });
  };

  browser.runtime.onMessage.addListener((message: ContentCommand) => {
    if (!mounted) return;
    if (message?.type === 'panel/toggle') frame.toggle();
    else if (message?.type === 'panel/close') frame.setOpen(false, true);
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => onLocation(event.newUrl));
  ctx.onInvalidated(() => {
    reading?.abort();
    frame.unmount();
  });
  onLocation(new URL(location.href));
}

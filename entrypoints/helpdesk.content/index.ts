import { watchTickets } from '@/lib/content/ticket-watcher';
import { HELPDESK_MATCHES } from '@/lib/helpdesks/registry';

export default defineContentScript({
  matches: HELPDESK_MATCHES,
  // After the page's own load, so the helpdesk's `load` event never waits for QA Lens.
  runAt: 'document_idle',
  // WXT would announce each start to the page with window.postMessage: the page need not know.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const start = () => watchTickets(ctx);
    if (document.readyState === 'complete') start();
    else ctx.addEventListener(window, 'load', start, { once: true });
  },
});

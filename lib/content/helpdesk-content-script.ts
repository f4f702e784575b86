import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Helpdesk } from '../helpdesks/define-helpdesk';
import { watchTickets } from './ticket-watcher';

/**
 * The content script of one helpdesk. Each helpdesk gets its own bundle, matched to its own
 * hosts, so a page loads the code of its helpdesk only, however many adapters QA Lens has.
 */
export function helpdeskContentScript(helpdesk: Helpdesk) {
  return defineContentScript({
    matches: helpdesk.matches,
    // After the page's own load, so the helpdesk's `load` event never waits for QA Lens.
    runAt: 'document_idle',
    // WXT would announce each start to the page with window.postMessage: the page need not know.
    noScriptStartedPostMessage: true,
    main(ctx) {
      const start = () => watchTickets(ctx, helpdesk);
      if (document.readyState === 'complete') start();
      else ctx.addEventListener(window, 'load', start, { once: true });
    },
  });
}

import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Helpdesk } from '../helpdesks/define-helpdesk';
import { isOwnHost, onCustomDomain } from './custom-domain';
import { sendToBackground } from './send-to-background';
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
    async main(ctx) {
      // Registered by the background for a custom domain the user set up as this helpdesk.
      let adapter = helpdesk;
      if (!isOwnHost(helpdesk, location.hostname)) {
        const site = await sendToBackground('site/config', {});
        if (site?.helpdesk !== helpdesk.id || ctx.isInvalid) return;
        adapter = onCustomDomain(helpdesk);
      }
      const start = () => watchTickets(ctx, adapter);
      if (document.readyState === 'complete') start();
      else ctx.addEventListener(window, 'load', start, { once: true });
    },
  });
}

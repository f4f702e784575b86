import { sendToBackground } from '@/lib/content/send-to-background';
import { watchTickets } from '@/lib/content/ticket-watcher';
import { genericHelpdesk } from '@/lib/sites/generic-helpdesk';

/**
 * QA Lens on a site the user enabled (registered at run time for that site only, once its
 * permission is granted): reads the site as the user configured it in Settings.
 */
export default defineContentScript({
  registration: 'runtime',
  // Matches come from the registration; none here, so the manifest asks for no hosts up front.
  matches: [],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const site = await sendToBackground('site/config', {});
    if (!site || ctx.isInvalid) return;
    const start = () => watchTickets(ctx, genericHelpdesk(site));
    if (document.readyState === 'complete') start();
    else ctx.addEventListener(window, 'load', start, { once: true });
  },
});

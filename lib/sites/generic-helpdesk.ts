import { cleanText, clip, defineHelpdesk, type Helpdesk } from '../helpdesks/define-helpdesk';
import type { SiteConfig } from '../schemas/site';
import type { TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS } from '../schemas/ticket-limits';
import { siteMatchPattern, siteTicketId } from './site-pattern';

/** Helpdesk id of every configured site; the site's host goes into the ticket id to keep keys apart. */
export const GENERIC_HELPDESK_ID = 'site';

/**
 * An adapter for a site QA Lens does not know, built from what the user told it: where the ticket
 * id is, and which elements hold the conversation. What it cannot know (agent, channel) the
 * reviewer fills in; the `problem` says so.
 */
export function genericHelpdesk(config: SiteConfig): Helpdesk {
  const host = new URL(config.origin).host;
  return defineHelpdesk({
    id: GENERIC_HELPDESK_ID,
    label: host,
    matches: [siteMatchPattern(config.origin)],
    ticketFromUrl(url) {
      const id = siteTicketId(config, url);
      return id ? { helpdesk: GENERIC_HELPDESK_ID, ticketId: clip(`${host}${id.startsWith('/') ? '' : '/'}${id}`, 200), url: clip(url.href, 2000) } : null;
    },
    async readTicket(ref, { document, signal }) {
      signal.throwIfAborted();
      const elements = config.transcriptSelector ? [...document.querySelectorAll(config.transcriptSelector)].slice(0, TICKET_LIMITS.messages) : [];
      const messages: TranscriptMessage[] = elements
        .map((element, index) => ({ id: String(index + 1), author: '', role: 'agent' as const, text: clip(cleanText(element.textContent), TICKET_LIMITS.messageChars) }))
        .filter((message) => message.text !== '');
      return {
        ...ref,
        channel: 'other',
        subject: clip(cleanText(document.title)),
        status: '',
        customer: null,
        agent: null,
        messages,
        complete: true,
        problem: config.transcriptSelector
          ? `QA Lens read ${messages.length} message(s) on this site; fill in the agent and the channel.`
          : 'QA Lens does not know this site: fill in the agent and the channel.',
      };
    },
    testUrls: { tickets: [], nonTickets: [] },
  });
}

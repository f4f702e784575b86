/**
 * Which ticket a helpdesk export row is about: its helpdesk comes from a `helpdesk` column or, when
 * there is none, from the ticket URL through the adapters' own URL patterns.
 */
import { helpdeskForUrl } from '../helpdesks/registry';

export interface RowTicketRef {
  helpdesk: string;
  ticketId: string;
  url: string;
}

export function ticketRefFrom(row: { helpdesk?: string; ticket_id: string; url?: string }): RowTicketRef | string {
  const url = row.url?.trim() ?? '';
  let helpdesk = row.helpdesk?.trim().toLowerCase() ?? '';
  if (!helpdesk && url) {
    try {
      helpdesk = helpdeskForUrl(new URL(url))?.helpdesk.id ?? '';
    } catch {
      return `url: "${url}" is not a web address`;
    }
  }
  if (!helpdesk) return 'cannot tell the helpdesk: add a helpdesk column or a ticket URL QA Lens recognises';
  return { helpdesk, ticketId: row.ticket_id.trim(), url };
}

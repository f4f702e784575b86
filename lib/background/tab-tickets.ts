import { browser } from 'wxt/browser';
import { TicketContextSchema, type TicketContext } from '../schemas/ticket';

/**
 * The ticket each tab shows, kept in session storage so a restarted service worker still knows
 * it. Session storage is closed to content scripts, so no helpdesk page can read another's ticket.
 */
export const tabTickets = {
  async get(tabId: number): Promise<TicketContext | null> {
    const key = `tab:${tabId}`;
    const stored = (await browser.storage.session.get(key))[key];
    const parsed = TicketContextSchema.nullable().safeParse(stored ?? null);
    return parsed.success ? parsed.data : null;
  },
  async set(tabId: number, ticket: TicketContext | null): Promise<void> {
    const key = `tab:${tabId}`;
    if (ticket) await browser.storage.session.set({ [key]: ticket });
    else await browser.storage.session.remove(key);
  },
};

import { browser } from 'wxt/browser';
import { z } from 'zod';
import { TicketContextSchema, type TicketContext } from '../schemas/ticket';

/** What a tab's content script last reported: its ticket, and the token of the panel it framed. */
const StoredSchema = z.object({ frame: z.string(), ticket: TicketContextSchema });

/**
 * The ticket each tab shows, kept in session storage so a restarted service worker still knows
 * it. Session storage is closed to content scripts, so no helpdesk page can read another's ticket.
 */
export const tabTickets = {
  /** The tab's ticket, for the panel whose frame token is `frame` only; null for any other. */
  async get(tabId: number, frame: string): Promise<TicketContext | null> {
    const key = `tab:${tabId}`;
    const parsed = StoredSchema.safeParse((await browser.storage.session.get(key))[key]);
    return parsed.success && parsed.data.frame === frame ? parsed.data.ticket : null;
  },
  async set(tabId: number, frame: string, ticket: TicketContext | null): Promise<void> {
    const key = `tab:${tabId}`;
    if (ticket) await browser.storage.session.set({ [key]: { frame, ticket } });
    else await browser.storage.session.remove(key);
  },
  /** The tabs whose content script reported a ticket: those with a QA Lens panel or launcher. */
  async tabIds(): Promise<number[]> {
    const stored = await browser.storage.session.get(null);
    return Object.keys(stored).flatMap((key) => (/^tab:\d+$/.test(key) ? [Number(key.slice(4))] : []));
  },
  async forget(tabId: number): Promise<void> {
    await browser.storage.session.remove(`tab:${tabId}`);
  },
};

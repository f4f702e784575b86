import { browser } from 'wxt/browser';
import type { ContentCommand, EventOf } from '../messaging/contracts';
import type { RequestContext, RequestHandlers } from '../messaging/router';
import { panelLayout } from './panel-layout';
import { runReminders } from './reminders';
import { openDatabase } from '../db';
import { siteStore } from '../sites/site-store';
import { tabTickets } from './tab-tickets';

function requireTab(context: RequestContext): number {
  if (context.tabId === undefined) throw new Error('This request must come from a page inside a browser tab.');
  return context.tabId;
}

type TicketEvent = { event: 'ticket/updated'; data: EventOf<'ticket/updated'> };

/** Sends to the content scripts of a tab (and, in Firefox, to the panel framed there). */
export async function sendToTab(tabId: number, message: ContentCommand | TicketEvent): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // Nothing listens there (a tab without QA Lens, a page still loading): normal.
  }
}

/**
 * Tells the panels that a tab's ticket changed. Chromium delivers runtime messages to the panel's
 * iframe; Firefox gives an extension page framed by a web page the content scripts' API only, so
 * that iframe hears messages sent to its tab and no others (w3c/webextensions#35). Each panel
 * hears exactly one of the two; the content scripts ignore events.
 */
async function broadcast(event: EventOf<'ticket/updated'>): Promise<void> {
  const message: TicketEvent = { event: 'ticket/updated', data: event };
  const toExtensionPages = async () => {
    try {
      await browser.runtime.sendMessage(message);
    } catch {
      // No extension page is listening: normal.
    }
  };
  await Promise.all([toExtensionPages(), sendToTab(event.tabId, message)]);
}

export const backgroundHandlers: RequestHandlers = {
  async 'ticket/observed'({ ticket, frame }, context) {
    const tabId = requireTab(context);
    await tabTickets.set(tabId, frame, ticket);
    await broadcast({ tabId, frame, ticket });
    return { layout: await panelLayout.get() };
  },
  async 'site/config'(_payload, context) {
    const url = context.sender.url;
    return url ? siteStore.forOrigin(new URL(url).origin) : null;
  },
  async 'panel/layout'(change) {
    await panelLayout.update(change);
    return { ok: true };
  },
  async 'panel/hello'({ frame }, context) {
    const tabId = requireTab(context);
    return { tabId, ticket: await tabTickets.get(tabId, frame) };
  },
  async 'panel/close'(_payload, context) {
    await sendToTab(requireTab(context), { type: 'panel/close' });
    return { ok: true };
  },
  async 'reminders/refresh'() {
    await runReminders(openDatabase(), Date.now());
    return { ok: true };
  },
};

import { browser } from 'wxt/browser';
import type { ContentCommand, EventName, EventOf } from '../messaging/contracts';

export type EventMessage<N extends EventName = EventName> = { event: N; data: EventOf<N> };

/** Sends to the content scripts of a tab (and, in Firefox, to the panel framed there). */
export async function sendToTab(tabId: number, message: ContentCommand | EventMessage): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // Nothing listens there (a tab without QA Lens, a page still loading): normal.
  }
}

/**
 * Sends an event to the extension's pages. Chromium delivers runtime messages to every extension
 * page, the panels framed in helpdesk tabs included. Firefox gives an extension page framed by a
 * web page the content scripts' API only, so such a panel hears messages sent to its tab and no
 * others (w3c/webextensions#35): `panelTabs` are the tabs whose panels must hear it. Each panel
 * hears one copy; content scripts ignore events.
 */
export async function broadcast<N extends EventName>(event: N, data: EventOf<N>, panelTabs: readonly number[] = []): Promise<void> {
  const message: EventMessage = { event, data };
  const toExtensionPages = async () => {
    try {
      await browser.runtime.sendMessage(message);
    } catch {
      // No extension page is listening: normal.
    }
  };
  await Promise.all([toExtensionPages(), ...panelTabs.map((tabId) => sendToTab(tabId, message))]);
}

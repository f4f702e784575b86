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
 * Whether a panel framed by a helpdesk page hears only what is sent to its tab. Firefox gives an
 * extension page framed by a web page the content scripts' API only (w3c/webextensions#35);
 * Chromium delivers runtime messages to every extension page, framed panels included.
 */
function framedPanelsHearTabsOnly(): boolean {
  // A boolean the build writes in; a string where a test sets it with `vi.stubEnv`.
  return String(import.meta.env.FIREFOX) === 'true';
}

/**
 * Sends an event to the extension's pages. `panelTabs` are the tabs whose framed panels must hear
 * it; they get a copy sent to the tab in Firefox only. In Chromium that copy would reach the panel a
 * second time (and the helpdesk page's content script, which ignores events): with a 640 KiB ticket
 * in it, each copy cost the panel and the page tens of milliseconds to decode. Each panel hears one
 * copy.
 */
export async function broadcast<N extends EventName>(event: N, data: EventOf<N>, panelTabs: readonly number[] = []): Promise<void> {
  const message: EventMessage = { event, data };
  if (!framedPanelsHearTabsOnly()) panelTabs = [];
  const toExtensionPages = async () => {
    try {
      await browser.runtime.sendMessage(message);
    } catch {
      // No extension page is listening: normal.
    }
  };
  await Promise.all([toExtensionPages(), ...panelTabs.map((tabId) => sendToTab(tabId, message))]);
}

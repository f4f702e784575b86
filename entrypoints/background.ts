import { sendToTab, backgroundHandlers } from '@/lib/background/handlers';
import { tabTickets } from '@/lib/background/tab-tickets';
import { createRequestRouter } from '@/lib/messaging/router';

export default defineBackground(() => {
  const route = createRequestRouter(backgroundHandlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Broadcast events are for extension pages, not for the worker.
    if (message && typeof message === 'object' && 'event' in message) return undefined;
    route(message, sender).then(sendResponse);
    return true;
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel' && tab?.id !== undefined) void sendToTab(tab.id, { type: 'panel/toggle' });
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabTickets.set(tabId, null));
});

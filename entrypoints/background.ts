import { backgroundHandlers } from '@/lib/background/handlers';
import { sendToTab } from '@/lib/background/broadcast';
import { syncSiteScripts } from '@/lib/background/sites';
import { siteStore } from '@/lib/sites/site-store';
import { tabTickets } from '@/lib/background/tab-tickets';
import { createRequestRouter } from '@/lib/messaging/router';
import { wireReminders } from '@/lib/background/reminders';
import { wireTeamSync } from '@/lib/background/team-sync';
import { wireRetention } from '@/lib/background/retention';
import { wireReportRows } from '@/lib/background/report-rows';

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
  browser.tabs.onRemoved.addListener((tabId) => void tabTickets.forget(tabId));

  // Sites the user enabled: keep their content scripts in step with settings and permissions.
  const syncSites = () => void siteStore.list().then((sites) => syncSiteScripts(sites)).catch(console.error);
  browser.runtime.onInstalled.addListener(syncSites);
  browser.runtime.onStartup.addListener(syncSites);
  browser.permissions.onAdded.addListener(syncSites);
  browser.permissions.onRemoved.addListener(syncSites);
  browser.storage.onChanged.addListener((changes, area) => area === 'local' && 'sites' in changes && syncSites());

  wireReminders();
  wireTeamSync();
  wireRetention();
  wireReportRows();
});

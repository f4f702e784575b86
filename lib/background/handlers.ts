import { browser } from 'wxt/browser';
import type { ContentCommand, EventOf } from '../messaging/contracts';
import type { RequestContext, RequestHandlers } from '../messaging/router';
import { panelLayout } from './panel-layout';
import { runReminders } from './reminders';
import { openDatabase } from '../db';
import { saveSyncStatus } from '../db/sync-state';
import { siteStore } from '../sites/site-store';
import { tabTickets } from './tab-tickets';
import { joinTeamAndSync, leaveTeam, runSync, syncSoon, teamStatus } from './team-sync';

function requireTab(context: RequestContext): number {
  if (context.tabId === undefined) throw new Error('This request must come from a page inside a browser tab.');
  return context.tabId;
}

export async function sendToTab(tabId: number, command: ContentCommand): Promise<void> {
  await browser.tabs.sendMessage(tabId, command).catch(() => undefined);
}

async function broadcast(event: EventOf<'ticket/updated'>): Promise<void> {
  // Rejects when no extension page is listening, which is normal.
  await browser.runtime.sendMessage({ event: 'ticket/updated', data: event }).catch(() => undefined);
}

export const backgroundHandlers: RequestHandlers = {
  async 'ticket/observed'({ ticket }, context) {
    const tabId = requireTab(context);
    await tabTickets.set(tabId, ticket);
    await broadcast({ tabId, ticket });
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
  async 'panel/hello'(_payload, context) {
    const tabId = requireTab(context);
    return { tabId, ticket: await tabTickets.get(tabId) };
  },
  async 'panel/close'(_payload, context) {
    await sendToTab(requireTab(context), { type: 'panel/close' });
    return { ok: true };
  },
  async 'reminders/refresh'() {
    await runReminders(openDatabase(), Date.now());
    return { ok: true };
  },
  'team/join': (input) => joinTeamAndSync(openDatabase(), input, Date.now()),
  'team/leave': () => leaveTeam(openDatabase()),
  'team/status': () => teamStatus(openDatabase()),
  async 'team/sync'({ soon }) {
    if (soon) syncSoon();
    else void runSync(openDatabase(), { ignoreBackoff: true }).catch(console.error);
    return { ok: true };
  },
  async 'team/dismiss-rejected'() {
    const db = openDatabase();
    await saveSyncStatus(db, { rejected: [] });
    return teamStatus(db);
  },
};

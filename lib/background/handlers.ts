import { broadcast, sendToTab } from './broadcast';
import type { RequestContext, RequestHandlers } from '../messaging/router';
import { panelLayout } from './panel-layout';
import { runReminders } from './reminders';
import { openDatabase } from '../db';
import { saveSyncStatus } from '../db/sync-state';
import { getRedactionRules } from '../db/privacy';
import { redactObservedTicket } from '../privacy';
import { siteStore } from '../sites/site-store';
import { tabTickets } from './tab-tickets';
import { joinTeamAndSync, leaveTeam, runSync, syncSoon, teamStatus } from './team-sync';

function requireTab(context: RequestContext): number {
  if (context.tabId === undefined) throw new Error('This request must come from a page inside a browser tab.');
  return context.tabId;
}

export const backgroundHandlers: RequestHandlers = {
  async 'ticket/observed'({ ticket: read, frame }, context) {
    const tabId = requireTab(context);
    // Redacted before it is kept, even in session storage: the panel, snapshots and exports only
    // ever see the redacted ticket. The customer's email survives only as a fingerprint, which
    // Settings → Privacy finds them by.
    const ticket = read && (await redactObservedTicket(read, await getRedactionRules(openDatabase())));
    // Stored and announced at once: the panel does not wait for the store. A panel that misses the
    // announcement asks (`panel/hello`) after it, and this worker's storage calls are applied in the
    // order made, so that read sees the ticket stored here.
    await Promise.all([tabTickets.set(tabId, frame, ticket), broadcast('ticket/updated', { tabId, frame, ticket }, [tabId])]);
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

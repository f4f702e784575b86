import { browser } from 'wxt/browser';
import type { PanelClient } from '@/components/panel/panel-client';
import {
  findDraft,
  getPanelTicketKpis,
  getProfile,
  getScorecard,
  getTeamSettings,
  getTicketSnapshot,
  listScorecards,
  listTicketEvaluations,
  saveDraft,
  savePanelTicketKpis,
  saveTicketSnapshot,
  saveTicketSpotlight,
  seedScorecards,
  submitEvaluation,
  type QaLensDatabase,
} from '../db';
import { openSessionFor } from '../db/calibration';
import { recordSeenTicket, ticketAssignment } from '../db/panel-plans';
import { request, subscribe } from '../messaging/client';
import type { TicketContext } from '../schemas';
import { SCORECARD_TEMPLATES } from '../scorecards/templates';
import { measured } from '../measured';
import { afterWrite } from '../pages/after-write';
import { onDataChanged } from '../pages/data-changes';


/**
 * The ticket only if this panel is framed by the page that reported it. Any site may frame the
 * panel page (sites the user enables can be anywhere); one that frames it in a tab that showed a
 * ticket before must not be shown that ticket. Browsers without `ancestorOrigins` rely on the
 * background forgetting a tab's ticket when its content script leaves it.
 */
function ownTicket(ticket: TicketContext | null): TicketContext | null {
  const embedder = window.location.ancestorOrigins?.[0];
  if (!ticket || embedder === undefined) return ticket;
  try {
    return new URL(ticket.url).origin === embedder ? ticket : null;
  } catch {
    return null;
  }
}

/** The panel's window onto the extension: Dexie for data, the background worker for the tab's ticket. */
export function createExtensionPanelClient(db: QaLensDatabase): PanelClient {
  const now = () => Date.now();
  return {
    hello: async () => {
      const { tabId, ticket } = await request('panel/hello', {});
      return { tabId, ticket: ownTicket(ticket) };
    },
    onTicketChanged: (listener) => subscribe('ticket/updated', ({ tabId, ticket }) => listener({ tabId, ticket: ownTicket(ticket) })),
    getProfile: () => getProfile(db),
    getTeamSettings: () => getTeamSettings(db),
    async listScorecards() {
      await seedScorecards(db, SCORECARD_TEMPLATES, now());
      return listScorecards(db);
    },
    getScorecard: (id, version) => getScorecard(db, id, version),
    findDraft: (key, author) => findDraft(db, key, author),
    saveDraft: (draft) => measured('qa-lens:save-draft', () => saveDraft(db, draft, now())),
    submit: (draft, scorecard, ticket) => afterWrite(measured('qa-lens:submit', () => submitEvaluation(db, draft, scorecard, ticket, now()))),
    listTicketEvaluations: (key) => listTicketEvaluations(db, key),
    getTicketSnapshot: (key) => getTicketSnapshot(db, key),
    keepTicketSnapshot: (ticket) => saveTicketSnapshot(db, ticket, now()),
    keepTicketSpotlight: (ticket, flags) => saveTicketSpotlight(db, ticket, flags, now()),
    getTicketKpis: async (key) => (await getPanelTicketKpis(db, key))?.kpis,
    saveTicketKpis: async (input) => void (await afterWrite(savePanelTicketKpis(db, input, now()))),
    recordSeenTicket: (ticket) => recordSeenTicket(db, ticket, now()),
    ticketAssignment: (key) => ticketAssignment(db, key, now()),
    calibrationSession: (key, participant) => openSessionFor(db, key, participant),
    close: () => void request('panel/close', {}).catch(() => undefined),
    openDashboard: () => void window.open(browser.runtime.getURL('/dashboard.html'), '_blank', 'noopener'),
    openOptions: () => void browser.runtime.openOptionsPage(),
    now,
    onDataChanged,
  };
}

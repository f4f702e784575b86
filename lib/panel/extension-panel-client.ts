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
  watchAuthorTicketEvaluations,
  type QaLensDatabase,
} from '../db';
import { openSessionFor } from '../db/calibration';
import { recordSeenTicket, ticketAssignment } from '../db/panel-plans';
import { request, subscribe } from '../messaging/client';
import { SCORECARD_TEMPLATES } from '../scorecards/templates';
import { measured } from '../measured';
import { afterWrite } from '../pages/after-write';
import { onDataChanged } from '../pages/data-changes';


/** The panel's window onto the extension: Dexie for data, the background worker for the tab's ticket. */
export function createExtensionPanelClient(db: QaLensDatabase): PanelClient {
  const now = () => Date.now();
  // The token the content script gave this panel in its URL: the worker shows a tab's ticket only
  // to the panel that names the token of the page that reported it (see lib/messaging/contracts.ts).
  const frame = window.location.hash.slice(1);
  return {
    hello: () => request('panel/hello', { frame }),
    onTicketChanged: (listener) =>
      subscribe('ticket/updated', (update) => update.frame === frame && listener({ tabId: update.tabId, ticket: update.ticket })),
    getProfile: () => getProfile(db),
    getTeamSettings: () => getTeamSettings(db),
    async listScorecards() {
      await seedScorecards(db, SCORECARD_TEMPLATES, now());
      return listScorecards(db);
    },
    getScorecard: (id, version) => getScorecard(db, id, version),
    findDraft: (key, author) => findDraft(db, key, author),
    saveDraft: (draft) => measured('qa-lens:save-draft', () => saveDraft(db, draft, now())),
    watchMyEvaluations: (key, author, listener) => watchAuthorTicketEvaluations(db, key, author, listener),
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
    openOptions: () => {
      // Firefox gives an extension page framed by a web page the content scripts' API, which has
      // no openOptionsPage; the options page opens in a tab anyway (`options_ui.open_in_tab`).
      if (typeof browser.runtime.openOptionsPage === 'function') void browser.runtime.openOptionsPage();
      else window.open(browser.runtime.getURL('/options.html'), '_blank', 'noopener');
    },
    now,
    onDataChanged,
  };
}

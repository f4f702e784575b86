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
  submitEvaluation,
  type QaLensDatabase,
} from '@/lib/db';
import type { TicketContext } from '@/lib/schemas';
import { ticket } from '../db/factories';

/** The panel's client over a throwaway database, on a clock the test moves by hand. */
export function dexieClient(db: QaLensDatabase, clock: { now: number }, read: TicketContext = ticket): PanelClient {
  const now = () => clock.now;
  return {
    hello: async () => ({ tabId: 1, ticket: read }),
    onTicketChanged: () => () => {},
    getProfile: () => getProfile(db),
    getTeamSettings: () => getTeamSettings(db),
    listScorecards: () => listScorecards(db),
    getScorecard: (id, version) => getScorecard(db, id, version),
    findDraft: (key, author) => findDraft(db, key, author),
    saveDraft: (draft) => saveDraft(db, draft, now()),
    submit: (draft, scorecard, read) => submitEvaluation(db, draft, scorecard, read, now()),
    listTicketEvaluations: (key) => listTicketEvaluations(db, key),
    getTicketSnapshot: (key) => getTicketSnapshot(db, key),
    keepTicketSnapshot: (read) => saveTicketSnapshot(db, read, now()),
    keepTicketSpotlight: (read, flags) => saveTicketSpotlight(db, read, flags, now()),
    getTicketKpis: async (key) => (await getPanelTicketKpis(db, key))?.kpis,
    saveTicketKpis: async (input) => void (await savePanelTicketKpis(db, input, now())),
    close: () => {},
    openDashboard: () => {},
    openOptions: () => {},
    now,
  };
}


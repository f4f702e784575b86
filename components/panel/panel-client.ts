import type { TicketAssignmentSummary } from '@/lib/db/panel-plans';
import type { CalibrationSession, Evaluation, Profile, Scorecard, SpotlightFlag, TeamSettings, TicketContext, TicketKpis } from '@/lib/schemas';
import type { OnDataChanged } from '../shared/data-changes';

/**
 * Everything the panel needs from the outside world. The extension implements it with Dexie and
 * runtime messaging; tests and the dev harness pass their own.
 */
export interface PanelClient {
  onDataChanged?: OnDataChanged;
  /** Which tab the panel is in and the ticket that tab shows. */
  hello(): Promise<{ tabId: number; ticket: TicketContext | null }>;
  /** Calls back whenever a tab's ticket changes or finishes loading; returns an unsubscribe. */
  onTicketChanged(listener: (update: { tabId: number; ticket: TicketContext | null }) => void): () => void;
  getProfile(): Promise<Profile>;
  getTeamSettings(): Promise<TeamSettings>;
  listScorecards(): Promise<Scorecard[]>;
  getScorecard(id: string, version: number): Promise<Scorecard | undefined>;
  findDraft(ticketKey: string, authorName: string): Promise<Evaluation | undefined>;
  saveDraft(draft: Evaluation): Promise<Evaluation>;
  /**
   * Calls back with the author's evaluations of the ticket (drafts included) now and whenever they
   * are stored, by this tab or another one of the same ticket; returns an unsubscribe. Optional: a
   * harness without it simply does not follow other tabs.
   */
  watchMyEvaluations?(ticketKey: string, authorName: string, listener: (evaluations: Evaluation[]) => void): () => void;
  submit(draft: Evaluation, scorecard: Scorecard, ticket: TicketContext): Promise<Evaluation>;
  listTicketEvaluations(ticketKey: string): Promise<Evaluation[]>;
  /** The ticket as last kept (read, or completed by the reviewer). */
  getTicketSnapshot(ticketKey: string): Promise<TicketContext | undefined>;
  keepTicketSnapshot(ticket: TicketContext): Promise<void>;
  /** Keeps the ticket's Spotlight flags on its snapshot (kept as read when there is none yet), for the dashboard and sampling. */
  keepTicketSpotlight(ticket: TicketContext, flags: SpotlightFlag[]): Promise<void>;
  /** The KPIs entered in the panel for this ticket, if any. */
  getTicketKpis(ticketKey: string): Promise<TicketKpis | undefined>;
  /** Stores the ticket's KPIs, replacing what the panel stored for it before. */
  saveTicketKpis(input: { ticketKey: string; agent: string | null; kpis: TicketKpis }): Promise<void>;
  /** Notes the ticket for the sampling pool once it is read. Optional: a harness without plans leaves it out. */
  recordSeenTicket?(ticket: TicketContext): Promise<void>;
  /** The monitoring plan and quota this ticket counts toward, if it is sampled. */
  ticketAssignment?(ticketKey: string): Promise<TicketAssignmentSummary | null>;
  /** The open calibration session of this ticket the user takes part in: the panel then scores for it, blind. */
  calibrationSession?(ticketKey: string, participant: string): Promise<CalibrationSession | undefined>;
  close(): void;
  openDashboard(): void;
  openOptions(): void;
  now(): number;
}

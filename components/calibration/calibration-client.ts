import type { CalibrationImportPlan } from '../../lib/db/calibration';
import type { CalibrationSession, EvaluatedTicket, Evaluation, Profile, Scorecard } from '../../lib/schemas';

export interface CalibrationImportPreview extends CalibrationImportPlan {
  /** Why the file as a whole could not be read, or ''. */
  fileError: string;
  /** Rows of the file that the long-CSV import itself refused (unknown scorecard, bad cells…). */
  rowErrors: { line: number; reason: string }[];
}

/** What the Calibration page needs from the outside world; the entrypoint backs it with the database. */
export interface CalibrationClient {
  getProfile(): Promise<Profile>;
  listSessions(): Promise<CalibrationSession[]>;
  /** The newest version of each scorecard, to score a session on. */
  listScorecards(): Promise<Scorecard[]>;
  getScorecard(id: string, version: number): Promise<Scorecard | undefined>;
  /** Submitted evaluations: the sessions' scores, and reviews for reviewer drift. */
  listEvaluations(): Promise<Evaluation[]>;
  /** Tickets to choose a session's from: the sampling pool and evaluated tickets. */
  knownTickets(): Promise<EvaluatedTicket[]>;
  saveSession(session: CalibrationSession): Promise<CalibrationSession>;
  /** Reads another reviewer's long CSV and says which of its evaluations become this session's scores. */
  previewImport(file: Blob, session: CalibrationSession): Promise<CalibrationImportPreview>;
  importScores(scores: Evaluation[]): Promise<number>;
  download(filename: string, text: string): void;
  newId(): string;
  now(): number;
}

/**
 * Calibration sessions and their scores in the database. Sessions are team records (supervisors
 * and admins write them); scores are evaluations of kind `calibration` naming the session. Scores
 * arrive from the panel, by team sync, or from other reviewers' long CSV files imported here.
 */
import { newId } from '../ids';
import { sameName } from '../sampling/pool';
import { CalibrationSessionSchema, type CalibrationSession, type Evaluation } from '../schemas';
import { describeIssues } from '../schemas/describe-issues';
import { put, recordChanges, writeTransaction } from './changes';
import type { QaLensDatabase } from './database';

export class CalibrationRefused extends Error {
  override name = 'CalibrationRefused';
}

export function listSessions(db: QaLensDatabase): Promise<CalibrationSession[]> {
  return db.calibrationSessions.toArray().then((all) => all.sort((a, b) => b.createdAt - a.createdAt));
}

export function saveSession(db: QaLensDatabase, session: CalibrationSession, now: number): Promise<CalibrationSession> {
  const parsed = CalibrationSessionSchema.safeParse({ ...session, updatedAt: now });
  if (!parsed.success) return Promise.reject(new CalibrationRefused(describeIssues(parsed.error, 'session')));
  return writeTransaction(db, [db.calibrationSessions], async () => {
    await db.calibrationSessions.put(parsed.data);
    await recordChanges(db, [put('calibration-session', parsed.data)], 'own', now);
    return parsed.data;
  });
}

/** Every calibration score stored, drafts excluded. */
export async function listCalibrationEvaluations(db: QaLensDatabase): Promise<Evaluation[]> {
  const rows = await db.evaluations.where('kind').equals('calibration').toArray();
  return rows.filter((e) => e.status !== 'draft');
}

/** The open session of this ticket the user takes part in, if any: the panel then scores for it. */
export async function openSessionFor(db: QaLensDatabase, ticketKey: string, participant: string): Promise<CalibrationSession | undefined> {
  const sessions = await db.calibrationSessions.toArray();
  return sessions.find((s) => s.status === 'open' && s.tickets.some((t) => t.key === ticketKey) && s.participants.some((p) => sameName(p, participant)));
}

export interface CalibrationImportPlan {
  /** What will be stored: each a calibration score of the session. */
  accepted: Evaluation[];
  /** Rows of the file that will not be, each with why. */
  refused: { evaluationId: string; reason: string }[];
}

/**
 * Which of the evaluations read from a long CSV become this session's scores. A score must be of
 * one of the session's tickets, by one of its participants, on its scorecard version. Calibration
 * rows keep their id; a review (a reviewer who scored in a browser without the session) becomes a
 * calibration score under a new id, so it can never count toward the agent's figures, here or
 * wherever the review itself ends up.
 */
export function planCalibrationImport(session: CalibrationSession, evaluations: readonly Evaluation[], newEvaluationId: () => string = newId): CalibrationImportPlan {
  const accepted: Evaluation[] = [];
  const refused: CalibrationImportPlan['refused'] = [];
  const tickets = new Set(session.tickets.map((t) => t.key));
  for (const e of evaluations) {
    const refuse = (reason: string) => refused.push({ evaluationId: e.id, reason });
    if (!tickets.has(e.ticket.key)) refuse(`ticket ${e.ticket.ticketId} is not one of this session's tickets`);
    else if (!session.participants.some((p) => sameName(p, e.author.name))) refuse(`${e.author.name || 'an unnamed reviewer'} is not a participant of this session`);
    else if (e.scorecardId !== session.scorecardId || e.scorecardVersion !== session.scorecardVersion) refuse(`it was scored on another scorecard version than the session's`);
    else if (e.kind === 'self-assessment') refuse('a self-assessment is not a calibration score');
    else if (e.kind === 'calibration' && e.calibrationSessionId !== undefined && e.calibrationSessionId !== session.id) refuse('it belongs to another calibration session');
    else accepted.push({ ...e, id: e.kind === 'calibration' ? e.id : newEvaluationId(), kind: 'calibration', calibrationSessionId: session.id, acknowledgeBy: null });
  }
  return { accepted, refused };
}

/** Stores the accepted scores in one transaction; an id already stored is refused as a whole, nothing written. */
export function importCalibrationScores(db: QaLensDatabase, scores: readonly Evaluation[], now: number): Promise<number> {
  return writeTransaction(db, [db.evaluations], async () => {
    const stored = await db.evaluations.bulkGet(scores.map((e) => e.id));
    const clash = stored.find((e) => e !== undefined);
    if (clash) throw new CalibrationRefused(`Evaluation ${clash.id} is already stored: nothing was imported.`);
    await db.evaluations.bulkAdd([...scores]);
    await recordChanges(db, scores.map((e) => put('evaluation', e)), 'own', now);
    return scores.length;
  });
}

import { liveQuery } from 'dexie';
import { formatNumber, scoreEvaluation } from '../scoring';
import type { Evaluation, Scorecard, TicketContext } from '../schemas';
import type { QaLensDatabase } from './database';
import { addWorkingDays } from '../feedback/working-days';
import { getTeamSettings } from './settings';
import { put, recordChanges, writeTransaction } from './changes';
import { ticketSnapshot } from './tickets';
import { redactEvaluation, withEmailFingerprints } from '../privacy';
import { audit } from './audit';
import { getRedactionRules } from './privacy';
import { mergeDrafts, withoutEditTimes } from '../evaluations/merge-drafts';
import { isVersionOf } from '../evaluations/follow-stored-draft';

/** Thrown when an evaluation cannot be submitted as it stands; the message is shown to the user. */
export class EvaluationNotReady extends Error {
  override name = 'EvaluationNotReady';
}

/** The author's unfinished evaluation of this ticket, if they left one. */
export async function findDraft(db: QaLensDatabase, key: string, authorName: string): Promise<Evaluation | undefined> {
  const drafts = await db.evaluations
    .where('ticket.key')
    .equals(key)
    .filter((e) => e.status === 'draft' && e.author.name === authorName)
    .sortBy('updatedAt');
  return drafts.at(-1);
}

const KIND_WORDS: Record<Evaluation['kind'], string> = { review: 'Review', 'self-assessment': 'Self-assessment', calibration: 'Calibration evaluation' };

const ALREADY_SUBMITTED = 'This evaluation was already submitted and can no longer be edited as a draft.';

/**
 * The stored version of `draft`, inside the caller's transaction: by its id, else the author's
 * draft of the same ticket that another tab began under another id (both tabs started before
 * either saved). Undefined when it is new.
 */
async function storedVersionOf(db: QaLensDatabase, draft: Evaluation): Promise<Evaluation | undefined> {
  const stored = await db.evaluations.get(draft.id);
  if (stored) return stored;
  const others = await db.evaluations.where('ticket.key').equals(draft.ticket.key).filter((e) => isVersionOf(e, draft)).sortBy('updatedAt');
  return others.at(-1);
}

/**
 * Stores a draft, unless the evaluation was submitted meanwhile: an autosave that lands after the
 * submission (a late timer, a second tab) must not turn a submitted evaluation back into a draft.
 * Another tab may have saved the same draft since this one loaded it: the two are merged field by
 * field inside the transaction (lib/evaluations/merge-drafts.ts), so neither tab's answers are lost.
 */
export async function saveDraft(db: QaLensDatabase, draft: Evaluation, now: number): Promise<Evaluation> {
  if (draft.status !== 'draft') throw new EvaluationNotReady(ALREADY_SUBMITTED);
  // Comments and quotes are redacted before they are stored, drafts included.
  const incoming = redactEvaluation({ ...draft, updatedAt: now }, await getRedactionRules(db));
  return db.transaction('rw', db.evaluations, async () => {
    const stored = await storedVersionOf(db, incoming);
    if (stored && stored.status !== 'draft') throw new EvaluationNotReady(ALREADY_SUBMITTED);
    const saved = stored ? mergeDrafts(stored, incoming) : incoming;
    await db.evaluations.put(saved);
    return saved;
  });
}

/**
 * Scores and submits a draft, and keeps the ticket as it was read beside it, in one transaction:
 * either both are stored or neither is. A review gets the team's acknowledgement deadline,
 * counted in working days in `timeZone` (the user's own by default).
 */
export async function submitEvaluation(
  db: QaLensDatabase,
  draft: Evaluation,
  scorecard: Scorecard,
  ticket: TicketContext,
  now: number,
  timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): Promise<Evaluation> {
  if (scorecard.id !== draft.scorecardId || scorecard.version !== draft.scorecardVersion) {
    throw new EvaluationNotReady('The scorecard does not match the one this evaluation was started with.');
  }
  const scored = (evaluation: Evaluation) => {
    const result = scoreEvaluation(scorecard, evaluation.answers);
    if (!result.complete) {
      const titles = result.criteria.filter((c) => c.state === 'unanswered').map((c) => c.title);
      throw new EvaluationNotReady(`Answer every criterion or mark it N/A first: ${titles.join(', ')}.`);
    }
    return result;
  };
  const rules = await getRedactionRules(db);
  // Hashed before the transaction: awaiting anything but Dexie inside it would end it early.
  const read = await withEmailFingerprints(ticket, { keepExisting: true });
  return writeTransaction(db, [db.evaluations, db.tickets, db.settings], async () => {
    const stored = await storedVersionOf(db, draft);
    if (stored && stored.status !== 'draft') throw new EvaluationNotReady('This evaluation was already submitted.');
    // What another tab saved of this draft since this tab last took it in is submitted too (the
    // later edit of each field wins), and the score is of what is stored.
    const merged = withoutEditTimes(stored ? mergeDrafts(stored, redactEvaluation(draft, rules)) : redactEvaluation(draft, rules));
    if (merged.scorecardId !== scorecard.id || merged.scorecardVersion !== scorecard.version) {
      throw new EvaluationNotReady('The scorecard was changed in another tab: check the answers there before submitting.');
    }
    const result = scored(merged);
    const { acknowledgementWorkingDays } = await getTeamSettings(db);
    const submitted: Evaluation = {
      ...merged,
      status: 'submitted',
      score: result.score,
      passed: result.passed,
      acknowledgeBy: merged.kind === 'review' && acknowledgementWorkingDays > 0 ? addWorkingDays(now, acknowledgementWorkingDays, timeZone) : null,
      history: [
        ...merged.history,
        { at: now, by: merged.author, from: 'draft', to: 'submitted', reason: '', answerChanges: [], scoreBefore: null, scoreAfter: null },
      ],
      updatedAt: now,
      submittedAt: now,
    };
    // The Spotlight flags the panel worked out travel from the evaluation's copy of the ticket to its snapshot.
    const snapshot = { ...ticketSnapshot(read, now, rules), ...(merged.ticket.spotlight ? { spotlight: merged.ticket.spotlight } : {}) };
    await db.evaluations.put(submitted);
    await db.tickets.put(snapshot);
    await recordChanges(db, [put('evaluation', submitted), put('ticket', snapshot)], 'own', now);
    await audit(
      db,
      { action: 'evaluation.submit', target: `evaluation:${submitted.id}`, summary: `${KIND_WORDS[submitted.kind]} of ticket ${submitted.ticket.key} submitted: ${formatNumber(result.score ?? 0)}%, ${result.passed ? 'passed' : 'not passed'}.`, actor: submitted.author },
      now,
    );
    return submitted;
  });
}

/** Submitted evaluations of one ticket, newest first. */
export async function listTicketEvaluations(db: QaLensDatabase, key: string): Promise<Evaluation[]> {
  const rows = await db.evaluations.where('ticket.key').equals(key).filter((e) => e.status !== 'draft').toArray();
  return rows.sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0));
}

/**
 * Every submitted evaluation, newest first. One `getAll` over the table and a sort here: a filter,
 * a reverse or an index order makes Dexie step a cursor row by row, several times slower on a big
 * team's history.
 */
export async function listEvaluations(db: QaLensDatabase): Promise<Evaluation[]> {
  const rows = await db.evaluations.toArray();
  return rows.filter((e) => e.status !== 'draft' && e.submittedAt !== null).sort((a, b) => b.submittedAt! - a.submittedAt!);
}

export function getEvaluation(db: QaLensDatabase, id: string): Promise<Evaluation | undefined> {
  return db.evaluations.get(id);
}

/**
 * Calls back with the author's evaluations of one ticket, drafts included, now and whenever they
 * change, in this page or another of the extension's pages (Dexie's live queries hear other tabs'
 * writes). Returns the unsubscribe. The panel uses it to keep two tabs of one draft in step.
 */
export function watchAuthorTicketEvaluations(db: QaLensDatabase, key: string, authorName: string, listener: (evaluations: Evaluation[]) => void): () => void {
  const subscription = liveQuery(() =>
    db.evaluations
      .where('ticket.key')
      .equals(key)
      .filter((e) => e.author.name === authorName)
      .toArray(),
  ).subscribe({ next: listener, error: (error: unknown) => console.warn('QA Lens: stopped following the stored draft', error) });
  return () => subscription.unsubscribe();
}

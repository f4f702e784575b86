import { isAboutMe } from '../evaluations/is-about-me';
import {
  acknowledgeReview,
  disputeReview,
  resolveDispute,
  ReviewTransitionError,
  type Actor,
  type DecisionInput,
  type DisputedCriterionInput,
} from '../feedback/review-lifecycle';
import { newId } from '../ids';
import type { Acknowledgement, Dispute, Evaluation, Scorecard } from '../schemas';
import { redactAcknowledgement, redactDispute, redactEvaluation } from '../privacy';
import { audit } from './audit';
import { put, recordChanges, writeTransaction } from './changes';
import type { QaLensDatabase } from './database';
import { getRedactionRules } from './privacy';

/** A review with the agent's answers to it, as the agent and the reviewer see it. */
export interface ReviewWithAnswers {
  evaluation: Evaluation;
  scorecard: Scorecard | undefined;
  acknowledgement: Acknowledgement | undefined;
  disputes: Dispute[];
}

async function withAnswers(db: QaLensDatabase, evaluations: Evaluation[]): Promise<ReviewWithAnswers[]> {
  const ids = evaluations.map((e) => e.id);
  const [acknowledgements, disputes, scorecards] = await Promise.all([
    db.acknowledgements.where('evaluationId').anyOf(ids).toArray(),
    db.disputes.where('evaluationId').anyOf(ids).toArray(),
    db.scorecards.bulkGet(evaluations.map((e) => [e.scorecardId, e.scorecardVersion] as [string, number])),
  ]);
  return evaluations.map((evaluation, i) => ({
    evaluation,
    scorecard: scorecards[i],
    acknowledgement: acknowledgements.find((a) => a.evaluationId === evaluation.id),
    disputes: disputes.filter((d) => d.evaluationId === evaluation.id).sort((a, b) => a.createdAt - b.createdAt),
  }));
}

/** Submitted reviews about the signed-in agent, newest first. */
export async function listMyReviews(db: QaLensDatabase, me: Actor): Promise<ReviewWithAnswers[]> {
  const reviews = await db.evaluations
    .where('kind')
    .equals('review')
    .filter((e) => e.status !== 'draft' && isAboutMe(e.ticket.agent, e.ticket.helpdesk, me))
    .toArray();
  return withAnswers(db, reviews.sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0)));
}

/** Reviews with an open dispute, oldest dispute first: what the reviewers have to answer. */
export async function listDisputedReviews(db: QaLensDatabase): Promise<ReviewWithAnswers[]> {
  const open = await db.disputes.where('status').equals('open').sortBy('createdAt');
  const evaluations = await db.evaluations.bulkGet(open.map((d) => d.evaluationId));
  return withAnswers(db, evaluations.filter((e): e is Evaluation => e !== undefined));
}

async function requireReview(db: QaLensDatabase, id: string): Promise<{ evaluation: Evaluation; scorecard: Scorecard }> {
  const evaluation = await db.evaluations.get(id);
  if (!evaluation) throw new ReviewTransitionError('This review no longer exists.');
  const scorecard = await db.scorecards.get([evaluation.scorecardId, evaluation.scorecardVersion]);
  if (!scorecard) throw new ReviewTransitionError('The scorecard this review used is no longer stored.');
  return { evaluation, scorecard };
}

/**
 * The agent acknowledges a review: the acknowledgement and the status change are stored together.
 * The acknowledgement is the agent's to share; the review stays its reviewer's record, so the
 * status change is this browser's own copy of it (every other browser derives it on pull).
 */
export async function acknowledge(db: QaLensDatabase, evaluationId: string, me: Actor, now: number, comment = ''): Promise<Evaluation> {
  const rules = await getRedactionRules(db);
  return writeTransaction(db, [db.evaluations, db.scorecards, db.acknowledgements], async () => {
    const { evaluation } = await requireReview(db, evaluationId);
    const acknowledged = redactEvaluation(acknowledgeReview(evaluation, me, now, comment), rules);
    const acknowledgement = redactAcknowledgement({ id: newId(), evaluationId, agent: { name: me.name, role: me.role }, comment: comment.trim(), createdAt: now }, rules);
    await db.evaluations.put(acknowledged);
    await db.acknowledgements.add(acknowledgement);
    await recordChanges(db, [put('acknowledgement', acknowledgement)], 'own', now);
    await recordChanges(db, [put('evaluation', acknowledged)], 'derived', now);
    await audit(db, { action: 'evaluation.acknowledge', target: `evaluation:${evaluationId}`, summary: `Review of ticket ${evaluation.ticket.key} acknowledged.`, actor: me }, now);
    return acknowledged;
  });
}

/** The agent disputes criteria of a review, each with a reason; shared as the agent's own record, like an acknowledgement. */
export async function dispute(db: QaLensDatabase, evaluationId: string, me: Actor, now: number, criteria: DisputedCriterionInput[]): Promise<Evaluation> {
  const rules = await getRedactionRules(db);
  return writeTransaction(db, [db.evaluations, db.scorecards, db.disputes], async () => {
    const { evaluation, scorecard } = await requireReview(db, evaluationId);
    const disputed = redactEvaluation(disputeReview(evaluation, scorecard, me, now, criteria), rules);
    const raised: Dispute = redactDispute({
      id: newId(),
      evaluationId,
      agent: { name: me.name, role: me.role },
      criteria: criteria.map((c) => ({ criterionId: c.criterionId, reason: c.reason.trim() })),
      createdAt: now,
      status: 'open',
      resolution: null,
    }, rules);
    await db.evaluations.put(disputed);
    await db.disputes.add(raised);
    await recordChanges(db, [put('dispute', raised)], 'own', now);
    await recordChanges(db, [put('evaluation', disputed)], 'derived', now);
    await audit(db, { action: 'evaluation.dispute', target: `evaluation:${evaluationId}`, summary: `Review of ticket ${evaluation.ticket.key} disputed on ${criteria.length} ${criteria.length === 1 ? 'criterion' : 'criteria'}.`, actor: me }, now);
    return disputed;
  });
}

/** The reviewer answers a dispute: new answers and score, history, and the closed dispute together. */
export async function resolve(db: QaLensDatabase, disputeId: string, decisions: DecisionInput[], me: Actor, now: number): Promise<Evaluation> {
  const rules = await getRedactionRules(db);
  return writeTransaction(db, [db.evaluations, db.scorecards, db.disputes], async () => {
    const open = await db.disputes.get(disputeId);
    if (!open) throw new ReviewTransitionError('This dispute no longer exists.');
    const { evaluation, scorecard } = await requireReview(db, open.evaluationId);
    const result = resolveDispute(evaluation, scorecard, open, decisions, me, now);
    const changed = redactEvaluation(result.evaluation, rules);
    const resolved = redactDispute({ ...open, status: 'resolved', resolution: result.resolution }, rules);
    await db.evaluations.put(changed);
    await db.disputes.put(resolved);
    await recordChanges(db, [put('evaluation', changed), put('dispute', resolved)], 'own', now);
    const accepted = result.resolution.decisions.filter((d) => d.decision === 'accepted').length;
    await audit(
      db,
      {
        action: 'dispute.resolve',
        target: `evaluation:${evaluation.id}`,
        summary: `Dispute on ticket ${evaluation.ticket.key} resolved: ${accepted} of ${result.resolution.decisions.length} accepted${changed.score !== evaluation.score ? `, score ${evaluation.score} → ${changed.score}` : ''}.`,
        actor: me,
      },
      now,
    );
    return changed;
  });
}

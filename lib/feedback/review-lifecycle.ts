/**
 * The life of a submitted review: submitted → acknowledged, or submitted → disputed → resolved.
 * Each step is a pure function that checks who may take it and when, and returns the evaluation
 * with the step appended to its history, or throws a ReviewTransitionError whose message is shown
 * to the user as it stands.
 */
import { isAboutMe } from '../evaluations/is-about-me';
import type { Answer, AnswerChange, Author, Dispute, DisputeResolution, Evaluation, EvaluationStatus, Profile, ScorecardContent, StatusChange } from '../schemas';
import { scoreEvaluation } from '../scoring';

export class ReviewTransitionError extends Error {
  override name = 'ReviewTransitionError';
}

export type Actor = Pick<Profile, 'name' | 'role' | 'identities'>;

const author = (actor: Actor): Author => ({ name: actor.name, role: actor.role });
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

const STATUS_WORDS: Record<EvaluationStatus, string> = {
  draft: 'is still a draft',
  submitted: "awaits the agent's answer",
  acknowledged: 'was already acknowledged',
  disputed: 'is already disputed and awaits the reviewer',
  resolved: 'had its dispute resolved',
};

function step(evaluation: Evaluation, change: Omit<StatusChange, 'from'>): Evaluation {
  return {
    ...evaluation,
    status: change.to,
    updatedAt: change.at,
    history: [...evaluation.history, { ...change, from: evaluation.status }],
  };
}

/** Checks shared by acknowledging and disputing: the agent's own submitted review, in time. */
function assertAgentMayAnswer(evaluation: Evaluation, actor: Actor, now: number, verb: string): void {
  if (evaluation.kind !== 'review') throw new ReviewTransitionError(`Only reviews can be ${verb}; this is a ${evaluation.kind}.`);
  if (!isAboutMe(evaluation.ticket.agent, evaluation.ticket.helpdesk, actor)) {
    throw new ReviewTransitionError(`Only the agent this review is about (${evaluation.ticket.agent?.name ?? 'nobody'}) can answer it.`);
  }
  if (evaluation.status !== 'submitted') throw new ReviewTransitionError(`This review cannot be ${verb}: it ${STATUS_WORDS[evaluation.status]}.`);
  if (evaluation.acknowledgeBy !== null && now > evaluation.acknowledgeBy) {
    throw new ReviewTransitionError(`The deadline to answer this review passed on ${day(evaluation.acknowledgeBy)}; talk to your reviewer about it.`);
  }
}

export function acknowledgeReview(evaluation: Evaluation, actor: Actor, now: number, comment = ''): Evaluation {
  assertAgentMayAnswer(evaluation, actor, now, 'acknowledged');
  return step(evaluation, { at: now, by: author(actor), to: 'acknowledged', reason: comment.trim(), answerChanges: [], scoreBefore: null, scoreAfter: null });
}

export interface DisputedCriterionInput {
  criterionId: string;
  reason: string;
}

/** Validates the agent's dispute and moves the review to `disputed`. */
export function disputeReview(evaluation: Evaluation, scorecard: ScorecardContent, actor: Actor, now: number, criteria: DisputedCriterionInput[]): Evaluation {
  assertAgentMayAnswer(evaluation, actor, now, 'disputed');
  if (criteria.length === 0) throw new ReviewTransitionError('Choose at least one criterion to dispute.');
  const titles = criterionTitles(scorecard);
  for (const { criterionId, reason } of criteria) {
    const title = titles.get(criterionId);
    if (!title) throw new ReviewTransitionError(`"${criterionId}" is not a criterion of this review's scorecard.`);
    if (reason.trim() === '') throw new ReviewTransitionError(`Give a reason for disputing "${title}".`);
  }
  if (new Set(criteria.map((c) => c.criterionId)).size !== criteria.length) throw new ReviewTransitionError('Each criterion can be disputed once.');
  const summary = criteria.map((c) => `${titles.get(c.criterionId)}: ${c.reason.trim()}`).join('\n');
  return step(evaluation, { at: now, by: author(actor), to: 'disputed', reason: summary, answerChanges: [], scoreBefore: null, scoreAfter: null });
}

export type DecisionInput = DisputeResolution['decisions'][number];

/**
 * The reviewer's answer to a dispute. Accepted criteria take the answer the reviewer chose, the
 * score is recomputed from the pinned scorecard, and the change records who, why, and the scores
 * before and after.
 */
export function resolveDispute(
  evaluation: Evaluation,
  scorecard: ScorecardContent,
  dispute: Dispute,
  decisions: DecisionInput[],
  actor: Actor,
  now: number,
): { evaluation: Evaluation; resolution: DisputeResolution } {
  if (actor.role === 'agent') throw new ReviewTransitionError('Only a supervisor or an admin can resolve a dispute.');
  if (evaluation.status !== 'disputed' || dispute.status !== 'open') {
    throw new ReviewTransitionError(`This dispute cannot be resolved: the review ${STATUS_WORDS[evaluation.status]}.`);
  }
  if (dispute.evaluationId !== evaluation.id) throw new ReviewTransitionError('This dispute belongs to another review.');
  const titles = criterionTitles(scorecard);
  const byCriterion = new Map(decisions.map((d) => [d.criterionId, d]));
  const answers = { ...evaluation.answers };
  const answerChanges: AnswerChange[] = [];
  for (const disputed of dispute.criteria) {
    const title = titles.get(disputed.criterionId) ?? disputed.criterionId;
    const decision = byCriterion.get(disputed.criterionId);
    if (!decision) throw new ReviewTransitionError(`Accept or reject the dispute on "${title}".`);
    if (decision.decision === 'rejected') {
      if (decision.reason.trim() === '') throw new ReviewTransitionError(`Give a reason for rejecting the dispute on "${title}".`);
      continue;
    }
    const before = answers[disputed.criterionId] ?? { na: false, comment: '', evidence: [], rootCauses: [] };
    const after: Answer = { ...before, optionId: decision.na ? undefined : decision.optionId, na: decision.na ?? false };
    const checked = scoreEvaluation(scorecard, { [disputed.criterionId]: after }).criteria.find((c) => c.criterionId === disputed.criterionId);
    if (checked?.state === 'unanswered') throw new ReviewTransitionError(`Choose the new answer for "${title}".`);
    if (before.optionId === after.optionId && before.na === after.na) throw new ReviewTransitionError(`"${title}" already has that answer: choose another one, or reject the dispute.`);
    answers[disputed.criterionId] = after;
    answerChanges.push({ criterionId: disputed.criterionId, before, after });
  }
  const result = scoreEvaluation(scorecard, answers);
  const resolution: DisputeResolution = { by: author(actor), at: now, decisions: dispute.criteria.map((c) => byCriterion.get(c.criterionId)!) };
  const reason = resolution.decisions
    .map((d) => `${titles.get(d.criterionId) ?? d.criterionId}: ${d.decision}${d.reason.trim() ? ` (${d.reason.trim()})` : ''}`)
    .join('\n');
  const resolved = step(
    { ...evaluation, answers, score: result.score, passed: result.passed },
    { at: now, by: author(actor), to: 'resolved', reason, answerChanges, scoreBefore: evaluation.score, scoreAfter: result.score },
  );
  return { evaluation: resolved, resolution };
}

function criterionTitles(scorecard: ScorecardContent): Map<string, string> {
  return new Map(scorecard.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.title] as const)));
}

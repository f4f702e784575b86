/**
 * A review as every browser of the team should show it once the agent's answers have arrived.
 * The review is its reviewer's record and the acknowledgement or dispute is the agent's own (each
 * record has one writer), so each browser replays the agent's answers onto its copy of the review
 * rather than the agent rewriting the reviewer's record. Pure.
 */
import type { Acknowledgement, Author, Dispute, Evaluation, StatusChange } from '../schemas';

/** One step the agent took, as the review's history records it. */
function agentSteps(acknowledgements: readonly Acknowledgement[], disputes: readonly Dispute[], titles: ReadonlyMap<string, string>): Omit<StatusChange, 'from'>[] {
  const blank = { answerChanges: [], scoreBefore: null, scoreAfter: null };
  return [
    ...acknowledgements.map((a) => ({ ...blank, at: a.createdAt, by: a.agent, to: 'acknowledged' as const, reason: a.comment })),
    ...disputes.map((d) => ({
      ...blank,
      at: d.createdAt,
      by: d.agent,
      to: 'disputed' as const,
      reason: d.criteria.map((c) => `${titles.get(c.criterionId) ?? c.criterionId}: ${c.reason}`).join('\n'),
    })),
  ];
}

const sameStep = (a: { at: number; by: Author; to: string }, b: { at: number; by: Author; to: string }) => a.at === b.at && a.to === b.to && a.by.name === b.by.name;

/**
 * The review with every acknowledgement and dispute of the agent in its history, in time order, and
 * its status that of its latest step. Idempotent: a step already recorded (same status, time and
 * person, as the agent's own browser wrote it) is not added again; the same review comes back
 * unchanged (by identity) when nothing is missing.
 */
export function withAgentAnswers(
  evaluation: Evaluation,
  acknowledgements: readonly Acknowledgement[],
  disputes: readonly Dispute[],
  criterionTitles: ReadonlyMap<string, string> = new Map(),
): Evaluation {
  if (evaluation.kind !== 'review' || evaluation.status === 'draft') return evaluation;
  const missing = agentSteps(acknowledgements, disputes, criterionTitles).filter((step) => !evaluation.history.some((h) => sameStep(h, step)));
  if (missing.length === 0) return evaluation;
  const steps = [...evaluation.history, ...missing.map((step) => ({ ...step, from: 'submitted' as const }))].sort((a, b) => a.at - b.at);
  const history = steps.map((step, i) => (missing.some((m) => sameStep(m, step)) && i > 0 ? { ...step, from: steps[i - 1]!.to } : step));
  const latest = history.at(-1)!;
  return { ...evaluation, history, status: latest.to, updatedAt: Math.max(evaluation.updatedAt, latest.at) };
}

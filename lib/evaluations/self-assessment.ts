import { scoreEvaluation } from '../scoring';
import type { Evaluation, Profile, ScorecardContent, TicketContext } from '../schemas';
import { isAboutMe } from './is-about-me';

/** A review of one of the user's own tickets is a self-assessment. */
export function evaluationKindFor(ticket: Pick<TicketContext, 'agent' | 'helpdesk'>, profile: Pick<Profile, 'name' | 'identities'>) {
  return isAboutMe(ticket.agent, ticket.helpdesk, profile) ? ('self-assessment' as const) : ('review' as const);
}

export interface BlindView {
  /** The evaluations of the ticket the user may see now. */
  visible: Evaluation[];
  /** Others' evaluations held back until the user's own self-assessment is submitted. */
  hidden: number;
  /** The user's submitted self-assessment of this ticket, newest, if any. */
  selfAssessment: Evaluation | undefined;
}

/**
 * Self-assessment is blind: an agent looking at their own ticket sees nobody else's evaluation of
 * it until they have submitted their own, so the review cannot anchor their judgement. Anyone else
 * (a reviewer, or the agent on someone else's ticket) sees everything.
 */
export function blindView(
  evaluations: readonly Evaluation[],
  ticket: Pick<TicketContext, 'agent' | 'helpdesk'>,
  profile: Pick<Profile, 'name' | 'identities'>,
): BlindView {
  const own = (e: Evaluation) => e.kind === 'self-assessment' && e.author.name === profile.name;
  const selfAssessment = evaluations.find((e) => own(e) && e.status !== 'draft');
  if (!isAboutMe(ticket.agent, ticket.helpdesk, profile) || selfAssessment) {
    return { visible: [...evaluations], hidden: 0, selfAssessment };
  }
  const visible = evaluations.filter(own);
  return { visible, hidden: evaluations.length - visible.length, selfAssessment };
}

export interface ComparisonRow {
  criterionId: string;
  title: string;
  self: string;
  reviewer: string;
  differs: boolean;
}

export interface Comparison {
  rows: ComparisonRow[];
  selfScore: number | null;
  reviewerScore: number | null;
}

/**
 * Self-assessment beside the review, criterion by criterion, in the self-assessment's scorecard
 * order. Answers are compared by value (or N/A), so two versions of a scorecard that relabel an
 * option still line up; a criterion only one side had counts as a difference.
 */
export function compareAssessments(
  self: { evaluation: Evaluation; scorecard: ScorecardContent },
  review: { evaluation: Evaluation; scorecard: ScorecardContent },
): Comparison {
  const mine = scoreEvaluation(self.scorecard, self.evaluation.answers).criteria;
  const theirs = new Map(scoreEvaluation(review.scorecard, review.evaluation.answers).criteria.map((c) => [c.criterionId, c]));
  const label = (c: (typeof mine)[number] | undefined) => (c === undefined ? 'Not on their scorecard' : (c.optionLabel ?? 'Unanswered'));
  const rows = mine.map((c) => {
    const other = theirs.get(c.criterionId);
    const differs = other === undefined || other.state !== c.state || other.value !== c.value;
    return { criterionId: c.criterionId, title: c.title, self: label(c), reviewer: label(other), differs };
  });
  return { rows, selfScore: self.evaluation.score, reviewerScore: review.evaluation.score };
}

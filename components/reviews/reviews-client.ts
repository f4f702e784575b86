import type { DecisionInput, DisputedCriterionInput } from '../../lib/feedback/review-lifecycle';
import type { Evaluation, Profile } from '../../lib/schemas';
import type { ReviewWithAnswers } from '../../lib/db/feedback';
import type { OnDataChanged } from '../shared/data-changes';

/** What the reviews page needs from the outside world; the entrypoint backs it with the database. */
export interface ReviewsClient {
  onDataChanged?: OnDataChanged;
  getProfile(): Promise<Profile>;
  /** Submitted reviews about the signed-in agent, newest first. */
  listMyReviews(): Promise<ReviewWithAnswers[]>;
  /** Reviews with an open dispute, for supervisors and admins to resolve. */
  listDisputedReviews(): Promise<ReviewWithAnswers[]>;
  acknowledge(evaluationId: string, comment: string): Promise<Evaluation>;
  dispute(evaluationId: string, criteria: DisputedCriterionInput[]): Promise<Evaluation>;
  resolve(disputeId: string, decisions: DecisionInput[]): Promise<Evaluation>;
  /** Milliseconds since the epoch: deadlines shown against it. */
  now(): number;
}

export type { ReviewWithAnswers };

/**
 * The evaluation-level cells shared by the long and wide export formats, and the encodings of the
 * per-answer cells that hold more than one value (evidence quotes, root causes). Every value is a
 * string: numbers plain, booleans 'true'/'false', times ISO 8601 UTC, '' for anything missing.
 */
import type { Answer, Evaluation, RootCause, Scorecard } from '../schemas';

/** Columns describing the evaluation as a whole, in export order. */
export const EVALUATION_COLUMNS = [
  'evaluation_id',
  'ticket_ref',
  'ticket_url',
  'subject',
  'helpdesk',
  'channel',
  'agent',
  'reviewer',
  'kind',
  'status',
  'scorecard_id',
  'scorecard_name',
  'scorecard_version',
] as const;

/** Evaluation-level columns written after the per-criterion ones in the long format. */
export const EVALUATION_TAIL_COLUMNS = [
  'evaluation_score',
  'passed',
  'strengths',
  'improvements',
  'created_at',
  'submitted_at',
  'review_seconds',
] as const;

export type EvaluationColumn = (typeof EVALUATION_COLUMNS)[number] | (typeof EVALUATION_TAIL_COLUMNS)[number];

export const text = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

export const isoTime = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/** Whether `scorecard` is exactly the version the evaluation pinned. */
export const isPinnedScorecard = (evaluation: Evaluation, scorecard: Scorecard | undefined): scorecard is Scorecard =>
  scorecard?.id === evaluation.scorecardId && scorecard.version === evaluation.scorecardVersion;

export function evaluationCells(evaluation: Evaluation, scorecard: Scorecard | undefined): Record<EvaluationColumn, string> {
  const { ticket } = evaluation;
  return {
    evaluation_id: evaluation.id,
    ticket_ref: ticket.ticketId,
    ticket_url: ticket.url,
    subject: ticket.subject,
    helpdesk: ticket.helpdesk,
    channel: ticket.channel,
    agent: ticket.agent?.name ?? '',
    reviewer: evaluation.author.name,
    kind: evaluation.kind,
    status: evaluation.status,
    scorecard_id: evaluation.scorecardId,
    scorecard_name: isPinnedScorecard(evaluation, scorecard) ? scorecard.name : '',
    scorecard_version: text(evaluation.scorecardVersion),
    evaluation_score: text(evaluation.score),
    passed: text(evaluation.passed),
    strengths: evaluation.strengths,
    improvements: evaluation.improvements,
    created_at: isoTime(evaluation.createdAt),
    submitted_at: isoTime(evaluation.submittedAt),
    review_seconds: text(evaluation.reviewSeconds),
  };
}

/**
 * Evidence quotes as a JSON array of `{ role, author, at, message, quote }` (message = the
 * helpdesk's message id): quotes hold commas, quotes and line breaks of their own, so only a real
 * encoding reads back exactly. '' when there is none.
 */
export function evidenceCell(answer: Answer | undefined): string {
  if (!answer || answer.evidence.length === 0) return '';
  return JSON.stringify(
    answer.evidence.map((e) => ({ role: e.role, author: e.author, at: e.at ?? '', message: e.messageId, quote: e.quote })),
  );
}

/** Root causes by their labels in the team's list (the id when a cause is no longer listed), one per line. */
export function rootCausesCell(answer: Answer | undefined, rootCauses: readonly RootCause[]): string {
  if (!answer) return '';
  const labels = new Map(rootCauses.map((cause) => [cause.id, cause.label]));
  return answer.rootCauses.map((id) => labels.get(id) ?? id).join('\n');
}

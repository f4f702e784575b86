/**
 * The long export format: one row per criterion per evaluation, so a spreadsheet or BI tool can
 * pivot on any column. Every value is a string: numbers plain, booleans 'true'/'false', times
 * ISO 8601 UTC, '' for anything missing.
 */
import type { Answer, Evaluation, Scorecard } from '../schemas';
import { NA_LABEL, scoreEvaluation } from '../scoring';

export const LONG_COLUMNS = [
  'evaluation_id',
  'ticket_ref',
  'ticket_url',
  'helpdesk',
  'channel',
  'agent',
  'reviewer',
  'kind',
  'status',
  'scorecard_id',
  'scorecard_name',
  'scorecard_version',
  'section',
  'criterion_id',
  'criterion',
  'weight',
  'critical',
  'na',
  'answer_label',
  'answer_value',
  'comment',
  'evidence',
  'root_causes',
  'evaluation_score',
  'passed',
  'strengths',
  'improvements',
  'created_at',
  'submitted_at',
  'review_seconds',
] as const;

export type LongColumn = (typeof LONG_COLUMNS)[number];

/** The per-criterion part of a row. */
type CriterionCells = Pick<
  Record<LongColumn, string>,
  'section' | 'criterion_id' | 'criterion' | 'weight' | 'critical' | 'na' | 'answer_label' | 'answer_value' | 'comment' | 'evidence' | 'root_causes'
>;

const text = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

const isoTime = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

/**
 * Each quote on its own line, with who said it, when and which message: `[agent Alex Moreno,
 * 2026-11-02T10:02:00Z, message 90012] "I have issued the refund"`.
 */
function evidenceCell(answer: Answer | undefined): string {
  return (answer?.evidence ?? [])
    .map((e) => `[${[`${e.role} ${e.author}`, e.at, `message ${e.messageId}`].filter(Boolean).join(', ')}] "${e.quote}"`)
    .join('\n');
}

const UNKNOWN_CRITERION: CriterionCells = {
  section: '',
  criterion_id: '',
  criterion: '',
  weight: '',
  critical: '',
  na: '',
  answer_label: '',
  answer_value: '',
  comment: '',
  evidence: '',
  root_causes: '',
};

/**
 * Cells for each criterion of the scorecard version the evaluation used, in scorecard order. The
 * `critical` column holds the criterion's criticality: 'none', 'section' or 'evaluation'.
 */
function criterionCells(evaluation: Evaluation, scorecard: Scorecard): CriterionCells[] {
  const sectionTitles = new Map(scorecard.sections.map((s) => [s.id, s.title]));
  return scoreEvaluation(scorecard, evaluation.answers).criteria.map((result) => ({
    section: sectionTitles.get(result.sectionId) ?? '',
    criterion_id: result.criterionId,
    criterion: result.title,
    weight: text(result.weight),
    critical: result.critical,
    na: text(result.state === 'na'),
    answer_label: text(result.optionLabel),
    answer_value: text(result.value),
    comment: evaluation.answers[result.criterionId]?.comment ?? '',
    evidence: evidenceCell(evaluation.answers[result.criterionId]),
    root_causes: (evaluation.answers[result.criterionId]?.rootCauses ?? []).join('; '),
  }));
}

/**
 * Without the scorecard version only the answers themselves are known: their criterion ids, N/A and
 * comments. An evaluation with no answers still gets one row, so it is never silently dropped.
 */
function answerCells(evaluation: Evaluation): CriterionCells[] {
  const cells = Object.entries(evaluation.answers).map(([criterionId, answer]) => ({
    ...UNKNOWN_CRITERION,
    criterion_id: criterionId,
    na: text(answer.na),
    answer_label: answer.na ? NA_LABEL : '',
    comment: answer.comment,
    evidence: evidenceCell(answer),
    root_causes: answer.rootCauses.join('; '),
  }));
  return cells.length > 0 ? cells : [UNKNOWN_CRITERION];
}

/**
 * The rows of one evaluation, each in LONG_COLUMNS order. `scorecard` must be the version the
 * evaluation pinned; any other scorecard (or none) is treated as missing.
 */
export function longRows(evaluation: Evaluation, scorecard: Scorecard | undefined): string[][] {
  const matches = scorecard?.id === evaluation.scorecardId && scorecard.version === evaluation.scorecardVersion;
  const criteria = matches && scorecard ? criterionCells(evaluation, scorecard) : answerCells(evaluation);
  const { ticket } = evaluation;

  return criteria.map((criterion) => {
    const row: Record<LongColumn, string> = {
      evaluation_id: evaluation.id,
      ticket_ref: ticket.ticketId,
      ticket_url: ticket.url,
      helpdesk: ticket.helpdesk,
      channel: ticket.channel,
      agent: ticket.agent?.name ?? '',
      reviewer: evaluation.author.name,
      kind: evaluation.kind,
      status: evaluation.status,
      scorecard_id: evaluation.scorecardId,
      scorecard_name: matches && scorecard ? scorecard.name : '',
      scorecard_version: text(evaluation.scorecardVersion),
      ...criterion,
      evaluation_score: text(evaluation.score),
      passed: text(evaluation.passed),
      strengths: evaluation.strengths,
      improvements: evaluation.improvements,
      created_at: isoTime(evaluation.createdAt),
      submitted_at: isoTime(evaluation.submittedAt),
      review_seconds: text(evaluation.reviewSeconds),
    };
    return LONG_COLUMNS.map((column) => row[column]);
  });
}

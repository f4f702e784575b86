/**
 * The long export format: one row per criterion per evaluation, so a spreadsheet or BI tool can
 * pivot on any column. Cells are encoded as in ./evaluation-cells.
 */
import { DEFAULT_ROOT_CAUSES, type Evaluation, type RootCause, type Scorecard } from '../schemas';
import { NA_LABEL, scoreEvaluation } from '../scoring';
import {
  EVALUATION_COLUMNS,
  EVALUATION_TAIL_COLUMNS,
  evaluationCells,
  type EvaluationColumn,
  evidenceCell,
  isPinnedScorecard,
  rootCausesCell,
  text,
} from './evaluation-cells';

export const CRITERION_COLUMNS = [
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
] as const;

export const LONG_COLUMNS = [...EVALUATION_COLUMNS, ...CRITERION_COLUMNS, ...EVALUATION_TAIL_COLUMNS] as const;

export type LongColumn = (typeof LONG_COLUMNS)[number];

/** The per-criterion part of a row, by column. */
type CriterionCells = Record<(typeof CRITERION_COLUMNS)[number], string>;

const UNKNOWN_CRITERION: CriterionCells = Object.fromEntries(CRITERION_COLUMNS.map((c) => [c, ''])) as CriterionCells;

const HEAD: readonly EvaluationColumn[] = EVALUATION_COLUMNS;
const TAIL: readonly EvaluationColumn[] = EVALUATION_TAIL_COLUMNS;

/**
 * Cells for each criterion of the scorecard version the evaluation used, in scorecard order. The
 * `critical` column holds the criterion's criticality: 'none', 'section' or 'evaluation'.
 */
function criterionCells(evaluation: Evaluation, scorecard: Scorecard, rootCauses: readonly RootCause[]): CriterionCells[] {
  const sectionTitles = new Map(scorecard.sections.map((s) => [s.id, s.title]));
  return scoreEvaluation(scorecard, evaluation.answers).criteria.map((result) => {
    const answer = evaluation.answers[result.criterionId];
    return {
      section: sectionTitles.get(result.sectionId) ?? '',
      criterion_id: result.criterionId,
      criterion: result.title,
      weight: text(result.weight),
      critical: result.critical,
      na: text(result.state === 'na'),
      answer_label: text(result.optionLabel),
      answer_value: text(result.value),
      comment: answer?.comment ?? '',
      evidence: evidenceCell(answer),
      root_causes: rootCausesCell(answer, rootCauses),
    };
  });
}

/**
 * Without the scorecard version only the answers themselves are known: their criterion ids, N/A,
 * comments, evidence and root causes. An evaluation with no answers still gets one row, so it is
 * never silently dropped.
 */
function answerCells(evaluation: Evaluation, rootCauses: readonly RootCause[]): CriterionCells[] {
  const cells = Object.entries(evaluation.answers).map(([criterionId, answer]) => ({
    ...UNKNOWN_CRITERION,
    criterion_id: criterionId,
    na: text(answer.na),
    answer_label: answer.na ? NA_LABEL : '',
    comment: answer.comment,
    evidence: evidenceCell(answer),
    root_causes: rootCausesCell(answer, rootCauses),
  }));
  return cells.length > 0 ? cells : [UNKNOWN_CRITERION];
}

/**
 * The rows of one evaluation, each in LONG_COLUMNS order. `scorecard` must be the version the
 * evaluation pinned; any other scorecard (or none) is treated as missing. `rootCauses` is the
 * team's list, which turns root-cause ids into the labels people read.
 */
export function longRows(
  evaluation: Evaluation,
  scorecard: Scorecard | undefined,
  rootCauses: readonly RootCause[] = DEFAULT_ROOT_CAUSES,
): string[][] {
  const criteria = isPinnedScorecard(evaluation, scorecard)
    ? criterionCells(evaluation, scorecard, rootCauses)
    : answerCells(evaluation, rootCauses);
  // Arrays, not merged objects: an export builds millions of these rows.
  const shared = evaluationCells(evaluation, scorecard);
  const head = HEAD.map((column) => shared[column]);
  const tail = TAIL.map((column) => shared[column]);
  return criteria.map((criterion) => [...head, ...CRITERION_COLUMNS.map((column) => criterion[column]), ...tail]);
}

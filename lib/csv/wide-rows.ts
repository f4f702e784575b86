/**
 * The wide export format: one row per evaluation of one scorecard version, with the evaluation
 * columns of the long format followed by one column per criterion holding the chosen outcome's
 * label ('N/A', or '' while unanswered). Evaluations of any other scorecard version do not fit the
 * columns and are left out by the caller.
 */
import type { Evaluation, Scorecard } from '../schemas';
import { scoreEvaluation } from '../scoring';
import { EVALUATION_COLUMNS, EVALUATION_TAIL_COLUMNS, evaluationCells, text } from './evaluation-cells';

const EVALUATION_PART = [...EVALUATION_COLUMNS, ...EVALUATION_TAIL_COLUMNS] as const;

/** The header: evaluation columns, then `<criterion title> [<criterion id>]` per criterion in scorecard order. */
export function wideColumns(scorecard: Scorecard): string[] {
  const criteria = scorecard.sections.flatMap((s) => s.criteria);
  return [...EVALUATION_PART, ...criteria.map((c) => `${c.title} [${c.id}]`)];
}

/** Whether an evaluation belongs in the wide export of this scorecard version. */
export const fitsWide = (evaluation: Evaluation, scorecard: Scorecard): boolean =>
  evaluation.scorecardId === scorecard.id && evaluation.scorecardVersion === scorecard.version;

/** One row in `wideColumns(scorecard)` order; the evaluation must fit (see fitsWide). */
export function wideRow(evaluation: Evaluation, scorecard: Scorecard): string[] {
  const shared = evaluationCells(evaluation, scorecard);
  const answers = scoreEvaluation(scorecard, evaluation.answers).criteria.map((c) => text(c.optionLabel));
  return [...EVALUATION_PART.map((column) => shared[column]), ...answers];
}

import { toCsv } from '../../lib/csv/csv-text';
import { LONG_COLUMNS, longRows } from '../../lib/csv/long-rows';
import type { Evaluation, Scorecard } from '../../lib/schemas';
import { localDate } from './format';

/** The long-format CSV of these evaluations, in the order given. */
export function evaluationsCsv(
  evaluations: readonly Evaluation[],
  scorecardFor: (evaluation: Evaluation) => Scorecard | undefined,
): string {
  const rows = evaluations.flatMap((evaluation) => longRows(evaluation, scorecardFor(evaluation)));
  return toCsv([LONG_COLUMNS, ...rows], { bom: false });
}

export function exportFilename(now: Date): string {
  return `qa-lens-evaluations-${localDate(now)}.csv`;
}

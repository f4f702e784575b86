/**
 * A CSV document of evaluations built piece by piece: the header once, then one chunk per page of
 * evaluations, so an export of any size never holds more than a page of rows at a time.
 */
import type { Evaluation, RootCause, Scorecard } from '../schemas';
import { CSV_BOM, csvLine } from './csv-text';
import { LONG_COLUMNS, longRows } from './long-rows';
import { fitsWide, wideColumns, wideRow } from './wide-rows';

export type CsvShape = { kind: 'long' } | { kind: 'wide'; scorecard: Scorecard };

export interface EvaluationsCsvOptions {
  shape: CsvShape;
  /** Put a UTF-8 byte order mark first: Excel then reads accents and emoji correctly. */
  bom: boolean;
  /** The team's root-cause list, for labels. */
  rootCauses: readonly RootCause[];
  /** The scorecard version an evaluation pinned, when stored. */
  scorecardFor: (evaluation: Evaluation) => Scorecard | undefined;
}

/** The first chunk: the optional BOM and the header row. */
export function csvHeader(options: Pick<EvaluationsCsvOptions, 'shape' | 'bom'>): string {
  const columns = options.shape.kind === 'long' ? LONG_COLUMNS : wideColumns(options.shape.scorecard);
  return (options.bom ? CSV_BOM : '') + csvLine(columns);
}

/** The rows of these evaluations as CSV text; a wide export skips evaluations of other scorecard versions. */
export function csvChunk(evaluations: readonly Evaluation[], options: EvaluationsCsvOptions): string {
  const { shape } = options;
  let chunk = '';
  for (const evaluation of evaluations) {
    if (shape.kind === 'wide') {
      if (fitsWide(evaluation, shape.scorecard)) chunk += csvLine(wideRow(evaluation, shape.scorecard));
      continue;
    }
    for (const row of longRows(evaluation, options.scorecardFor(evaluation), options.rootCauses)) chunk += csvLine(row);
  }
  return chunk;
}

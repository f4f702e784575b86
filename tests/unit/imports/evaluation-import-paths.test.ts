/**
 * The long import reads most rows of an exported file by a short path: a later row of an
 * evaluation whose shared cells are the text of its first row's is checked only in its
 * per-criterion cells. This proves that for any file, exported or damaged, the preview is the one
 * the plain reading (every row through LongRowSchema) gives: the same evaluations, the same refused
 * lines with the same reasons.
 */
import fc from 'fast-check';
import { neutraliseFormula } from '@/lib/csv/csv-text';
import { LONG_COLUMNS, longRows, type LongColumn } from '@/lib/csv/long-rows';
import { EvaluationImport, type RowReading } from '@/lib/imports/evaluation-import';
import { DEFAULT_ROOT_CAUSES } from '@/lib/schemas';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';
import { longCell } from './long-cells';

const scorecard = makeScorecard();
const context = { scorecards: [scorecard], rootCauses: DEFAULT_ROOT_CAUSES };

const evaluation = fc.record({
  id: fc.constantFrom('ev-1', 'ev-2', 'ev-3', ' ev-1'),
  ticketId: fc.constantFrom('4521', '4522'),
  agent: fc.constantFrom('Ana Agent', '=Ana', '-Bo'),
  channel: fc.constantFrom('email', 'chat'),
  greeting: fc.constantFrom('yes', 'no'),
  tone: fc.constantFrom('1', '2', '4'),
  comment: fc.constantFrom('', '@mention me', 'Line one\r\nline two'),
});

/** A change to one cell of one data row: a cell of the column's kind, or the same column of another row. */
const edit = fc.record({
  row: fc.nat(),
  column: fc.constantFrom(...LONG_COLUMNS),
  value: fc.oneof(fc.constant<null>(null), fc.constantFrom(...LONG_COLUMNS).chain((column) => longCell(column, 3))),
  from: fc.nat(),
});

const file = fc.record({
  evaluations: fc.array(evaluation, { minLength: 1, maxLength: 4 }),
  edits: fc.array(edit, { maxLength: 4 }),
  /** The header's column order, as a permutation key. */
  order: fc.array(fc.double({ noNaN: true }), { minLength: LONG_COLUMNS.length, maxLength: LONG_COLUMNS.length }),
  interleave: fc.boolean(),
  shortRow: fc.option(fc.nat()),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function cellsOf({ evaluations, edits, order, interleave, shortRow }: File) {
  let rows = evaluations.flatMap((e) =>
    longRows(
      makeEvaluation({ id: e.id, ticketId: e.ticketId, agent: e.agent, channel: e.channel, choices: { greeting: e.greeting, tone: e.tone }, comments: { greeting: e.comment } }),
      scorecard,
    ),
  );
  if (interleave) rows = rows.filter((_, i) => i % 2 === 0).concat(rows.filter((_, i) => i % 2 === 1));
  const at = (column: LongColumn) => LONG_COLUMNS.indexOf(column);
  for (const { row, column, value, from } of edits) {
    const target = rows[row % rows.length]!;
    // A null value copies the cell from another row: a shared cell that disagrees within one evaluation.
    target[at(column)] = value ?? rows[from % rows.length]![at(column)]!;
  }
  const permutation = LONG_COLUMNS.map((_, i) => i).sort((a, b) => order[a]! - order[b]! || a - b);
  const header = permutation.map((i) => LONG_COLUMNS[i]!);
  const data = rows.map((row) => permutation.map((i) => neutraliseFormula(row[i]!)));
  if (shortRow !== null) data[shortRow % data.length]!.pop();
  return { header, data };
}

function previewBy(reading: RowReading, header: string[], data: string[][]) {
  const importer = new EvaluationImport(context, reading);
  expect(importer.start(header)).toBe('');
  data.forEach((cells, i) => importer.add([...cells], i + 2));
  return importer.finish(new Set(['ev-3']));
}

describe('the long import, by the short path and by the schema alone', () => {
  it('previews any file the same way', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(file, (input) => {
        const { header, data } = cellsOf(input);
        const quick = previewBy('quick', header, data);
        expect(quick).toEqual(previewBy('schema', header, data));
        accepted += quick.accepted.length;
        refused += quick.rejected.length;
      }),
      { numRuns: 1_500 },
    );
    // Both outcomes were compared many times.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });
});

/**
 * The long import reads most rows without zod (it was most of the time a big import took); this
 * proves that for any row, valid or not, the result is what the schema alone gives: the same
 * values, or the same reason for refusing it.
 */
import fc from 'fast-check';
import { describeIssues } from '@/lib/schemas/describe-issues';
import { LONG_COLUMNS } from '@/lib/csv/long-rows';
import { LongRowSchema, parseLongRow } from '@/lib/imports/evaluation-import';

const EVIDENCE = JSON.stringify([{ role: 'customer', author: 'Dana', at: '', message: '7', quote: 'Where is my refund?' }]);

/** Cells a file may hold in each kind of column: values the schema takes, then near misses and rubbish. */
const CELLS: Record<string, { good: readonly string[]; bad: readonly string[] }> = {
  text: { good: ['', 'Refund', ' spaced ', '=SUM(A1)', 'é ü'], bad: [] },
  required: { good: ['ev-1', ' ev-2 '], bad: ['', '   '] },
  channel: { good: ['email', 'Chat', ' live chat ', 'whatsapp'], bad: ['pigeon', '', 'constructor', 'toString'] },
  kind: { good: ['review', 'self-assessment', 'calibration'], bad: ['Review', ' review', 'draft', ''] },
  status: { good: ['submitted', 'acknowledged', 'disputed', 'resolved'], bad: ['draft', 'Submitted', ''] },
  integer: { good: ['0', '7', ' 12 '], bad: ['-1', '1.5', '', 'x'] },
  number: { good: ['0', '2.5', '-3', ' 4 '], bad: ['1e3', '', 'x'] },
  optionalNumber: { good: ['', '83.33', '-0', ' 5 '], bad: ['five'] },
  boolean: { good: ['true', 'FALSE', 'yes', 'n', ' 1 '], bad: ['', 'maybe'] },
  optionalBoolean: { good: ['', 'true', 'No'], bad: ['perhaps'] },
  time: { good: ['2025-03-10T12:30:00Z', '2025-03-10', ' 2025-03-10 12:30 '], bad: ['2025-13-40', '', 'yesterday', '1960-01-01'] },
  optionalTime: { good: ['', '2025-03-10T12:30:00.123+02:00'], bad: ['soon'] },
  evidence: { good: ['', '  ', EVIDENCE, '[]'], bad: ['[{"quote":"x"}]', 'not json'] },
};

const KIND_OF: Record<string, keyof typeof CELLS> = {
  evaluation_id: 'required', ticket_ref: 'required', helpdesk: 'required', scorecard_id: 'required', criterion_id: 'required',
  channel: 'channel', kind: 'kind', status: 'status', scorecard_version: 'integer', review_seconds: 'integer', weight: 'number',
  answer_value: 'optionalNumber', evaluation_score: 'optionalNumber', na: 'boolean', passed: 'optionalBoolean',
  created_at: 'time', submitted_at: 'optionalTime', evidence: 'evidence',
};

/** Mostly good cells, so whole rows often pass and the quick reading is compared too. */
const cell = (column: string) => {
  const { good, bad } = CELLS[KIND_OF[column] ?? 'text']!;
  return bad.length ? fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) }) : fc.constantFrom(...good);
};
const row = fc.record(Object.fromEntries(LONG_COLUMNS.map((column) => [column, cell(column)])) as Record<string, fc.Arbitrary<string>>);

describe('reading a long row', () => {
  it('gives what the schema gives, for any row', () => {
    let accepted = 0;
    fc.assert(
      fc.property(row, (fields) => {
        const schema = LongRowSchema.safeParse(fields);
        accepted += schema.success ? 1 : 0;
        const read = parseLongRow(fields);
        if (schema.success) expect(read).toEqual({ ok: true, row: schema.data });
        else expect(read).toEqual({ ok: false, reason: describeIssues(schema.error, 'row') });
      }),
      { numRuns: 3_000 },
    );
    // Both outcomes were compared many times.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2_700);
  });
});

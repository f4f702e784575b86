/**
 * The long import reads most rows without zod (it was most of the time a big import took); this
 * proves that for any row, valid or not, the result is what the schema alone gives: the same
 * values, or the same reason for refusing it.
 */
import fc from 'fast-check';
import { describeIssues } from '@/lib/schemas/describe-issues';
import { LONG_COLUMNS } from '@/lib/csv/long-rows';
import { LongRowSchema, parseLongRow } from '@/lib/imports/evaluation-import';
import { longCell } from './long-cells';

/** Mostly good cells, so whole rows often pass and the quick reading is compared too. */
const row = fc.record(Object.fromEntries(LONG_COLUMNS.map((column) => [column, longCell(column)])) as Record<string, fc.Arbitrary<string>>);

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

/** Cells a long CSV may hold in each column, for the property tests of the long import. */
import fc from 'fast-check';
import type { LongColumn } from '@/lib/csv/long-rows';

const EVIDENCE = JSON.stringify([{ role: 'customer', author: 'Dana', at: '', message: '7', quote: 'Where is my refund?' }]);

/** Per kind of column: values the schema takes, then near misses and rubbish. */
export const CELLS: Record<string, { good: readonly string[]; bad: readonly string[] }> = {
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

const KIND_OF: Partial<Record<LongColumn, keyof typeof CELLS>> = {
  evaluation_id: 'required', ticket_ref: 'required', helpdesk: 'required', scorecard_id: 'required', criterion_id: 'required',
  channel: 'channel', kind: 'kind', status: 'status', scorecard_version: 'integer', review_seconds: 'integer', weight: 'number',
  answer_value: 'optionalNumber', evaluation_score: 'optionalNumber', na: 'boolean', passed: 'optionalBoolean',
  created_at: 'time', submitted_at: 'optionalTime', evidence: 'evidence',
};

/** A cell for `column`: mostly one the schema takes, sometimes (1 in `1 + goodWeight`) one it refuses. */
export function longCell(column: LongColumn, goodWeight = 19): fc.Arbitrary<string> {
  const { good, bad } = CELLS[KIND_OF[column] ?? 'text']!;
  return bad.length
    ? fc.oneof({ weight: goodWeight, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) })
    : fc.constantFrom(...good);
}

// Property-based fuzzing (fast-check) of every file a user can hand QA Lens: a CSV import, a
// scorecard JSON and a backup. What each promises, for any input: no crash, a specific error
// (never an empty or generic one), and nothing written unless the whole file is good.
import fc from 'fast-check';
import { readAllTables, restoreBackup } from '@/lib/db';
import { canConfirm } from '@/lib/imports/import-preview';
import { previewCsvImport, type CsvImportKind } from '@/lib/imports/preview-csv-import';
import { backupEnvelope, readBackup } from '@/lib/imports/read-backup';
import { parseScorecardFile, scorecardFile } from '@/lib/options/parse-scorecard-file';
import { DEFAULT_ROOT_CAUSES, ScorecardContentSchema } from '@/lib/schemas';
import { LONG_COLUMNS } from '@/lib/csv/long-rows';
import { chatTemplate, freshDatabase, ticket } from '../db/factories';
import { makeReview, SCORECARD } from '../feedback/review-factories';

const RUNS = { numRuns: 150 };
const specific = (message: string) => message.trim().length >= 10;

/** CSV-ish text: the right header or a wrong one, then rows of cells that mix quotes, commas, formulas and control characters. */
const cell = fc.oneof(fc.string(), fc.constantFrom('', '"', '""', '=1+1', '@SUM(A1)', '\r', '\n', ',', '\u0000', '💥', '-1', '1e309', 'NaN', 'true'));
const csvText = (header: fc.Arbitrary<string[]>) =>
  fc.tuple(header, fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }), fc.boolean()).map(([head, rows, bom]) => {
    const line = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
    return (bom ? '\uFEFF' : '') + [head, ...rows].map(line).join('\r\n');
  });
const headers: fc.Arbitrary<string[]> = fc.oneof(fc.constant<string[]>([...LONG_COLUMNS]), fc.constant<string[]>(['ticket_id', 'csat', 'agent']), fc.constant<string[]>(['agent', 'period_start', 'period_end', 'csat_percent']), fc.array(fc.string(), { maxLength: 6 }));

describe('fuzzing the CSV import', () => {
  it.each<CsvImportKind>(['evaluations', 'kpis', 'tickets'])('a %s import of any text previews without crashing; a refused row names its line and reason; nothing partial can be confirmed', async (kind) => {
    await fc.assert(
      fc.asyncProperty(csvText(headers), async (text) => {
        const { preview } = await previewCsvImport(kind, text, {
          scorecards: [SCORECARD],
          rootCauses: DEFAULT_ROOT_CAUSES,
          now: 1,
          newId: () => crypto.randomUUID(),
          storedEvaluationIds: async () => new Set(),
        });
        if (preview.fileError) expect(specific(preview.fileError)).toBe(true);
        for (const row of preview.rejected) {
          expect(row.line).toBeGreaterThanOrEqual(2);
          expect(specific(row.reason)).toBe(true);
        }
        if (preview.rejected.length > 0 || preview.fileError) expect(canConfirm(preview)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('fuzzing the scorecard JSON import', () => {
  it('any JSON value, or any text, gives either a valid scorecard or specific errors', () => {
    const valid = JSON.parse(scorecardFile(chatTemplate).text) as Record<string, unknown>;
    const mutated = fc.tuple(fc.constantFrom(...Object.keys(valid)), fc.jsonValue()).map(([key, value]) => JSON.stringify({ ...valid, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), mutated), (text) => {
        const result = parseScorecardFile(text);
        if (result.ok) expect(ScorecardContentSchema.safeParse(result.content).success).toBe(true);
        else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(specific(error)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('fuzzing backup restore', () => {
  it('a backup with any one value replaced is either refused with specific errors and restores nothing, or restores whole', async () => {
    const source = freshDatabase();
    await source.scorecards.add(SCORECARD);
    await source.evaluations.bulkAdd([makeReview({ id: 'ev-1' }), makeReview({ id: 'ev-2' })]);
    await source.tickets.add({ ...ticket, key: 'zendesk:1001', capturedAt: 5 });
    const envelope = backupEnvelope(await readAllTables(source), 1000, 'Rae');
    const paths = [
      ['schemaVersion'], ['counts', 'evaluations'], ['tables', 'evaluations', 0, 'score'], ['tables', 'evaluations', 1, 'answers'], ['tables', 'evaluations', 0, 'ticket', 'channel'],
      ['tables', 'tickets', 0, 'messages'], ['tables', 'scorecards', 0, 'sections'], ['tables', 'settings'], ['format'], ['tables'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), fc.boolean(), async (path, value, truncate) => {
        const copy = structuredClone(envelope) as unknown as Record<string, unknown>;
        let at = copy as Record<string | number, unknown>;
        for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
        at[path.at(-1)!] = value;
        const text = JSON.stringify(copy);
        const result = readBackup(truncate ? text.slice(0, Math.floor(text.length / 2)) : text);
        const target = freshDatabase();
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(specific(error)).toBe(true);
          // Nothing of a refused file reaches the database: the user restores nothing, not part of it.
          expect(await target.evaluations.count()).toBe(0);
          return;
        }
        await restoreBackup(target, result.backup, 2000);
        expect(await target.evaluations.count()).toBe(result.backup.tables.evaluations.length);
      }),
      { numRuns: 60 },
    );
  });
});

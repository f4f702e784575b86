import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../../lib/csv/csv-text';
import { LONG_COLUMNS } from '../../../lib/csv/long-rows';
import { wideColumns } from '../../../lib/csv/wide-rows';
import { EMPTY_FILTER, evaluationMatcher } from '../../../lib/dashboard/filter-evaluations';
import { exportEvaluationsCsv, saveTeamSettings, type ExportProgress } from '../../../lib/db';
import { DEFAULT_TEAM_SETTINGS } from '../../../lib/schemas';
import { CRITERIA_COUNT, makeEvaluation, makeScorecard } from '../dashboard/factories';
import { freshDatabase } from './factories';

const scorecard = makeScorecard();
const v2 = makeScorecard({ version: 2, name: 'Support basics' });

async function seeded(count: number) {
  const db = freshDatabase();
  await db.scorecards.bulkAdd([scorecard, v2]);
  const evaluations = Array.from({ length: count }, (_, i) =>
    makeEvaluation({ id: `ev-${String(i).padStart(3, '0')}`, ticketId: String(i), agent: i % 2 ? 'Ben' : 'Ana', scorecard: i % 5 === 4 ? v2 : scorecard }),
  );
  await db.evaluations.bulkAdd([...evaluations, makeEvaluation({ id: 'draft', submittedAt: null })]);
  return db;
}

async function run(db: Awaited<ReturnType<typeof seeded>>, options: Partial<Parameters<typeof exportEvaluationsCsv>[2]> = {}) {
  const chunks: string[] = [];
  const progress: ExportProgress[] = [];
  const exported = await exportEvaluationsCsv(
    db,
    { write: async (chunk) => void chunks.push(chunk) },
    { shape: { kind: 'long' }, bom: false, keep: evaluationMatcher(EMPTY_FILTER), pageSize: 7, onProgress: (p) => progress.push(p), ...options },
  );
  return { exported, chunks, text: chunks.join(''), progress };
}

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

describe('exportEvaluationsCsv', () => {
  it('streams every submitted evaluation page by page, with progress after each page', async () => {
    const { exported, chunks, text, progress } = await run(await seeded(20));
    expect(exported).toBe(20);
    // Header, then 21 stored rows (one draft) in pages of 7: 3 pages.
    expect(chunks).toHaveLength(4);
    expect(progress.map((p) => p.read)).toEqual([0, 7, 14, 21]);
    expect(progress.at(-1)).toEqual({ read: 21, total: 21, exported: 20 });
    const rows = parse(text);
    expect(rows[0]).toEqual([...LONG_COLUMNS]);
    expect(rows).toHaveLength(1 + 20 * CRITERIA_COUNT);
    expect(new Set(rows.slice(1).map((r) => r[0])).has('draft')).toBe(false);
  });

  it('exports only what the filter keeps', async () => {
    const { exported, text } = await run(await seeded(20), { keep: evaluationMatcher({ ...EMPTY_FILTER, agent: 'Ben' }) });
    expect(exported).toBe(10);
    expect(new Set(parse(text).slice(1).map((r) => r[LONG_COLUMNS.indexOf('agent')]))).toEqual(new Set(['Ben']));
  });

  it('puts a byte order mark first when asked', async () => {
    expect((await run(await seeded(1), { bom: true })).text.startsWith(`${CSV_BOM}evaluation_id,`)).toBe(true);
    expect((await run(await seeded(1))).text.startsWith('evaluation_id,')).toBe(true);
  });

  it('writes the wide shape for one scorecard version: one row per evaluation, a column per criterion', async () => {
    const { exported, text } = await run(await seeded(10), { shape: { kind: 'wide', scorecard: v2 } });
    const rows = parse(text);
    expect(rows[0]).toEqual(wideColumns(v2));
    expect(rows[0]?.slice(-CRITERIA_COUNT)).toEqual(['Greeting [greeting]', 'Asked clarifying questions [clarify]', 'Accurate answer [accurate]', 'Tone [tone]', 'Proactive help [proactive]']);
    expect(exported).toBe(2);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['ev-004', 'ev-009']);
    expect(rows[1]?.slice(-CRITERIA_COUNT)).toEqual(['Yes', 'Yes', 'Yes', 'Excellent', 'No']);
  });

  it('writes evidence quotes and root causes by the team\'s labels', async () => {
    const db = await seeded(0);
    await saveTeamSettings(db, { ...DEFAULT_TEAM_SETTINGS, rootCauses: [{ id: 'kb', label: 'Knowledge base out of date', category: 'process' }] });
    const evaluation = makeEvaluation({ id: 'ev-q' });
    evaluation.answers.tone = { ...evaluation.answers.tone!, rootCauses: ['kb'], evidence: [{ messageId: 'm1', quote: 'We never do that.', author: 'Sam', role: 'agent', at: '2025-03-10T10:00:00.000Z' }] };
    await db.evaluations.add(evaluation);
    const tone = parse((await run(db)).text).find((r) => r[LONG_COLUMNS.indexOf('criterion_id')] === 'tone')!;
    expect(tone[LONG_COLUMNS.indexOf('root_causes')]).toBe('Knowledge base out of date');
    expect(JSON.parse(tone[LONG_COLUMNS.indexOf('evidence')]!)).toEqual([{ role: 'agent', author: 'Sam', at: '2025-03-10T10:00:00.000Z', message: 'm1', quote: 'We never do that.' }]);
  });
});

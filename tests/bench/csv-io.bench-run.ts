// CSV export and import at scale, against baselines measured in the same run:
// - export: our RFC 4180 writer (quoting + formula neutralising) against papaparse `unparse` (with
//   its own formula escaping) on the very same long rows, page by page, 100k evaluations × 20
//   criteria = 2M rows generated on the fly (never all in memory), with the peak heap seen;
// - import: the whole long-CSV import (parse, check every row, regroup, rescore) of 100k rows, then
//   writing them in one transaction, against papaparse parsing the same text alone.
import { cpus, loadavg } from 'node:os';
import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { csvLine } from '@/lib/csv/csv-text';
import { csvChunk, csvHeader } from '@/lib/csv/evaluations-csv';
import { longRows } from '@/lib/csv/long-rows';
import { importEvaluations, QaLensDatabase } from '@/lib/db';
import { previewCsvImport } from '@/lib/imports/preview-csv-import';
import { BLANK_ANSWER, DEFAULT_ROOT_CAUSES, type Answer, type Evaluation, type Scorecard } from '@/lib/schemas';
import { scoreEvaluation } from '@/lib/scoring';
import { median, writeBenchSection } from './write-section';

const EVALUATIONS = Number(process.env.BENCH_CSV_EVALUATIONS ?? 100_000);
const CRITERIA = 20;
const PAGE = 500;
const IMPORT_ROWS = Number(process.env.BENCH_CSV_IMPORT_ROWS ?? 100_000);
const TARGET_RATIO = 1;
const IMPORT_ROUNDS = 3;
const IMPORT_TARGET_RATIO = 3;

const scorecard: Scorecard = {
  id: 'sc-bench',
  version: 1,
  name: 'Bench scorecard',
  description: '',
  channels: [],
  passMark: 80,
  archived: false,
  createdAt: 0,
  updatedAt: 0,
  sections: [
    {
      id: 's1',
      title: 'Service',
      bonus: false,
      criteria: Array.from({ length: CRITERIA }, (_, i) => ({
        id: `c${i}`,
        title: `Criterion ${i}`,
        description: '',
        weight: 1 + (i % 3),
        scale: { kind: 'points' as const, points: 5 as const },
        allowNa: true,
        critical: 'none' as const,
      })),
    },
  ],
};

/** Evaluation n, deterministic, with the kinds of text real comments hold: commas, quotes, line breaks, accents, formulas. */
function evaluation(n: number): Evaluation {
  const answers: Record<string, Answer> = {};
  for (let i = 0; i < CRITERIA; i++) {
    const pick = (n * 7 + i * 3) % 11;
    answers[`c${i}`] =
      pick === 10
        ? { ...BLANK_ANSWER, na: true }
        : { ...BLANK_ANSWER, optionId: String(1 + (pick % 5)), comment: pick % 4 === 0 ? `Said "sorry", then fixed it\nCafé ${n}` : pick === 3 ? `=HYPERLINK("x")` : '' };
  }
  const result = scoreEvaluation(scorecard, answers);
  const at = Date.UTC(2025, 0, 1) + n * 60_000;
  return {
    id: `ev-${String(n).padStart(7, '0')}`,
    kind: 'review',
    status: 'submitted',
    ticket: { key: `zendesk:${n}`, helpdesk: 'zendesk', ticketId: String(n), url: `https://acme.zendesk.com/agent/tickets/${n}`, channel: 'email', subject: `Order ${n}, refund`, agent: { name: `Agent ${n % 40}` } },
    scorecardId: scorecard.id,
    scorecardVersion: 1,
    answers,
    strengths: 'Clear and kind',
    improvements: '',
    author: { name: 'Rita Reviewer', role: 'supervisor' },
    score: result.score,
    passed: result.passed,
    reviewSeconds: 120,
    acknowledgeBy: null,
    history: [],
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const perSecond = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en')} rows/s`;

it('measures CSV export and import', { timeout: 1_800_000 }, async () => {
  const options = { shape: { kind: 'long' as const }, bom: false, rootCauses: DEFAULT_ROOT_CAUSES, scorecardFor: () => scorecard };
  let oursMs = 0;
  let papaMs = 0;
  let pipelineMs = 0;
  let rows = 0;
  let bytes = csvHeader(options).length;
  const heapStart = process.memoryUsage().heapUsed;
  let heapPeak = heapStart;

  for (let start = 0; start < EVALUATIONS; start += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, EVALUATIONS - start) }, (_, i) => evaluation(start + i));
    // The export as it runs in the dashboard: rows built and written, one page at a time.
    let t = performance.now();
    const chunk = csvChunk(page, options);
    pipelineMs += performance.now() - t;
    bytes += chunk.length;

    // Writers alone on the same rows, alternating which goes first.
    const pageRows = page.flatMap((e) => longRows(e, scorecard));
    rows += pageRows.length;
    const ours = () => {
      t = performance.now();
      let text = '';
      for (const row of pageRows) text += csvLine(row);
      oursMs += performance.now() - t;
      return text.length;
    };
    const papa = () => {
      t = performance.now();
      const text = Papa.unparse(pageRows, { newline: '\r\n', escapeFormulae: true });
      papaMs += performance.now() - t;
      return text.length;
    };
    const [first, second] = (start / PAGE) % 2 ? [papa, ours] : [ours, papa];
    first();
    second();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }

  // Import: 100k long rows (5,000 evaluations × 20 criteria) as one file.
  const importEvaluationsCount = IMPORT_ROWS / CRITERIA;
  let text = csvHeader(options);
  for (let start = 0; start < importEvaluationsCount; start += PAGE) {
    text += csvChunk(Array.from({ length: Math.min(PAGE, importEvaluationsCount - start) }, (_, i) => evaluation(start + i)), options);
  }
  // Parse alone and the whole preview, alternating, three rounds: the ratio is judged on the median
  // of each round's pair, so a slow moment on the machine hits both sides of a pair alike.
  const context = { scorecards: [scorecard], rootCauses: DEFAULT_ROOT_CAUSES, now: 0, newId: () => '', storedEvaluationIds: async () => new Set<string>() };
  const parses: number[] = [];
  const checks: number[] = [];
  let result: Awaited<ReturnType<typeof previewCsvImport>> | undefined;
  for (let round = 0; round < IMPORT_ROUNDS; round++) {
    let t = performance.now();
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    parses.push(performance.now() - t);
    if (parsed.data.length !== IMPORT_ROWS + 1) throw new Error(`parsed ${parsed.data.length} rows`);
    t = performance.now();
    result = await previewCsvImport('evaluations', text, context);
    checks.push(performance.now() - t);
  }
  const parseMs = median(parses);
  const checkMs = median(checks);
  const importRatio = median(checks.map((ms, i) => ms / parses[i]!));
  if (!result || result.preview.rejected.length || result.preview.accepted.length !== importEvaluationsCount) {
    throw new Error(`import refused rows: ${JSON.stringify(result?.preview.rejected.slice(0, 3))}`);
  }
  const db = new QaLensDatabase(`bench-${crypto.randomUUID()}`);
  const t = performance.now();
  await importEvaluations(db, result.preview.accepted as Evaluation[]);
  const writeMs = performance.now() - t;
  db.close();

  const ratio = papaMs / oursMs;
  const table = [
    '| Metric | Measured | Target | Result |',
    '| --- | --: | --: | :-: |',
    `| Long export, rows written (${EVALUATIONS.toLocaleString('en')} evaluations × ${CRITERIA} criteria) | ${rows.toLocaleString('en')} rows, ${mb(bytes)} of text | — | — |`,
    `| CSV writer alone: QA Lens \`csvLine\` | ${(oursMs / 1000).toFixed(2)} s (${perSecond(rows, oursMs)}) | — | — |`,
    `| CSV writer alone: papaparse \`unparse\` (escapeFormulae) on the same rows | ${(papaMs / 1000).toFixed(2)} s (${perSecond(rows, papaMs)}) | — | — |`,
    `| Throughput ratio QA Lens / papaparse | ${ratio.toFixed(2)}× | ≥ ${TARGET_RATIO}× | ${ratio >= TARGET_RATIO ? 'pass' : '**FAIL**'} |`,
    `| Whole export path (build rows + write), page by page | ${(pipelineMs / 1000).toFixed(2)} s (${perSecond(rows, pipelineMs)}) | — | — |`,
    `| Peak JS heap during the export (start ${mb(heapStart)}) | ${mb(heapPeak)} | bounded: ≪ ${mb(bytes * 2)} (the file as UTF-16) | ${heapPeak - heapStart < bytes ? 'pass' : '**FAIL**'} |`,
    `| Import of ${IMPORT_ROWS.toLocaleString('en')} long rows: papaparse parse alone (baseline), median of ${IMPORT_ROUNDS} | ${(parseMs / 1000).toFixed(2)} s | — | — |`,
    `| Import: parse, check every row, regroup, rescore (preview), median of ${IMPORT_ROUNDS} | ${(checkMs / 1000).toFixed(2)} s (${perSecond(IMPORT_ROWS, checkMs)}) | — | — |`,
    `| Import preview / parse alone (median of the per-round ratios) | ${importRatio.toFixed(1)}× | ≤ ${IMPORT_TARGET_RATIO}× | ${importRatio <= IMPORT_TARGET_RATIO ? 'pass' : '**FAIL**'} |`,
    `| Import: write ${importEvaluationsCount.toLocaleString('en')} evaluations in one transaction (fake-indexeddb) | ${(writeMs / 1000).toFixed(2)} s | — | — |`,
  ].join('\n');
  console.log(table);
  writeBenchSection(
    'csv-io',
    `## CSV export and import

Measured ${new Date().toISOString()} with \`npm run bench\` (tests/bench/csv-io.bench-run.ts), Node ${process.version}, ${cpus().length} cores, 1-minute load average ${loadavg()[0]!.toFixed(1)} at the end of the run (the ratios, measured on the same text in the same run, are the steadier figures).
The export rows are generated page by page (${PAGE} evaluations a page) and dropped after each page, as the dashboard's export reads Dexie
in pages, so no 2M-row array exists; the writer columns time the two writers alone on identical rows, alternating which runs first.
Heap is \`process.memoryUsage().heapUsed\` sampled after each page (garbage collection decides the exact figure). The import runs the
real preview (papaparse in step mode, each row read and checked, regrouping and rescoring each evaluation) against papaparse's bare
parse of the same text, alternating, ${IMPORT_ROUNDS} rounds (the ratio is the median of each round's pair); then the all-or-nothing
write into fake-indexeddb (an in-memory IndexedDB in Node; the browser's own IndexedDB is not measured here). Before the work on
issue 17 the preview took 18.6× the bare parse.

${table}`,
  );
});

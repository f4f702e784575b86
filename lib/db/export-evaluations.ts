import { csvChunk, csvHeader, type CsvShape } from '../csv/evaluations-csv';
import { fitsWide } from '../csv/wide-rows';
import type { Evaluation, Scorecard } from '../schemas';
import { countEvaluations, evaluationPages } from './bulk';
import type { QaLensDatabase } from './database';
import { getTeamSettings } from './settings';
import { redactEvaluation } from '../privacy';
import { rulesFor } from './privacy';

/** Where an export's text goes, chunk by chunk (a file on disk, parts of a Blob, a test's array). */
export interface TextSink {
  write(chunk: string): Promise<void>;
}

export interface ExportProgress {
  /** Evaluations read so far, kept or not. */
  read: number;
  /** Evaluations stored when the export started. */
  total: number;
  /** Evaluations written to the file so far. */
  exported: number;
}

export interface EvaluationsExport {
  shape: CsvShape;
  bom: boolean;
  /** Which evaluations to write; every submitted one when absent. */
  keep: (evaluation: Evaluation) => boolean;
  onProgress?: (progress: ExportProgress) => void;
  pageSize?: number;
}

/**
 * Streams the evaluations the export keeps into `sink` as CSV, one page at a time, reporting
 * progress after each page. Returns how many evaluations were written.
 */
export async function exportEvaluationsCsv(db: QaLensDatabase, sink: TextSink, options: EvaluationsExport): Promise<number> {
  const { shape } = options;
  const { rootCauses, privacy } = await getTeamSettings(db);
  const rules = rulesFor(privacy);
  const scorecards = new Map<string, Scorecard | undefined>();
  const progress: ExportProgress = { read: 0, total: await countEvaluations(db), exported: 0 };
  const csv = { shape, bom: options.bom, rootCauses, scorecardFor: (e: Evaluation) => scorecards.get(pinKey(e)) };

  await sink.write(csvHeader(csv));
  options.onProgress?.({ ...progress });
  for await (const page of evaluationPages(db, options.pageSize)) {
    // Drafts are nobody's result yet: exports, like the dashboard, hold submitted evaluations only.
    // Redacted again on the way out: rows pulled or restored before redaction existed leave clean too.
    const kept = page
      .filter((e) => e.submittedAt !== null && e.status !== 'draft' && options.keep(e) && (shape.kind === 'long' || fitsWide(e, shape.scorecard)))
      .map((e) => redactEvaluation(e, rules));
    await loadPinnedScorecards(db, kept, scorecards);
    await sink.write(csvChunk(kept, csv));
    progress.read += page.length;
    progress.exported += kept.length;
    options.onProgress?.({ ...progress, total: Math.max(progress.total, progress.read) });
  }
  return progress.exported;
}

const pinKey = (e: Evaluation) => `${e.scorecardId}@${e.scorecardVersion}`;

/** Reads each scorecard version the page pins that is not cached yet; a scorecard has few versions. */
async function loadPinnedScorecards(db: QaLensDatabase, evaluations: readonly Evaluation[], cache: Map<string, Scorecard | undefined>) {
  const missing = [...new Map(evaluations.filter((e) => !cache.has(pinKey(e))).map((e) => [pinKey(e), e])).values()];
  if (missing.length === 0) return;
  const found = await db.scorecards.bulkGet(missing.map((e) => [e.scorecardId, e.scorecardVersion] as [string, number]));
  missing.forEach((e, i) => cache.set(pinKey(e), found[i]));
}

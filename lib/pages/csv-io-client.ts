/** The dashboard's CSV client over the extension's database and the browser's file saving. */
import type { CsvIoClient } from '@/components/dashboard/csv-io-client';
import { countEvaluations, getTeamSettings, importEvaluations, importKpis, importTicketList, listScorecardVersions, storedEvaluationIds, type QaLensDatabase } from '../db';
import { exportEvaluationsCsv } from '../db/export-evaluations';
import { evaluationMatcher, EMPTY_FILTER } from '../dashboard/filter-evaluations';
import { newId } from '../ids';
import { canConfirm } from '../imports/import-preview';
import { previewCsvImport } from '../imports/preview-csv-import';
import { afterWrite } from './after-write';
import { blobDownloadSink, pickedFileSink, type FileSink } from './file-sink';

/** Above this many stored evaluations, ask where to save so the file streams to disk. */
const PICKER_THRESHOLD = 20_000;

/** A file sink for an export, or null when the user cancelled choosing where to save it. */
export type OpenSink = (filename: string) => Promise<FileSink | null>;

async function openDefaultSink(db: QaLensDatabase, filename: string): Promise<FileSink | null> {
  if ((await countEvaluations(db)) > PICKER_THRESHOLD) {
    try {
      const picked = await pickedFileSink(filename);
      if (picked) return picked;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      throw error;
    }
  }
  return blobDownloadSink(filename, 'text/csv;charset=utf-8');
}

export function createCsvIoClient(db: QaLensDatabase, openSink: OpenSink = (filename) => openDefaultSink(db, filename)): CsvIoClient {
  return {
    async exportCsv(request, onProgress) {
      const sink = await openSink(request.filename);
      if (!sink) return null;
      try {
        const keep = evaluationMatcher(request.filter ?? EMPTY_FILTER);
        const exported = await exportEvaluationsCsv(db, sink, { shape: request.shape, bom: request.bom, keep, onProgress });
        await sink.close();
        return exported;
      } catch (error) {
        await sink.abort();
        throw error;
      }
    },
    async previewImport(kind, file) {
      const [scorecards, { rootCauses }] = await Promise.all([listScorecardVersions(db), getTeamSettings(db)]);
      return previewCsvImport(kind, file, {
        scorecards,
        rootCauses,
        now: Date.now(),
        newId,
        storedEvaluationIds: (ids) => storedEvaluationIds(db, ids),
      });
    },
    async confirmImport({ kind, preview }) {
      if (!canConfirm(preview)) throw new Error('This import has refused rows; fix the file and choose it again. Nothing was imported.');
      if (kind === 'evaluations') await afterWrite(importEvaluations(db, preview.accepted));
      else if (kind === 'kpis') await afterWrite(importKpis(db, preview.accepted));
      else await afterWrite(importTicketList(db, preview.accepted.map((row) => row.ticket), preview.accepted.flatMap((row) => (row.kpi ? [row.kpi] : []))));
    },
  };
}

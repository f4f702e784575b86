import type { CsvShape } from '../../lib/csv/evaluations-csv';
import type { EvaluationFilter } from '../../lib/dashboard/filter-evaluations';
import type { CsvImportKind, CsvImportPreview } from '../../lib/imports/preview-csv-import';

export interface CsvExportRequest {
  shape: CsvShape;
  bom: boolean;
  filename: string;
  /** The dashboard's filter, or null for every submitted evaluation. */
  filter: EvaluationFilter | null;
}

export interface CsvExportProgress {
  read: number;
  total: number;
  exported: number;
}

/** CSV in and out of the dashboard; the entrypoint backs it with the database and the file system. */
export interface CsvIoClient {
  /** Streams the export to a file; resolves with the number of evaluations written, or null when the user cancelled. */
  exportCsv(request: CsvExportRequest, onProgress: (progress: CsvExportProgress) => void): Promise<number | null>;
  /** Reads and checks a file; writes nothing. */
  previewImport(kind: CsvImportKind, file: File): Promise<CsvImportPreview>;
  /** Writes a preview that has no refused rows, all or nothing. */
  confirmImport(preview: CsvImportPreview): Promise<void>;
}

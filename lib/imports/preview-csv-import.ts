/**
 * Reads a CSV file of the chosen kind into an import preview. Nothing is written here: the user
 * sees the preview and confirms, and only a preview with no refused row can be written.
 */
import type { Evaluation, KpiRecord, RootCause, Scorecard } from '../schemas';
import { EvaluationImport } from './evaluation-import';
import { emptyPreview, type ImportPreview } from './import-preview';
import { AGENT_PERIOD_FIELDS, agentPeriodKpiImport, kpiScopeOf, TICKET_KPI_FIELDS, ticketKpiImport } from './kpi-import';
import { readCsv } from './read-csv';
import { TICKET_FIELDS, ticketListImport, type ImportedTicketRow, type RecordContext } from './ticket-list-import';

export type CsvImportKind = 'evaluations' | 'kpis' | 'tickets';

export const CSV_IMPORT_KINDS: Record<CsvImportKind, string> = {
  evaluations: 'Evaluations (long CSV from QA Lens)',
  kpis: 'KPI records',
  tickets: 'Ticket list from a helpdesk',
};

export type CsvImportPreview =
  | { kind: 'evaluations'; preview: ImportPreview<Evaluation> }
  | { kind: 'kpis'; preview: ImportPreview<KpiRecord> }
  | { kind: 'tickets'; preview: ImportPreview<ImportedTicketRow> };

export interface CsvImportContext extends RecordContext {
  scorecards: readonly Scorecard[];
  rootCauses: readonly RootCause[];
  /** Which of these evaluation ids are already stored. */
  storedEvaluationIds: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
}

interface RowImport<T> {
  start(header: string[]): string;
  add(cells: string[], line: number): void;
  finish(): ImportPreview<T>;
}

/**
 * Reads the file once; `choose` picks the row import from the header (KPI files come in two scopes),
 * `finish` builds the preview from it (once: on a big file that is most of the work).
 */
async function run<T, I extends RowImport<T>>(
  file: Blob | string,
  choose: (header: string[]) => I,
  finish: (importer: I) => ImportPreview<T> | Promise<ImportPreview<T>> = (importer) => importer.finish(),
): Promise<ImportPreview<T>> {
  let importer: I | undefined;
  const read = await readCsv(file, {
    header(columns) {
      importer = choose(columns);
      return importer.start(columns);
    },
    record: (cells, line) => importer?.add(cells, line),
  });
  if (!read.ok) return emptyPreview(read.error, importer?.finish().mapping);
  return finish(importer!);
}

export async function previewCsvImport(kind: CsvImportKind, file: Blob | string, context: CsvImportContext): Promise<CsvImportPreview> {
  switch (kind) {
    case 'evaluations': {
      const importer = new EvaluationImport(context);
      const preview = await run(file, () => importer, async (read) => read.finish(await context.storedEvaluationIds(read.evaluationIds())));
      return { kind, preview };
    }
    case 'kpis':
      return {
        kind,
        preview: await run(file, (header): RowImport<KpiRecord> => (kpiScopeOf(header) === 'ticket' ? ticketKpiImport(context) : agentPeriodKpiImport(context))),
      };
    case 'tickets': {
      // The checks' language models load only for a ticket list, and only when one is imported.
      const { spotlightOf } = await import('../autoqa/spotlight-of');
      return { kind, preview: await run(file, () => ticketListImport({ spotlight: spotlightOf, ...context })) };
    }
  }
}

/** Fields each kind recognises, for the dialog's help text. */
export const EXPECTED_COLUMNS: Record<CsvImportKind, string> = {
  evaluations: 'the columns of a long CSV exported from QA Lens',
  kpis: `per ticket: ${TICKET_KPI_FIELDS.map((f) => f.field).join(', ')}; or per agent and period: ${AGENT_PERIOD_FIELDS.map((f) => f.field).join(', ')}`,
  tickets: TICKET_FIELDS.map((f) => f.field).join(', '),
};


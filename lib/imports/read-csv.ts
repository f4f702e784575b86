/**
 * Reads a CSV file record by record with papaparse (in chunks, so a large file is never one string
 * in memory), giving each record the line it starts on, as a spreadsheet or text editor would number
 * it: a quoted cell with line breaks makes its record span several lines.
 */
import Papa from 'papaparse';

export interface CsvReadResult {
  ok: boolean;
  /** The header row, BOM removed; empty when the file could not be read. */
  header: string[];
  /** Why the file as a whole cannot be read; '' when ok. */
  error: string;
}

const BOM = '\uFEFF';
const SNIFF_BYTES = 4096;

/** NUL bytes, or many undecodable characters, mean an image, archive or spreadsheet file rather than CSV text. */
export function looksBinary(sample: string): boolean {
  if (sample.includes('\u0000')) return true;
  const replacements = sample.match(/\uFFFD/g)?.length ?? 0;
  return sample.length > 0 && replacements / sample.length > 0.05;
}

/** Line breaks inside the record's cells; most cells have none, and a search for one is far cheaper than a match. */
function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    n += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}

export interface CsvReader {
  /** Sees the header first; returns why the file is refused, or '' to go on. */
  header(columns: string[]): string;
  record(cells: string[], line: number): void;
}

/**
 * Hands the header, then every record after it, to `reader`, skipping blank lines. The file is
 * refused as a whole when it is empty, binary, has no header, or the reader refuses the header.
 */
export async function readCsv(input: Blob | string, reader: CsvReader): Promise<CsvReadResult> {
  const sample = typeof input === 'string' ? input.slice(0, SNIFF_BYTES) : await input.slice(0, SNIFF_BYTES).text();
  if (sample.replace(BOM, '').trim() === '') return refuse('The file is empty.');
  if (looksBinary(sample)) return refuse('This is not a CSV text file. Choose a .csv file saved as UTF-8 text.');

  let header: string[] | undefined;
  let line = 1;
  let refused = '';
  return new Promise((resolve) => {
    Papa.parse<string[]>(input as string, {
      skipEmptyLines: false,
      chunkSize: 1024 * 1024,
      step(results, parser) {
        const cells = results.data;
        const start = line;
        line += 1 + lineBreaks(cells);
        if (cells.length === 1 && cells[0] === '') return;
        if (header !== undefined) return reader.record(cells, start);
        header = cells.map((cell, i) => (i === 0 ? cell.replace(BOM, '') : cell).trim());
        refused = reader.header(header);
        if (refused) parser.abort();
      },
      complete() {
        if (refused) resolve({ ok: false, header: header ?? [], error: refused });
        else resolve(header ? { ok: true, header, error: '' } : refuse('The file has no header row.'));
      },
      error(error: Error) {
        resolve(refuse(`The file could not be read: ${error.message}`));
      },
    });
  });
}

const refuse = (error: string): CsvReadResult => ({ ok: false, header: [], error });

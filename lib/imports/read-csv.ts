/**
 * Reads a CSV file record by record with papaparse, a piece at a time (so a large file is never one
 * string in memory), giving each record the line it starts on, as a spreadsheet or text editor would
 * number it: a quoted cell with line breaks makes its record span several lines.
 *
 * The pieces are ours, not papaparse's: it would read a file in byte slices and decode each on its
 * own, so a character whose UTF-8 bytes straddle two slices came out as two U+FFFD (mholt/PapaParse
 * issue 1132). Here the file is decoded as one stream and papaparse gets the text through its
 * stream input; having the text, the reader counts each record's lines in it.
 */
import Papa from 'papaparse';
import { filePieces } from './file-pieces';
import { LineBreaks } from './line-breaks';

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

/** Papaparse guesses the delimiter and line ending from its first piece: about a megabyte, as when it read files itself. */
const PIECE = 1024 * 1024;

/** The text in pieces of `size` characters (the last may be shorter), from a string or as a file is decoded. */
async function* textPieces(input: Blob | string, size: number): AsyncGenerator<string> {
  if (typeof input === 'string') {
    for (let at = 0; at < input.length; at += size) yield input.slice(at, at + size);
    return;
  }
  let held = '';
  for await (const piece of filePieces(input)) {
    held += piece;
    for (; held.length >= size; held = held.slice(size)) yield held.slice(0, size);
  }
  if (held) yield held;
}

/**
 * The pieces as papaparse's stream input (what it takes from Node's readable streams): it parses each
 * piece as it is handed over, carrying a record cut in two over to the next.
 */
function streamOf(): { stream: Papa.LocalFile; emit: (event: 'data' | 'end' | 'error', value?: unknown) => void } {
  const listeners = new Map<string, (value?: unknown) => void>();
  const stream = {
    readable: true,
    read() {},
    on(event: string, listener: (value?: unknown) => void) {
      listeners.set(event, listener);
    },
    removeListener(event: string) {
      listeners.delete(event);
    },
    pause() {},
    resume() {},
  };
  return { stream: stream as unknown as Papa.LocalFile, emit: (event, value) => listeners.get(event)?.(value) };
}

export interface CsvReader {
  /** Sees the header first; returns why the file is refused, or '' to go on. */
  header(columns: string[]): string;
  record(cells: string[], line: number): void;
}

/**
 * Hands the header, then every record after it, to `reader`, skipping blank lines. The file is
 * refused as a whole when it is empty, binary, has no header, or the reader refuses the header.
 * `pieceSize` is for tests, which cut small files into many pieces.
 */
export async function readCsv(input: Blob | string, reader: CsvReader, pieceSize = PIECE): Promise<CsvReadResult> {
  const sample = typeof input === 'string' ? input.slice(0, SNIFF_BYTES) : await input.slice(0, SNIFF_BYTES).text();
  if (sample.replace(BOM, '').trim() === '') return refuse('The file is empty.');
  if (looksBinary(sample)) return refuse('This is not a CSV text file. Choose a .csv file saved as UTF-8 text.');

  let header: string[] | undefined;
  let line = 1;
  let refused = '';
  let done = false;
  const breaks = new LineBreaks();
  const { stream, emit } = streamOf();
  const result = new Promise<CsvReadResult>((resolve) => {
    Papa.parse<string[]>(stream, {
      skipEmptyLines: false,
      step(results, parser) {
        const cells = results.data;
        const start = line;
        // The record's own text runs up to the cursor; its last line break, if it has one, ends it.
        const end = results.meta.cursor;
        const ended = breaks.endsWith(results.meta.linebreak, end);
        line += breaks.countTo(ended ? end - results.meta.linebreak.length : end) + 1;
        breaks.countTo(end);
        if (cells.length === 1 && cells[0] === '') return;
        if (header !== undefined) return reader.record(cells, start);
        header = cells.map((cell, i) => (i === 0 ? cell.replace(BOM, '') : cell).trim());
        refused = reader.header(header);
        if (refused) parser.abort();
      },
      complete() {
        done = true;
        if (refused) resolve({ ok: false, header: header ?? [], error: refused });
        else resolve(header ? { ok: true, header, error: '' } : refuse('The file has no header row.'));
      },
      error(error: Error) {
        done = true;
        resolve(refuse(`The file could not be read: ${error.message}`));
      },
    });
  });
  try {
    for await (const piece of textPieces(input, pieceSize)) {
      if (done) break;
      breaks.append(piece);
      emit('data', piece);
    }
    if (!done) emit('end');
  } catch (error) {
    emit('error', error instanceof Error ? error : new Error(String(error)));
  }
  return result;
}

const refuse = (error: string): CsvReadResult => ({ ok: false, header: [], error });

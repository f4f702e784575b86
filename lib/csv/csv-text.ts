/**
 * CSV text, RFC 4180 style: CRLF line ends, cells quoted only when they must be, quotes doubled.
 * Every cell is neutralised against spreadsheet formula injection first. Pure and line-by-line, so
 * an export can later be streamed with `csvLine` instead of built whole with `toCsv`.
 */

/** A plain decimal number, such as a score or weight: never treated as a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Characters a spreadsheet may read as the start of a formula (OWASP CSV injection advice). Leading
 * apostrophes are looked through, so a cell that already starts with `'=` gains one more and
 * `restoreFormula` can undo exactly what `neutraliseFormula` did: the long format round-trips.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Cells that must be quoted: they hold the separator, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

/**
 * Prefixes an apostrophe to a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
 * carriage return first). Plain numbers, negative ones included, are left as they are.
 */
export function neutraliseFormula(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of `neutraliseFormula`, for reading back a CSV that QA Lens wrote. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** One cell, neutralised and quoted when needed. */
export function csvCell(cell: string): string {
  const safe = neutraliseFormula(cell);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, with its CRLF line end. */
export function csvLine(row: readonly string[]): string {
  return row.map(csvCell).join(',') + CSV_LINE_END;
}

/** A whole CSV document; `bom` puts a UTF-8 byte order mark first (helps Excel read accents). */
export function toCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? CSV_BOM : '') + rows.map(csvLine).join('');
}

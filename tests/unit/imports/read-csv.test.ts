/**
 * The CSV reader hands over every record with the line it starts on, as a text editor numbers it,
 * whether the file comes as a string or a Blob and wherever its pieces are cut; and a character
 * whose UTF-8 bytes straddle two pieces of a big file arrives whole.
 */
import fc from 'fast-check';
import { readCsv } from '@/lib/imports/read-csv';

/** Cells with what makes CSV hard: separators, quotes, every kind of line break, non-ASCII text. */
const cell = fc.constantFrom('', 'x', 'plain text', 'x,y', 'say "hi"', 'two\nlines', 'two\r\nlines', 'lone\rcr', 'é中文🙂', '\n', '\r\n\r\n', '"');
const quoted = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);

const file = fc.record({
  /** Column names of any length, so the pieces (as long as the header line) are cut at every phase. */
  header: fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 2, maxLength: 4 }),
  records: fc.array(fc.record({ cells: fc.array(cell, { minLength: 1, maxLength: 4 }), blankBefore: fc.boolean() }), { maxLength: 12 }),
  lineEnd: fc.constantFrom('\r\n', '\n', '\r'),
  finalLineEnd: fc.boolean(),
  bom: fc.boolean(),
  blob: fc.boolean(),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

/** The file's text, and each record with the editor's line for it: one more than the breaks before it. */
function build({ header, records, lineEnd, finalLineEnd, bom }: File) {
  let text = (bom ? '\uFEFF' : '') + header.join(',');
  const expected: { cells: string[]; line: number }[] = [];
  for (const { cells, blankBefore } of records) {
    text += lineEnd + (blankBefore ? lineEnd : '');
    // A record of one empty cell is a blank line: the reader skips it.
    if (!(cells.length === 1 && cells[0] === '')) expected.push({ cells, line: 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0) });
    text += cells.map(quoted).join(',');
  }
  if (finalLineEnd) text += lineEnd;
  return { text, expected, headerLine: header.join(',').length + lineEnd.length + (bom ? 1 : 0) };
}

describe('reading a CSV file', () => {
  it('numbers every record as an editor does, from a string or a Blob, wherever the pieces are cut', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (input) => {
        const { text, expected, headerLine } = build(input);
        const seen: { cells: string[]; line: number }[] = [];
        let header: string[] = [];
        // The first piece is the header line: papaparse guesses the line ending from its first piece.
        // (Decoding a Blob drops the byte order mark, as File.text() does.)
        const read = await readCsv(
          input.blob ? new Blob([text]) : text,
          {
            header: (columns) => ((header = columns), ''),
            record: (cells, line) => void seen.push({ cells, line }),
          },
          headerLine - (input.blob && input.bom ? 1 : 0),
        );
        expect(read.ok).toBe(true);
        expect(header).toEqual(input.header);
        expect(seen).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a character whole when its UTF-8 bytes straddle two pieces of a big file', async () => {
    // 'é' is two bytes in UTF-8; put its first byte last in the first mebibyte.
    const head = 'note\r\n';
    const filler = 'a'.repeat(1024 * 1024 - head.length - 1);
    const text = `${head}${filler}é\r\nCafé au lait\r\n`;
    const cells: string[][] = [];
    const read = await readCsv(new Blob([text]), { header: () => '', record: (row) => void cells.push(row) });
    expect(read.ok).toBe(true);
    expect(cells).toEqual([[`${filler}é`], ['Café au lait']]);
  });
});

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine, neutraliseFormula, restoreFormula, toCsv } from '../../../lib/csv/csv-text';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-SUM(A1:A2)', "'-SUM(A1:A2)"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
  ])('prefixes an apostrophe to %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each(['-5', '-0.25', '42', '87.5', '0'])('leaves the plain number %s alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it.each(['+5', '-5e3', '-', '--5', '-5.', '-.5'])('still neutralises %j, which is not a plain number', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['', 'Hello', 'a=b', 'x-1', "'already quoted", ' =with leading space'])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it("adds one more apostrophe to text that already starts with apostrophes and a formula, so it reads back exactly", () => {
    expect(neutraliseFormula("'=1+1")).toBe("''=1+1");
    expect(neutraliseFormula("''@x")).toBe("'''@x");
  });
});

describe('restoreFormula', () => {
  it.each(['=1+1', "'=1+1", '+44 20 7946 0000', '-SUM(A1)', '@x', '\t=cmd', '\r=cmd', '-5', 'plain', "'already quoted", "it's", ''])(
    'undoes neutraliseFormula on %j',
    (cell) => {
      expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
    },
  );
});

describe('toCsv', () => {
  it('ends every line with CRLF and joins cells with commas', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });

  it('gives an empty document for no rows, and keeps empty cells', () => {
    expect(toCsv([])).toBe('');
    expect(toCsv([['', 'x', '']])).toBe(',x,\r\n');
  });

  it.each([
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['lone quote', '"', '""""'],
    ['LF', 'line 1\nline 2', '"line 1\nline 2"'],
    ['CRLF', 'line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['CR', 'line 1\rline 2', '"line 1\rline 2"'],
  ])('quotes a cell with a %s', (_, cell, expected) => {
    expect(toCsv([[cell]])).toBe(`${expected}\r\n`);
  });

  it('does not quote cells that need no quotes', () => {
    expect(csvLine(['plain', 'with space', "it's", 'tab\tinside'])).toBe("plain,with space,it's,tab\tinside\r\n");
  });

  it('keeps unicode as it is: accents, CJK and emoji', () => {
    const row = ['Crème brûlée', 'Zoë Ødegaard', '日本語のチケット', 'Thanks 👍🏽🎉', 'Ünïcödé, with comma'];
    expect(toCsv([row])).toBe('Crème brûlée,Zoë Ødegaard,日本語のチケット,Thanks 👍🏽🎉,"Ünïcödé, with comma"\r\n');
  });

  it('adds a BOM only when asked', () => {
    expect(toCsv([['a']], { bom: true })).toBe('\uFEFFa\r\n');
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
    expect(toCsv([['a']])).toBe('a\r\n');
  });

  it('neutralises every cell, then quotes what still needs quoting', () => {
    expect(toCsv([['=1+2', '+x', '-y', '@z', '\tt', '\rr', '-12.5']])).toBe(
      "'=1+2,'+x,'-y,'@z,'\tt,\"'\rr\",-12.5\r\n",
    );
  });

  it('defuses a HYPERLINK injection payload', () => {
    const payload = '=HYPERLINK("http://x","click")';
    const text = toCsv([['comment'], [payload]]);
    expect(text).toBe('comment\r\n"\'=HYPERLINK(""http://x"",""click"")"\r\n');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.data[1]).toEqual([`'${payload}`]);
  });

  it('round-trips through a real CSV parser', () => {
    const rows = [
      ['id', 'text', 'number'],
      ['1', 'comma, "quotes" and\r\nnew lines', '-3'],
      ['2', 'émoji 🚀 and ñ', '87.5'],
      ['3', '', '0'],
    ];
    const parsed = Papa.parse<string[]>(toCsv(rows, { bom: true }), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(rows);
  });
});

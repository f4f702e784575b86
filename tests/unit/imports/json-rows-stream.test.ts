import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonRowsScanner, JsonSyntaxError, type JsonRowsEvent } from '@/lib/imports/json-rows-stream';

/** The text fed in pieces cut at these places. */
function scan(text: string, cuts: number[] = []): JsonRowsEvent[] {
  const scanner = new JsonRowsScanner('tables');
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const events: JsonRowsEvent[] = [];
  let from = 0;
  for (const cut of [...at, text.length]) {
    events.push(...scanner.push(text.slice(from, cut)));
    from = cut;
  }
  return [...events, ...scanner.end()];
}

const documentArb = fc.record({
  fields: fc.dictionary(fc.string().filter((k) => k !== 'tables' && k !== '__proto__'), fc.jsonValue(), { maxKeys: 4 }),
  tables: fc.dictionary(fc.string().filter((k) => k !== '__proto__'), fc.array(fc.jsonValue(), { maxLength: 5 }), { maxKeys: 4 }),
  indent: fc.constantFrom(undefined, 2),
});

describe('reading a backup-shaped JSON document piece by piece', () => {
  it('hands on every field and every row, in order, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(documentArb, fc.array(fc.nat(), { maxLength: 12 }), ({ fields, tables, indent }, cuts) => {
        const text = JSON.stringify({ ...fields, tables }, null, indent);
        const events = scan(text, cuts);
        const want: JsonRowsEvent[] = [
          ...Object.entries(fields).map(([key, value]): JsonRowsEvent => ({ type: 'field', key, value: JSON.parse(JSON.stringify(value)) })),
          ...Object.entries(tables).flatMap(([group, rows]) => rows.map((value): JsonRowsEvent => ({ type: 'row', group, value: JSON.parse(JSON.stringify(value)) }))),
        ];
        expect(events).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any cut-off document, as JSON.parse does', () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), ({ fields, tables }, end, cuts) => {
        const text = JSON.stringify({ ...fields, tables });
        const cut = text.slice(0, end % text.length);
        expect(() => scan(cut, cuts)).toThrow(JsonSyntaxError);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a missing comma between rows', '{"tables":{"a":[{"x":1}{"x":2}]}}'],
    ['a trailing comma', '{"tables":{"a":[1,]}}'],
    ['a missing colon', '{"format" "x"}'],
    ['text after the end', '{"a":1} {"b":2}'],
    ['a bare word', '{"a":tru}'],
    ['an unclosed string', '{"a":"x}'],
    ['nothing at all', '   '],
  ])('refuses %s', (_, text) => {
    expect(() => scan(text)).toThrow(JsonSyntaxError);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('hands on whole what is not of the expected shape, for the caller to refuse', () => {
    expect(scan('[1,2]')).toEqual([{ type: 'document', value: [1, 2] }]);
    expect(scan(' 12 ')).toEqual([{ type: 'document', value: 12 }]);
    expect(scan('{"tables":7}')).toEqual([{ type: 'field', key: 'tables', value: 7 }]);
    expect(scan('{"tables":{"a":{"b":1},"c":[2]}}')).toEqual([
      { type: 'group', group: 'a', value: { b: 1 } },
      { type: 'row', group: 'c', value: 2 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../lib/csv/csv-text';
import { csvChunk, csvHeader } from '../../../lib/csv/evaluations-csv';
import { LONG_COLUMNS, longRows, type LongColumn } from '../../../lib/csv/long-rows';
import { previewCsvImport, type CsvImportContext } from '../../../lib/imports/preview-csv-import';
import { DEFAULT_ROOT_CAUSES, type Evaluation, type Evidence } from '../../../lib/schemas';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';

const scorecard = makeScorecard();

const evidence: Evidence[] = [
  { messageId: 'm-2', quote: 'Sorry, "policy" says\nno refunds, = rules', author: 'Sam Okafor', role: 'agent', at: '2025-03-10T10:00:00Z' },
];

function sample(): Evaluation[] {
  const first = makeEvaluation({ id: 'ev-1', ticketId: '4521', agent: '=Ana', comments: { greeting: '@mention me', tone: 'Line one\r\nline two' }, choices: { tone: '2', clarify: 'na' } });
  first.answers.tone = { ...first.answers.tone!, evidence, rootCauses: ['knowledge-gap', 'policy-constraint'] };
  first.ticket.subject = 'Crème brûlée 🙏, "urgent"';
  const second = makeEvaluation({ id: 'ev-2', ticketId: '4522', channel: 'chat', choices: { accurate: 'no' }, strengths: '-fast', improvements: '+check' });
  return [first, second];
}

const context = (over: Partial<CsvImportContext> = {}): CsvImportContext => ({
  scorecards: [scorecard],
  rootCauses: DEFAULT_ROOT_CAUSES,
  now: Date.UTC(2025, 5, 1),
  newId: () => 'id',
  storedEvaluationIds: async () => new Set(),
  ...over,
});

const longCsv = (evaluations: Evaluation[], bom = false) => {
  const options = { shape: { kind: 'long' as const }, bom, rootCauses: DEFAULT_ROOT_CAUSES, scorecardFor: () => scorecard };
  return csvHeader(options) + csvChunk(evaluations, options);
};

/** The sample's long CSV with `column` set to `value` on the data rows `pick` chooses (by evaluation id and criterion). */
function withCell(column: LongColumn, value: string, pick: (id: string, criterion: string) => boolean = (id, c) => id === 'ev-1' && c === 'greeting'): string {
  const at = (name: LongColumn) => LONG_COLUMNS.indexOf(name);
  const rows = sample().flatMap((e) => longRows(e, scorecard));
  for (const row of rows) if (pick(row[at('evaluation_id')]!, row[at('criterion_id')]!)) row[at(column)] = value;
  return csvLine(LONG_COLUMNS) + rows.map(csvLine).join('');
}

async function preview(text: string, over: Partial<CsvImportContext> = {}) {
  const result = await previewCsvImport('evaluations', text, context(over));
  if (result.kind !== 'evaluations') throw new Error('wrong kind');
  return result.preview;
}

describe('importing the long CSV', () => {
  it('round-trips: export, import into an empty profile, export again gives the same text', async () => {
    const text = longCsv(sample(), true);
    const result = await preview(text);
    expect(result.rejected).toEqual([]);
    expect(result.rows).toBe(10);
    expect(result.accepted.map((e) => e.id)).toEqual(['ev-1', 'ev-2']);
    expect(longCsv(result.accepted, true)).toBe(text);
  });

  it('keeps evidence quotes, root causes, hostile text and the recorded score', async () => {
    const [first, second] = (await preview(longCsv(sample()))).accepted;
    expect(first!.answers.tone).toMatchObject({ optionId: '2', evidence, rootCauses: ['knowledge-gap', 'policy-constraint'], comment: 'Line one\r\nline two' });
    expect(first!.answers.clarify).toMatchObject({ na: true });
    expect(first!.answers.greeting?.comment).toBe('@mention me');
    expect(first!.ticket).toMatchObject({ key: 'zendesk:4521', agent: { name: '=Ana' }, subject: 'Crème brûlée 🙏, "urgent"' });
    expect(second).toMatchObject({ score: 0, passed: false, strengths: '-fast', improvements: '+check', ticket: { channel: 'chat' } });
  });

  it('maps every column and ignores extra ones', async () => {
    const rows = sample().flatMap((e) => longRows(e, scorecard));
    const result = await preview(csvLine([...LONG_COLUMNS, 'notes']) + rows.map((row) => csvLine([...row, 'seen'])).join(''));
    expect(result.rejected).toEqual([]);
    expect(result.mapping.at(-1)).toEqual({ column: 'notes', field: null });
    expect(result.mapping.slice(0, 3)).toEqual([
      { column: 'evaluation_id', field: 'evaluation_id' },
      { column: 'ticket_ref', field: 'ticket_ref' },
      { column: 'ticket_url', field: 'ticket_url' },
    ]);
  });

  const good = longCsv(sample());

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['only a byte order mark and blank lines', '\uFEFF\r\n\r\n', 'The file is empty.'],
    ['a binary file (a PNG)', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'This is not a CSV text file. Choose a .csv file saved as UTF-8 text.'],
    ['a header missing columns', good.replace('evaluation_score,passed,', ''), 'The file lacks the columns evaluation_score, passed.'],
    ['a header of another file', 'id,name\r\n1,Ana\r\n', 'The file lacks the columns'],
  ])('refuses %s as a whole', async (_, text, message) => {
    const result = await preview(text);
    expect(result.fileError).toContain(message);
    expect(result.accepted).toEqual([]);
  });

  // withCell edits ev-1's greeting row, on line 2, unless told otherwise.
  it.each<[string, (csv: string) => string, number, RegExp]>([
    ['a row with a cell too many', (t) => t.replace(/\r\n(ev-1,[^\r\n]*greeting[^\r\n]*)/, '\r\n$1,extra'), 2, /The row has 32 cells; the header has 31/],
    ['a row with a cell too few', (t) => t.replace(/\r\n(ev-1,[^\r\n]*greeting[^\r\n]*),95/, '\r\n$1'), 2, /The row has 30 cells; the header has 31/],
    ['a bad number', () => withCell('weight', 'heavy'), 2, /weight: "heavy" is not a number/],
    ['an unknown channel', () => withCell('channel', 'pigeon'), 2, /unknown channel "pigeon"/],
    ['an unknown kind', () => withCell('kind', 'audit'), 2, /kind:/],
    ['a bad time', () => withCell('created_at', 'yesterday'), 2, /created_at: "yesterday" is not a date and time/],
    ['an unknown root cause', () => withCell('root_causes', 'Bad luck'), 2, /"Bad luck" is not in the team's root-cause list/],
    ['an answer the scale does not have', () => withCell('answer_label', 'Maybe'), 2, /answer "Maybe" is not an option of criterion greeting/],
    ['an evaluation column that differs between rows', () => withCell('reviewer', 'Someone else', (id, c) => id === 'ev-1' && c === 'accurate'), 4, /reviewer differs from line 2 of the same evaluation ev-1/],
  ])('refuses %s with its line and reason', async (_, edit, line, reason) => {
    const result = await preview(edit(good));
    expect(result.rejected.find((r) => r.line === line)?.reason).toMatch(reason);
  });

  it('refuses a duplicated row, naming the line it repeats', async () => {
    const lines = good.split('\r\n');
    const result = await preview([...lines.slice(0, 2), lines[1], ...lines.slice(2)].join('\r\n'));
    expect(result.rejected).toEqual([{ line: 3, reason: 'duplicate row: criterion greeting of evaluation ev-1 is already on line 2' }]);
  });

  it('refuses every row of an evaluation whose scorecard version is not stored', async () => {
    const result = await preview(good, { scorecards: [makeScorecard({ version: 2 })] });
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toHaveLength(10);
    expect(result.rejected[0]?.reason).toBe('unknown scorecard sc-support version 1: restore a backup or import that scorecard first');
  });

  it('refuses an evaluation whose recorded score its answers do not give', async () => {
    const result = await preview(withCell('evaluation_score', '75', (id) => id === 'ev-2'));
    expect(result.accepted.map((e) => e.id)).toEqual(['ev-1']);
    expect(result.rejected[0]?.reason).toMatch(/evaluation ev-2: the file says score 75, passed false, but its answers score 0, passed false/);
  });

  it('refuses evaluations already in the profile', async () => {
    const result = await preview(good, { storedEvaluationIds: async (ids) => new Set(ids.filter((id) => id === 'ev-2')) });
    expect(result.accepted.map((e) => e.id)).toEqual(['ev-1']);
    expect(result.rejected.every((r) => r.reason === 'evaluation ev-2 is already in this profile')).toBe(true);
  });

  it('numbers lines as an editor does when quoted cells hold line breaks', async () => {
    // ev-1's tone row has a two-line comment and a two-line evidence quote.
    const text = good + csvLine(['x']);
    const result = await preview(text);
    // The line after the file's last line break; root causes are separated by bare LFs.
    const last = good.split(/\r\n|\n|\r/).length;
    expect(result.rejected).toEqual([{ line: last, reason: 'The row has 1 cell; the header has 31.' }]);
  });
});

import { decodeDay, encodeDay, REPORT_ROW_FIELDS } from '@/lib/reports/report-days';
import { answerRecord, copyRow, reportRows, type ReportRow } from '@/lib/reports/report-row';
import { reportEvaluation } from './report-factories';

const plain = (rows: ReportRow[]) => rows.map((row) => ({ ...copyRow(row), answers: answerRecord(row.answers) }));
/** What IndexedDB hands back: a structured clone of what was stored. */
const stored = (day: number, rows: ReportRow[]) => decodeDay(structuredClone(encodeDay(day, rows)));

describe('stored report days', () => {
  it('give back every field of every row, oldest first, whatever order they were given in', () => {
    const rows = reportRows([
      reportEvaluation({ id: 'b', ticketId: '2', agent: null, reviewer: 'Tom', channel: 'chat', submittedAt: 2_000, choices: { clarify: 'na', tone: '2' }, rootCauses: { tone: ['knowledge-gap', 'unclear-process'] } }),
      reportEvaluation({ id: 'a', ticketId: '1', agent: 'Ana', kind: 'self-assessment', reviewSeconds: 75, submittedAt: 1_000 }),
      reportEvaluation({ id: 'c', ticketId: '3', agent: 'Ana', submittedAt: 1_000, choices: { accurate: 'no' } }),
    ]);
    expect(plain(stored(0, rows))).toEqual(plain([rows[1]!, rows[2]!, rows[0]!]));
    // Every field has a column, but the id (the day's list of ids) and the answers (codes).
    expect(Object.keys(REPORT_ROW_FIELDS).length + 2).toBe(Object.keys(rows[0]!).length);
  });

  it('find each answer by criterion, in any order of asking, and know which are missing', () => {
    const [row] = stored(0, reportRows([reportEvaluation({ id: 'a', submittedAt: 1, choices: { clarify: 'na', tone: '3' }, rootCauses: { tone: ['knowledge-gap'] } })]));
    expect(row!.answers.get('tone')).toEqual({ optionId: '3', na: false, rootCauses: ['knowledge-gap'] });
    expect(row!.answers.get('greeting')).toEqual({ optionId: 'yes', na: false, rootCauses: [] });
    expect(row!.answers.get('clarify')).toEqual({ optionId: undefined, na: true, rootCauses: [] });
    expect(row!.answers.get('no-such-criterion')).toBeUndefined();
    expect(row!.answers.get('tone')?.optionId).toBe('3');
  });

  it('give each row its own answers however many times a report walks them, in whatever order', () => {
    // Reports walk a row's answers once per pass (headline, criteria, AutoQA), in scorecard order.
    const tones = ['1', '2', '3', '4'];
    const rows = reportRows(Array.from({ length: 12 }, (_, n) => reportEvaluation({ id: `e${n}`, submittedAt: n, choices: { tone: tones[n % 4]!, greeting: n % 3 ? 'yes' : 'no' } })));
    const back = stored(0, rows);
    for (let pass = 0; pass < 3; pass++) {
      back.forEach((row, n) => {
        for (const criterion of pass === 1 ? ['proactive', 'tone', 'greeting'] : ['greeting', 'clarify', 'accurate', 'tone', 'proactive']) {
          expect([n, criterion, row.answers.get(criterion)]).toEqual([n, criterion, rows[n]!.answers.get(criterion)]);
        }
      });
    }
  });

  it('keep a day with more distinct answers than one character can number', () => {
    // 16,000 rows × 5 answers, each naming a root cause of its own: 80,000 distinct answers.
    const criteria = ['greeting', 'clarify', 'accurate', 'tone', 'proactive'];
    const rows = reportRows(
      Array.from({ length: 16_000 }, (_, n) => reportEvaluation({ id: `e${String(n).padStart(5, '0')}`, submittedAt: n, rootCauses: Object.fromEntries(criteria.map((c, i) => [c, [`cause-${n}-${i}`]])) })),
    );
    const back = stored(0, rows);
    expect(back.at(-1)!.answers.get('proactive')?.rootCauses).toEqual(['cause-15999-4']);
    expect(plain(back)).toEqual(plain(rows));
  });
});

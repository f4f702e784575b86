import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/csv/csv-text';
import { LONG_COLUMNS, longRows, type LongColumn } from '../../../lib/csv/long-rows';
import { SCORECARD_TEMPLATES } from '../../../lib/scorecards/templates';
import { CRITERIA_COUNT, makeEvaluation, makeScorecard } from '../dashboard/factories';

/** Rows as objects keyed by column, so tests read by name. */
const asRecords = (rows: string[][]) =>
  rows.map((row) => Object.fromEntries(LONG_COLUMNS.map((column, i) => [column, row[i]])) as Record<LongColumn, string>);

const scorecard = makeScorecard();

describe('LONG_COLUMNS', () => {
  it('lists the 31 columns of the long format, each once', () => {
    expect(LONG_COLUMNS).toHaveLength(31);
    expect(new Set(LONG_COLUMNS).size).toBe(31);
    expect(LONG_COLUMNS[0]).toBe('evaluation_id');
    expect(LONG_COLUMNS.at(-1)).toBe('review_seconds');
  });
});

describe('longRows', () => {
  const evaluation = makeEvaluation({
    id: 'ev-1',
    ticketId: '4521',
    subject: 'Refund not received',
    channel: 'chat',
    agent: 'Ana Agent',
    reviewer: 'Rita Reviewer',
    choices: { clarify: 'na', tone: '3' },
    comments: { tone: 'Friendly, a little terse', clarify: 'Request was clear' },
    strengths: 'Quick and accurate',
    improvements: 'Sign off warmly',
    submittedAt: Date.UTC(2025, 2, 10, 12, 30, 5),
  });
  const records = asRecords(longRows(evaluation, scorecard));

  it('gives one row per criterion, in scorecard order, each as long as the header', () => {
    expect(records.map((r) => r.criterion_id)).toEqual(['greeting', 'clarify', 'accurate', 'tone', 'proactive']);
    expect(records).toHaveLength(CRITERIA_COUNT);
    for (const row of longRows(evaluation, scorecard)) expect(row).toHaveLength(LONG_COLUMNS.length);
  });

  it('repeats the evaluation columns on every row', () => {
    for (const r of records) {
      expect(r).toMatchObject({
        evaluation_id: 'ev-1',
        ticket_ref: '4521',
        ticket_url: 'https://acme.zendesk.com/agent/tickets/4521',
        helpdesk: 'zendesk',
        channel: 'chat',
        agent: 'Ana Agent',
        reviewer: 'Rita Reviewer',
        kind: 'review',
        status: 'submitted',
        scorecard_id: 'sc-support',
        scorecard_name: 'Support basics',
        scorecard_version: '1',
        subject: 'Refund not received',
        evidence: '',
        root_causes: '',
        strengths: 'Quick and accurate',
        improvements: 'Sign off warmly',
        created_at: '2025-03-10T11:58:00.000Z',
        submitted_at: '2025-03-10T12:30:05.000Z',
        review_seconds: '95',
      });
    }
  });

  it('writes the score and result as plain values', () => {
    // Base: greeting 1 + accurate 2 + tone 2/3 of 1 = 3.67 of 4 weighted points (clarify is N/A).
    expect(evaluation.score).toBe(91.67);
    expect(records[0]).toMatchObject({ evaluation_score: '91.67', passed: 'true' });
  });

  it('gives each criterion its section, weight, criticality, label, value and comment', () => {
    const byId = Object.fromEntries(records.map((r) => [r.criterion_id, r]));
    expect(byId.greeting).toMatchObject({
      section: 'Opening',
      criterion: 'Greeting',
      weight: '1',
      critical: 'none',
      na: 'false',
      answer_label: 'Yes',
      answer_value: '1',
      comment: '',
    });
    expect(byId.accurate).toMatchObject({ section: 'Resolution', weight: '2', critical: 'evaluation', answer_label: 'Yes' });
    expect(byId.tone).toMatchObject({
      answer_label: 'Good',
      answer_value: String(2 / 3),
      comment: 'Friendly, a little terse',
    });
    expect(byId.proactive).toMatchObject({ section: 'Extra mile', answer_label: 'No', answer_value: '0' });
  });

  it('marks N/A answers with na=true, the N/A label and no value', () => {
    const clarify = records.find((r) => r.criterion_id === 'clarify');
    expect(clarify).toMatchObject({ na: 'true', answer_label: 'N/A', answer_value: '', comment: 'Request was clear' });
  });

  it('writes the evidence quoted for a criterion as JSON an import can read back, and its root causes by label', () => {
    const quoted = makeEvaluation();
    quoted.answers.tone = {
      ...quoted.answers.tone!,
      evidence: [
        { messageId: '90012', quote: 'I have issued the refund', author: 'Alex Moreno', role: 'agent', at: '2026-11-02T10:02:00Z' },
        { messageId: '90014', quote: '=1+1 "thanks"', author: 'Dana', role: 'customer' },
      ],
      rootCauses: ['knowledge-gap', 'tooling-problem'],
    };
    const tone = asRecords(longRows(quoted, scorecard)).find((r) => r.criterion_id === 'tone');
    expect(JSON.parse(tone?.evidence ?? '')).toEqual([
      { role: 'agent', author: 'Alex Moreno', at: '2026-11-02T10:02:00Z', message: '90012', quote: 'I have issued the refund' },
      { role: 'customer', author: 'Dana', at: '', message: '90014', quote: '=1+1 "thanks"' },
    ]);
    expect(tone?.root_causes).toBe('Knowledge gap\nTool or system problem');
  });

  it('leaves unanswered criteria blank', () => {
    const partial = makeEvaluation();
    delete partial.answers.tone;
    const tone = asRecords(longRows(partial, scorecard)).find((r) => r.criterion_id === 'tone');
    expect(tone).toMatchObject({ na: 'false', answer_label: '', answer_value: '', comment: '' });
  });

  it('writes a failed evaluation as passed=false, score 0', () => {
    const failed = asRecords(longRows(makeEvaluation({ choices: { accurate: 'no' } }), scorecard));
    expect(failed[0]).toMatchObject({ evaluation_score: '0', passed: 'false' });
  });

  it('leaves score, result and submission time empty on a draft', () => {
    const draft = asRecords(longRows(makeEvaluation({ submittedAt: null }), scorecard));
    expect(draft[0]).toMatchObject({ status: 'draft', evaluation_score: '', passed: '', submitted_at: '' });
  });

  it('leaves the agent empty when the ticket had none', () => {
    expect(asRecords(longRows(makeEvaluation({ agent: null }), scorecard))[0]?.agent).toBe('');
  });

  it('gives one row per answer with what is known when the scorecard version is missing', () => {
    const rows = asRecords(longRows(evaluation, undefined));
    expect(rows.map((r) => r.criterion_id)).toEqual(['greeting', 'clarify', 'accurate', 'tone', 'proactive']);
    expect(rows.find((r) => r.criterion_id === 'clarify')).toMatchObject({
      na: 'true',
      answer_label: 'N/A',
      comment: 'Request was clear',
      section: '',
      criterion: '',
      weight: '',
    });
    expect(rows[0]).toMatchObject({ scorecard_id: 'sc-support', scorecard_name: '', scorecard_version: '1', evaluation_score: '91.67' });
  });

  it('treats a different version of the scorecard as missing', () => {
    const rows = asRecords(longRows(evaluation, makeScorecard({ version: 2 })));
    expect(rows[0]).toMatchObject({ scorecard_name: '', section: '', criterion: '' });
  });

  it('still gives one row for an evaluation with no answers and no scorecard', () => {
    const empty = { ...evaluation, answers: {} };
    const rows = asRecords(longRows(empty, undefined));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ evaluation_id: 'ev-1', criterion_id: '', na: '' });
  });

  it('covers every criterion of a bundled template', () => {
    const template = SCORECARD_TEMPLATES[0];
    if (!template) throw new Error('no templates');
    const card = makeScorecard({ id: 'tpl', version: 3 }, template);
    const rows = longRows(makeEvaluation({ scorecard: card, choices: {} }), card);
    const criteria = template.sections.flatMap((s) => s.criteria);
    expect(asRecords(rows).map((r) => r.criterion_id)).toEqual(criteria.map((c) => c.id));
    expect(asRecords(rows)[0]).toMatchObject({ scorecard_name: template.name, scorecard_version: '3' });
  });
});

describe('long rows through CSV and back', () => {
  it('parses back to exactly the header and rows, hostile text included', () => {
    const evaluation = makeEvaluation({
      subject: 'Crème brûlée, "urgent"\nplease 🙏',
      agent: '=cmd|"/c calc"!A1',
      comments: { greeting: '=HYPERLINK("http://x","click")', tone: '@SUM(1)\r\nsecond line' },
      strengths: '-great work',
      improvements: '+1 more check',
    });
    const rows = longRows(evaluation, scorecard);
    const text = toCsv([[...LONG_COLUMNS], ...rows], { bom: false });

    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...LONG_COLUMNS]);
    expect(parsed.data).toHaveLength(1 + CRITERIA_COUNT);

    // Formula-like text comes back with its apostrophe; everything else exactly as written.
    const neutral = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell);
    expect(parsed.data.slice(1)).toEqual(rows.map((row) => row.map(neutral)));
    const records = parsed.data.slice(1).map((row) => Object.fromEntries(LONG_COLUMNS.map((c, i) => [c, row[i]])));
    expect(records[0]).toMatchObject({
      agent: `'=cmd|"/c calc"!A1`,
      comment: `'=HYPERLINK("http://x","click")`,
      strengths: "'-great work",
      improvements: "'+1 more check",
      evaluation_score: '100',
    });
  });

  it('parses back with headers as keys', () => {
    const rows = longRows(makeEvaluation({ choices: { clarify: 'na' } }), scorecard);
    const parsed = Papa.parse<Record<string, string>>(toCsv([[...LONG_COLUMNS], ...rows]), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...LONG_COLUMNS]);
    expect(parsed.data.map((r) => r.na)).toEqual(['false', 'true', 'false', 'false', 'false']);
    expect(parsed.data.map((r) => r.answer_label)).toEqual(['Yes', 'N/A', 'Yes', 'Excellent', 'No']);
  });
});

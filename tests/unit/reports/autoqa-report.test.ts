import { EMPTY_FILTER, filterEvaluations } from '../../../lib/dashboard/filter-evaluations';
import { buildAutoQaReport } from '../../../lib/reports/autoqa-report';
import { dayOf, decodeDay, encodeDay } from '../../../lib/reports/report-days';
import { reportRows } from '../../../lib/reports/report-row';
import type { AutomaticAnswer, Evaluation, SpotlightKind } from '../../../lib/schemas';
import { makeEvaluation } from '../dashboard/factories';
import { scorecardFor } from './report-factories';

/** An evaluation whose greeting (and tone) the checks proposed: `proposed` is the automatic option, the choice the reviewer's final one. */
function reviewed(id: string, greeting: { proposed: 'yes' | 'no'; final: 'yes' | 'no' | 'na' }, spotlight: SpotlightKind[] = []): Evaluation {
  const evaluation = makeEvaluation({ id, ticketId: id, choices: { greeting: greeting.final, tone: '1' } });
  const auto = (check: AutomaticAnswer['check'], outcome: AutomaticAnswer['outcome'], proposedOptionId: string | undefined, changed: boolean): AutomaticAnswer => ({
    check, outcome, confidence: 0.9, reason: '', proposedOptionId, confirmed: true, changed,
  });
  const outcome = greeting.proposed === 'yes' ? 'pass' : 'fail';
  return {
    ...evaluation,
    ticket: { ...evaluation.ticket, spotlight: spotlight.map((kind) => ({ kind, reason: kind, evidence: [] })) },
    answers: {
      ...evaluation.answers,
      greeting: { ...evaluation.answers.greeting!, auto: auto('greeting', outcome, greeting.proposed, greeting.final !== greeting.proposed) },
      tone: { ...evaluation.answers.tone!, auto: auto('agent-tone', 'unknown', undefined, false) },
    },
  };
}

describe('the AutoQA report', () => {
  const evaluations = [
    reviewed('1', { proposed: 'no', final: 'no' }),
    reviewed('2', { proposed: 'no', final: 'yes' }, ['escalation']),
    reviewed('3', { proposed: 'yes', final: 'yes' }),
    reviewed('4', { proposed: 'yes', final: 'na' }, ['escalation', 'low-csat']),
  ];

  it('counts per check how often the final answer agreed, what was kept, and the automatic × final table', () => {
    const [greeting, tone] = buildAutoQaReport(reportRows(evaluations), scorecardFor);
    expect(greeting).toEqual({
      check: 'greeting',
      label: 'Greeting',
      automatic: 4,
      kept: 2,
      agreement: 2 / 4,
      automaticPassRate: 2 / 4,
      confusion: { pass: { pass: 1, fail: 0, 'n/a': 1 }, fail: { pass: 1, fail: 1, 'n/a': 0 }, unknown: { pass: 0, fail: 0, 'n/a': 0 } },
    });
    // Cannot-tell answers are counted, never in the agreement.
    expect(tone).toMatchObject({ check: 'agent-tone', automatic: 4, agreement: null, confusion: { unknown: { fail: 4 } } });
  });

  it('leaves evaluations without automatic answers, and drafts, out', () => {
    expect(buildAutoQaReport(reportRows([makeEvaluation(), { ...evaluations[0]!, status: 'draft' }]), scorecardFor)).toEqual([]);
  });

  it('reads the same from report rows kept in the database as from the evaluations', () => {
    const rows = reportRows(evaluations);
    const stored = decodeDay(encodeDay(dayOf(rows[0]!.submittedAt), rows));
    expect(buildAutoQaReport(stored, scorecardFor)).toEqual(buildAutoQaReport(rows, scorecardFor));
  });

  it('the Spotlight filter keeps the evaluations whose ticket carries the flag', () => {
    const rows = filterEvaluations(reportRows(evaluations), { ...EMPTY_FILTER, spotlight: 'escalation' });
    expect(rows.map((r) => r.id).sort()).toEqual(['2', '4']);
    expect(filterEvaluations(reportRows(evaluations), { ...EMPTY_FILTER, spotlight: 'long-silence' })).toEqual([]);
  });
});

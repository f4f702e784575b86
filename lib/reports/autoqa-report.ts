/**
 * The AutoQA report: per automatic check, how often the reviewers' final answer agreed with the
 * check's, and the confusion table behind that figure, so a team can see which checks to trust.
 * It reads what each answer kept of its automatic proposal (`answer.auto`, carried into the report
 * rows, lib/reports/report-row.ts); the QA score itself is always the reviewer's final answers, and
 * automatic results stay a separate figure here.
 */
import { CHECK_CATALOGUE } from '../autoqa/catalogue';
import type { AutoQaCheckId, CheckOutcome } from '../schemas';
import { criteriaIndex, type ScorecardLookup } from './criterion-outcomes';
import type { ReportRow } from './report-row';

export type FinalOutcome = 'pass' | 'fail' | 'n/a';

export interface AutoQaCheckRow {
  check: AutoQaCheckId;
  label: string;
  /** Answers this check proposed, in the evaluations the filter kept. */
  automatic: number;
  /** Of those, how many the reviewer submitted as proposed. */
  kept: number;
  /** Share of pass/fail proposals whose final answer passed or failed alike; null with none. */
  agreement: number | null;
  /** Share of pass/fail proposals that were pass: the check's own verdict, never part of a QA score. */
  automaticPassRate: number | null;
  /** Rows: the automatic outcome; columns: the final answer. */
  confusion: Record<CheckOutcome, Record<FinalOutcome, number>>;
}

const emptyConfusion = (): Record<CheckOutcome, Record<FinalOutcome, number>> => ({
  pass: { pass: 0, fail: 0, 'n/a': 0 },
  fail: { pass: 0, fail: 0, 'n/a': 0 },
  unknown: { pass: 0, fail: 0, 'n/a': 0 },
});

/** The report over the report rows of submitted evaluations; checks that proposed nothing are left out. */
export function buildAutoQaReport(evaluations: Iterable<ReportRow>, scorecardFor: ScorecardLookup): AutoQaCheckRow[] {
  const criteriaOf = criteriaIndex(scorecardFor);
  const rows = new Map<AutoQaCheckId, AutoQaCheckRow & { agreed: number; decided: number; passed: number }>();
  for (const evaluation of evaluations) {
    let criteria: ReturnType<typeof criteriaOf> | null = null;
    evaluation.answers.forEach((answer, criterionId) => {
      const auto = answer.auto;
      if (!auto) return;
      criteria ??= criteriaOf(evaluation);
      const option = answer.na ? undefined : criteria?.find((c) => c.criterionId === criterionId)?.options.get(answer.optionId ?? '');
      if (!answer.na && !option) return; // the scorecard version is gone or the answer is blank: nothing to compare
      const final: FinalOutcome = answer.na ? 'n/a' : option!.passes ? 'pass' : 'fail';
      let row = rows.get(auto.check);
      if (!row) {
        row = { check: auto.check, label: '', automatic: 0, kept: 0, agreement: null, automaticPassRate: null, confusion: emptyConfusion(), agreed: 0, decided: 0, passed: 0 };
        rows.set(auto.check, row);
      }
      row.automatic++;
      if (!auto.changed) row.kept++;
      row.confusion[auto.outcome][final]++;
      if (auto.outcome !== 'unknown') {
        row.decided++;
        if (auto.outcome === final) row.agreed++;
        if (auto.outcome === 'pass') row.passed++;
      }
    });
  }
  return CHECK_CATALOGUE.filter((c) => rows.has(c.id)).map((c) => {
    const { agreed, decided, passed, ...row } = rows.get(c.id)!;
    return { ...row, label: c.label, agreement: decided ? agreed / decided : null, automaticPassRate: decided ? passed / decided : null };
  });
}

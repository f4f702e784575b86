/**
 * Click-through: which evaluations stand behind a figure. A drill is a small description of the
 * figure, turned into a test of each evaluation the filter already kept, so no report needs to
 * carry lists of evaluation ids.
 */
import { failedCritically, ratedOption, type CriterionInfo } from './criterion-outcomes';
import type { ReportRow } from './report-row';

export type Drill =
  /** Every evaluation of the period (evaluations, mean score, pass rate, review time). */
  | { kind: 'period' }
  | { kind: 'critical-fail' }
  /** One trend bucket: submitted in [start, end). */
  | { kind: 'bucket'; start: number; end: number }
  | { kind: 'agent'; agent: string }
  /** Answers that rated the criterion, or only those whose outcome failed. */
  | { kind: 'criterion'; key: string; failedOnly: boolean }
  | { kind: 'root-cause'; id: string }
  | { kind: 'reviewer'; name: string }
  | { kind: 'evaluations'; ids: readonly string[] }
  | { kind: 'tickets'; keys: readonly string[] };

type CriteriaFor = (row: ReportRow) => readonly CriterionInfo[] | undefined;

function criterionMatcher(key: string, failedOnly: boolean, criteriaFor: CriteriaFor) {
  return (evaluation: ReportRow) => {
    const criterion = criteriaFor(evaluation)?.find((c) => c.key === key);
    if (!criterion) return false;
    const option = ratedOption(criterion, evaluation.answers.get(criterion.criterionId));
    return option !== undefined && (!failedOnly || !option.passes);
  };
}

export function drillMatcher(drill: Drill, criteriaFor: CriteriaFor): (row: ReportRow) => boolean {
  switch (drill.kind) {
    case 'period':
      return () => true;
    case 'critical-fail':
      return (e) => {
        const criteria = criteriaFor(e);
        return criteria !== undefined && failedCritically(criteria, e);
      };
    case 'bucket':
      return (e) => e.submittedAt >= drill.start && e.submittedAt < drill.end;
    case 'agent':
      return (e) => e.agent === drill.agent;
    case 'criterion':
      return criterionMatcher(drill.key, drill.failedOnly, criteriaFor);
    case 'root-cause':
      return (e) => {
        let named = false;
        e.answers.forEach((answer) => (named ||= answer.rootCauses.includes(drill.id)));
        return named;
      };
    case 'reviewer':
      return (e) => e.reviewer === drill.name;
    case 'evaluations': {
      const ids = new Set(drill.ids);
      return (e) => ids.has(e.id);
    }
    case 'tickets': {
      const keys = new Set(drill.keys);
      return (e) => keys.has(e.ticketKey);
    }
  }
}

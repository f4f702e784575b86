export { formatNumber } from './format-number';
export { NA_LABEL, scaleOptions } from './scale-options';
export { scoreEvaluation } from './score-evaluation';
export type { ScoredAnswer, CriterionResult, CriticalFailure, ScoreBreakdown, SectionResult } from './score-evaluation';

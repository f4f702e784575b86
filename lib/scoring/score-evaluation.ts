/**
 * Scoring rules: how a set of answers becomes a 0–100 score.
 *
 * - A criterion is *rated* when its answer names an option of its scale. It is *N/A* when the
 *   answer says N/A and the criterion allows N/A. Anything else (no answer, an N/A the criterion
 *   does not allow, an option id the scale does not have) counts as *unanswered*.
 * - Score = 100 × Σ(weight × value) / Σ(weight), both sums over rated criteria of the base
 *   (non-bonus) sections. N/A and unanswered criteria are left out of both sums, so N/A never
 *   penalises. Weight-0 criteria are allowed and contribute nothing.
 * - Critical 'section': an outcome that does not pass zeroes its section's earned points; the
 *   section's possible points stay, so the failure drags the score down.
 * - Critical 'evaluation': an outcome that does not pass makes the score 0 and fails the evaluation.
 *   This holds even when nothing else with weight is rated: the failure is already known.
 * - Bonus sections: their weight × value is added on top of the base earned points, never to the
 *   possible points, and the result is capped at 100. A bonus cannot rescue a critical failure.
 * - No score (null, and passed null) while no weighted base criterion is rated.
 * - The score is rounded to 2 decimals; passed = score ≥ pass mark and no evaluation-level critical failure.
 * - complete = no criterion (bonus ones included) is unanswered.
 */
import type { Answer, Criterion, Criticality, ScorecardContent } from '../schemas';

/** What scoring reads of an answer: the outcome chosen, or N/A. */
export type ScoredAnswer = Pick<Answer, 'optionId' | 'na'>;
import { formatNumber } from './format-number';
import { NA_LABEL, scaleOptions } from './scale-options';

export interface CriterionResult {
  criterionId: string;
  sectionId: string;
  title: string;
  weight: number;
  critical: Criticality;
  bonus: boolean;
  state: 'unanswered' | 'na' | 'rated';
  /** The chosen option's label, NA_LABEL when N/A, null when unanswered. */
  optionLabel: string | null;
  value: number | null;
  passes: boolean | null;
  /** weight × value; 0 if not rated or its section was zeroed by a critical failure. */
  earned: number;
  /** weight if rated and not bonus, else 0. */
  possible: number;
  criticalFailed: boolean;
}

export interface SectionResult {
  sectionId: string;
  title: string;
  bonus: boolean;
  earned: number;
  /**
   * Σ weight of the section's rated criteria. For a bonus section this is the bonus on offer,
   * which never enters the base possible points.
   */
  possible: number;
  /** 0–100, or null when nothing weighted is rated in the section. */
  score: number | null;
  zeroedByCritical: boolean;
}

export interface CriticalFailure {
  criterionId: string;
  title: string;
  level: 'evaluation' | 'section';
}

export interface ScoreBreakdown {
  score: number | null;
  passed: boolean | null;
  passMark: number;
  failedOnCritical: boolean;
  criticalFailures: CriticalFailure[];
  baseEarned: number;
  basePossible: number;
  bonusEarned: number;
  sections: SectionResult[];
  criteria: CriterionResult[];
  /** Ids of unanswered criteria, in scorecard order. */
  unanswered: string[];
  complete: boolean;
  /** Human-readable lines showing how the score was reached. */
  arithmetic: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
const pointsText = (n: number, noun = 'point') => `${formatNumber(n)} ${noun}${formatNumber(n) === '1' ? '' : 's'}`;

function rateCriterion(
  criterion: Criterion,
  sectionId: string,
  bonus: boolean,
  answer: ScoredAnswer | undefined,
): CriterionResult {
  let state: CriterionResult['state'] = 'unanswered';
  let option: ReturnType<typeof scaleOptions>[number] | undefined;
  if (answer?.na) {
    if (criterion.allowNa) state = 'na';
  } else if (answer?.optionId !== undefined) {
    option = scaleOptions(criterion.scale).find((o) => o.id === answer.optionId);
    if (option) state = 'rated';
  }
  // One literal of one shape for every outcome: built by spreading, these objects were the
  // costliest part of scoring a big import.
  return {
    criterionId: criterion.id,
    sectionId,
    title: criterion.title,
    weight: criterion.weight,
    critical: criterion.critical,
    bonus,
    state,
    optionLabel: option ? option.label : state === 'na' ? NA_LABEL : null,
    value: option ? option.value : null,
    passes: option ? option.passes : null,
    earned: option ? criterion.weight * option.value : 0,
    possible: option && !bonus ? criterion.weight : 0,
    criticalFailed: option !== undefined && criterion.critical !== 'none' && !option.passes,
  };
}

export function scoreEvaluation(scorecard: ScorecardContent, answers: Record<string, ScoredAnswer>): ScoreBreakdown {
  const criteria: CriterionResult[] = [];
  const sections: SectionResult[] = [];
  const sectionLines: string[] = [];

  for (const section of scorecard.sections) {
    const results = section.criteria.map((c) => rateCriterion(c, section.id, section.bonus, answers[c.id]));
    const zeroingFailure = results.find((r) => r.criticalFailed && r.critical === 'section');
    if (zeroingFailure) for (const r of results) r.earned = 0;

    const earned = sum(results.map((r) => r.earned));
    const possible = sum(results.filter((r) => r.state === 'rated').map((r) => r.weight));
    const score = possible > 0 ? round2((100 * earned) / possible) : null;
    criteria.push(...results);
    sections.push({
      sectionId: section.id,
      title: section.title,
      bonus: section.bonus,
      earned,
      possible,
      score,
      zeroedByCritical: zeroingFailure !== undefined,
    });

    const name = section.bonus ? `${section.title} (bonus)` : section.title;
    let line =
      score === null
        ? `${name}: nothing rated`
        : `${name}: ${formatNumber(earned)} of ${pointsText(possible)} (${formatNumber(score)}%)`;
    if (zeroingFailure) line += ` (zeroed: critical failure on ${zeroingFailure.title})`;
    sectionLines.push(line);
  }

  const baseSections = sections.filter((s) => !s.bonus);
  const baseEarned = sum(baseSections.map((s) => s.earned));
  const basePossible = sum(baseSections.map((s) => s.possible));
  const bonusEarned = sum(sections.filter((s) => s.bonus).map((s) => s.earned));

  const failing = criteria.filter((r) => r.criticalFailed);
  const criticalFailures: CriticalFailure[] = failing.map((r) => ({
    criterionId: r.criterionId,
    title: r.title,
    level: r.critical === 'evaluation' ? 'evaluation' : 'section',
  }));
  const failedOnCritical = criticalFailures.some((f) => f.level === 'evaluation');

  let score: number | null = null;
  if (failedOnCritical) score = 0;
  else if (basePossible > 0) score = round2(Math.min(100, (100 * (baseEarned + bonusEarned)) / basePossible));
  const passed = score === null ? null : score >= scorecard.passMark && !failedOnCritical;

  const arithmetic = [...sectionLines];
  if (basePossible > 0) {
    const basePct = (100 * baseEarned) / basePossible;
    arithmetic.push(`Base: ${formatNumber(baseEarned)} of ${pointsText(basePossible, 'weighted point')} = ${formatNumber(basePct)}%`);
    if (bonusEarned > 0) {
      const withBonus = (100 * (baseEarned + bonusEarned)) / basePossible;
      const capped = withBonus > 100 ? ', capped at 100%' : '';
      arithmetic.push(`Bonus: +${pointsText(bonusEarned)} → ${formatNumber(withBonus)}%${capped}`);
    }
  } else {
    arithmetic.push(score === null ? 'Base: nothing rated yet, so no score' : 'Base: nothing rated yet');
  }
  for (const r of failing) {
    const sectionTitle = sections.find((s) => s.sectionId === r.sectionId)?.title ?? 'Section';
    const effect = r.critical === 'evaluation' ? 'score 0' : `${sectionTitle} scores 0`;
    arithmetic.push(`Critical failure: ${r.title} → ${effect}`);
  }
  if (score !== null) {
    arithmetic.push(`Score: ${formatNumber(score)}`);
    arithmetic.push(`Pass mark ${formatNumber(scorecard.passMark)}: ${passed ? 'passed' : 'not passed'}`);
  }

  const unanswered = criteria.filter((r) => r.state === 'unanswered').map((r) => r.criterionId);
  return {
    score,
    passed,
    passMark: scorecard.passMark,
    failedOnCritical,
    criticalFailures,
    baseEarned,
    basePossible,
    bonusEarned,
    sections,
    criteria,
    unanswered,
    complete: unanswered.length === 0,
    arithmetic,
  };
}

/**
 * What each answer of an evaluation came to (the option's value and pass), read through the scale
 * definitions of lib/scoring, with the scorecard version's criteria indexed once and reused for
 * every evaluation that pinned it.
 */
import type { Criticality, ScaleOption, Scorecard } from '../schemas';
import { scaleOptions } from '../scoring';
import type { ReportAnswer, ReportRow } from './report-row';

export interface CriterionInfo {
  /** `<scorecard id>:<criterion id>`: the same criterion across versions of a scorecard. */
  key: string;
  criterionId: string;
  /** The scorecard version this entry comes from. */
  version: number;
  title: string;
  critical: Criticality;
  bonus: boolean;
  allowNa: boolean;
  options: ReadonlyMap<string, ScaleOption>;
}

export type ScorecardLookup = (scorecardId: string, version: number) => Scorecard | undefined;

function indexScorecard(scorecard: Scorecard): CriterionInfo[] {
  return scorecard.sections.flatMap((section) =>
    section.criteria.map((criterion) => ({
      key: `${scorecard.id}:${criterion.id}`,
      criterionId: criterion.id,
      version: scorecard.version,
      title: criterion.title,
      critical: criterion.critical,
      bonus: section.bonus,
      allowNa: criterion.allowNa,
      options: new Map(scaleOptions(criterion.scale).map((option) => [option.id, option])),
    })),
  );
}

/** What pins a scorecard version: an evaluation or its report row. */
export type ScorecardPin = Pick<ReportRow, 'scorecardId' | 'scorecardVersion'>;

/** The criteria of the scorecard version an evaluation pinned; undefined when that version is not stored. */
export function criteriaIndex(scorecardFor: ScorecardLookup): (pinned: ScorecardPin) => readonly CriterionInfo[] | undefined {
  const cache = new Map<string, CriterionInfo[] | undefined>();
  // Most evaluations in a row share a scorecard version: answer those without building a key.
  let last: { id: string; version: number; criteria: CriterionInfo[] | undefined } | undefined;
  return (evaluation) => {
    if (last && last.id === evaluation.scorecardId && last.version === evaluation.scorecardVersion) return last.criteria;
    const key = `${evaluation.scorecardId}@${evaluation.scorecardVersion}`;
    if (!cache.has(key)) {
      const scorecard = scorecardFor(evaluation.scorecardId, evaluation.scorecardVersion);
      cache.set(key, scorecard ? indexScorecard(scorecard) : undefined);
    }
    last = { id: evaluation.scorecardId, version: evaluation.scorecardVersion, criteria: cache.get(key) };
    return last.criteria;
  };
}

/**
 * The chosen option when the answer rates the criterion, as scoreEvaluation counts it; undefined
 * for N/A and for anything it treats as unanswered.
 */
export function ratedOption(criterion: CriterionInfo, answer: ReportAnswer | undefined): ScaleOption | undefined {
  if (!answer || answer.na || answer.optionId === undefined) return undefined;
  return criterion.options.get(answer.optionId);
}

/** Whether a critical criterion (evaluation or section level) was failed. */
export function failedCritically(criteria: readonly CriterionInfo[], row: Pick<ReportRow, 'answers'>): boolean {
  for (const criterion of criteria) {
    if (criterion.critical === 'none') continue;
    const option = ratedOption(criterion, row.answers.get(criterion.criterionId));
    if (option && !option.passes) return true;
  }
  return false;
}

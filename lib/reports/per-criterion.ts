import type { ScaleOption } from '../schemas';
import { entry, Mean, Rate } from './accumulators';
import type { CriterionInfo } from './criterion-outcomes';

export interface CriterionRow {
  /** `<scorecard id>:<criterion id>`. */
  key: string;
  title: string;
  /** Answers that rated it (N/A and unanswered left out). */
  rated: number;
  /** Mean outcome value as a percentage: 100 = every answer the best outcome. */
  meanScore: number | null;
  /** Share of rated answers whose outcome does not pass. */
  failRate: number | null;
}

interface CriterionTotals {
  title: string;
  /** The version the title was taken from: the newest seen wins. */
  version: number;
  value: Mean;
  fail: Rate;
}

/** Mean outcome and fail rate per criterion; a scorecard's criterion is one row across its versions. */
export class CriterionAccumulator {
  private readonly criteria = new Map<string, CriterionTotals>();
  /** Totals per scorecard version's criteria, in the same order: one lookup per evaluation, not per answer. */
  private readonly byScorecard = new Map<readonly CriterionInfo[], CriterionTotals[]>();

  /** The running totals for each of these criteria, index for index. */
  totalsFor(criteria: readonly CriterionInfo[]): readonly CriterionTotals[] {
    let totals = this.byScorecard.get(criteria);
    if (!totals) {
      totals = criteria.map((criterion) => {
        const shared = entry(this.criteria, criterion.key, () => ({ title: criterion.title, version: criterion.version, value: new Mean(), fail: new Rate() }));
        if (criterion.version > shared.version) Object.assign(shared, { title: criterion.title, version: criterion.version });
        return shared;
      });
      this.byScorecard.set(criteria, totals);
    }
    return totals;
  }

  static add(totals: CriterionTotals, option: ScaleOption): void {
    totals.value.add(option.value);
    totals.fail.add(!option.passes);
  }

  /** Weakest first: highest fail rate, then lowest mean, then title. */
  rows(): CriterionRow[] {
    return [...this.criteria]
      .map(([key, t]) => ({
        key,
        title: t.title,
        rated: t.value.count,
        meanScore: t.value.value === null ? null : 100 * t.value.value,
        failRate: t.fail.percent,
      }))
      .sort((a, b) => (b.failRate ?? 0) - (a.failRate ?? 0) || (a.meanScore ?? 100) - (b.meanScore ?? 100) || a.title.localeCompare(b.title));
  }
}

/**
 * Reviewer drift: month by month, the mean score each reviewer gives in their reviews (a reviewer
 * drifting lenient or harsh shows as a line moving away from the others) and their alignment with
 * the benchmark in that month's calibration sessions.
 */
import type { CalibrationSession, Evaluation, ScorecardContent } from '../schemas';
import { sameName } from '../sampling/pool';
import { calibrationResults } from './session-results';

export interface DriftCell {
  /** Mean score given in reviews submitted that month; null with none. */
  meanGiven: number | null;
  reviews: number;
  /** Mean alignment with the benchmark over that month's sessions; null with none. */
  alignment: number | null;
  sessions: number;
}

export interface ReviewerDrift {
  /** `YYYY-MM`, oldest first. */
  months: string[];
  reviewers: { name: string; cells: DriftCell[] }[];
}

/** The local calendar month of a time, `YYYY-MM`. */
export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function reviewerDrift(
  evaluations: readonly Evaluation[],
  sessions: readonly CalibrationSession[],
  scorecardFor: (id: string, version: number) => ScorecardContent | undefined,
): ReviewerDrift {
  const given = new Map<string, Map<string, { sum: number; n: number }>>();
  const aligned = new Map<string, Map<string, { sum: number; n: number }>>();
  const names = new Map<string, string>();
  const add = (table: typeof given, name: string, month: string, value: number) => {
    const key = name.trim().toLocaleLowerCase();
    if (!names.has(key)) names.set(key, name);
    const months = table.get(key) ?? new Map();
    table.set(key, months);
    const cell = months.get(month) ?? { sum: 0, n: 0 };
    cell.sum += value;
    cell.n += 1;
    months.set(month, cell);
  };
  for (const e of evaluations) {
    if (e.kind !== 'review' || e.status === 'draft' || e.submittedAt === null || e.score === null || !e.author.name) continue;
    add(given, e.author.name, monthOf(e.submittedAt), e.score);
  }
  for (const session of sessions) {
    const scorecard = scorecardFor(session.scorecardId, session.scorecardVersion);
    if (!scorecard || session.benchmark === null) continue;
    const results = calibrationResults(session, scorecard, evaluations);
    const month = monthOf(session.createdAt);
    results.alignment.forEach((value, p) => {
      if (value !== null && !sameName(session.participants[p], session.benchmark)) add(aligned, session.participants[p]!, month, value);
    });
  }
  const months = [...new Set([...given.values(), ...aligned.values()].flatMap((m) => [...m.keys()]))].sort();
  const mean = (cell: { sum: number; n: number } | undefined) => (cell ? cell.sum / cell.n : null);
  const reviewers = [...names]
    .map(([key, name]) => ({
      name,
      cells: months.map((month) => {
        const g = given.get(key)?.get(month);
        const a = aligned.get(key)?.get(month);
        return { meanGiven: mean(g), reviews: g?.n ?? 0, alignment: mean(a), sessions: a?.n ?? 0 };
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { months, reviewers };
}

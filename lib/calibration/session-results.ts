/**
 * What a calibration session shows once scored: every participant's answer per criterion side by
 * side, the agreement statistics of lib/stats per criterion and for the overall score, and each
 * participant's alignment with the benchmark reviewer. Pure: session, scorecard and evaluations in.
 *
 * Units are the session's tickets; raters are its participants, each counted once per ticket
 * (their latest submitted calibration score of it). Binary criteria are nominal; points and
 * custom scales ordinal (their outcomes are ordered by value); the overall score is interval.
 * N/A is a category of its own at the nominal level and a missing rating at the others.
 */
import { sameName } from '../sampling/pool';
import type { CalibrationSession, Evaluation, ScorecardContent } from '../schemas';
import { NA_LABEL, scaleOptions } from '../scoring';
import { fleissKappa, krippendorffAlpha, percentAgreement, type MeasurementLevel, type Rating } from '../stats/agreement';

export interface CellAnswer {
  label: string;
  /** The outcome's value 0–1; null for N/A. */
  value: number | null;
  na: boolean;
}

export interface CriterionCalibration {
  criterionId: string;
  title: string;
  section: string;
  weight: number;
  level: MeasurementLevel;
  /** answers[ticket][participant], undefined where the participant has not scored the ticket. */
  answers: (CellAnswer | undefined)[][];
  percentAgreement: number | null;
  alpha: number | null;
  /** Over the tickets every participant scored; null when none or when not defined. */
  fleiss: number | null;
}

export interface CalibrationResults {
  participants: string[];
  tickets: CalibrationSession['tickets'];
  /** scores[ticket][participant]: the overall score, or undefined. */
  scores: (number | null | undefined)[][];
  /** The evaluation behind each cell, for links and exports. */
  evaluations: (Evaluation | undefined)[][];
  criteria: CriterionCalibration[];
  overall: { alpha: number | null; passAgreement: number | null; passAlpha: number | null };
  /** Points-weighted alignment with the benchmark, 0–100, per participant (null for the benchmark and where nothing overlaps). */
  alignment: (number | null)[];
  /** Tickets each participant has submitted a score for. */
  submittedBy: number[];
}

/** The latest submitted calibration score of each participant for each ticket of the session. */
export function sessionGrid(session: CalibrationSession, evaluations: readonly Evaluation[]): (Evaluation | undefined)[][] {
  const grid = session.tickets.map(() => session.participants.map((): Evaluation | undefined => undefined));
  const ticketIndex = new Map(session.tickets.map((t, i) => [t.key, i]));
  for (const e of evaluations) {
    if (e.kind !== 'calibration' || e.calibrationSessionId !== session.id || e.status === 'draft' || e.submittedAt === null) continue;
    const t = ticketIndex.get(e.ticket.key);
    const p = session.participants.findIndex((name) => sameName(name, e.author.name));
    if (t === undefined || p === -1) continue;
    const earlier = grid[t]![p];
    if (!earlier || (earlier.submittedAt ?? 0) < e.submittedAt) grid[t]![p] = e;
  }
  return grid;
}

const levelOf = (kind: string): MeasurementLevel => (kind === 'binary' ? 'nominal' : 'ordinal');

function answerOf(evaluation: Evaluation | undefined, criterion: ScorecardContent['sections'][number]['criteria'][number]): CellAnswer | undefined {
  const answer = evaluation?.answers[criterion.id];
  if (!evaluation || !answer) return undefined;
  if (answer.na) return { label: NA_LABEL, value: null, na: true };
  const option = scaleOptions(criterion.scale).find((o) => o.id === answer.optionId);
  return option ? { label: option.label, value: option.value, na: false } : undefined;
}

/** Observers × units: one row per participant, one column per ticket. */
const transpose = <T>(grid: T[][], participants: number): T[][] => Array.from({ length: participants }, (_, p) => grid.map((row) => row[p]!));

/** Fleiss' table over the units every rater rated. */
function fleissOf(columns: Rating[][]): number | null {
  const complete = columns.filter((unit) => unit.every((r) => r !== null));
  if (complete.length === 0) return null;
  const categories = [...new Set(complete.flat())];
  return fleissKappa(complete.map((unit) => categories.map((c) => unit.filter((r) => r === c).length)));
}

export function calibrationResults(session: CalibrationSession, scorecard: ScorecardContent, evaluations: readonly Evaluation[]): CalibrationResults {
  const grid = sessionGrid(session, evaluations);
  const n = session.participants.length;
  const criteria: CriterionCalibration[] = scorecard.sections.flatMap((section) =>
    section.criteria.map((criterion) => {
      const level = levelOf(criterion.scale.kind);
      const answers = grid.map((row) => row.map((e) => answerOf(e, criterion)));
      // Units × raters as labels (N/A a category) and as values (N/A missing).
      const labels: Rating[][] = answers.map((row) => row.map((a) => (a ? a.label : null)));
      const values: Rating[][] = answers.map((row) => row.map((a) => (a && !a.na ? a.value : null)));
      return {
        criterionId: criterion.id,
        title: criterion.title,
        section: section.title,
        weight: criterion.weight,
        level,
        answers,
        percentAgreement: percentAgreement(transpose(labels, n)),
        alpha: level === 'nominal' ? krippendorffAlpha(transpose(labels, n), 'nominal') : krippendorffAlpha(transpose(values, n), level),
        fleiss: fleissOf(labels),
      };
    }),
  );
  const scores = grid.map((row) => row.map((e) => e?.score));
  const passes: Rating[][] = grid.map((row) => row.map((e) => (e && e.passed !== null ? String(e.passed) : null)));
  const scoreRatings: Rating[][] = scores.map((row) => row.map((s) => (s === undefined ? null : s)));
  return {
    participants: session.participants,
    tickets: session.tickets,
    scores,
    evaluations: grid,
    criteria,
    overall: {
      alpha: krippendorffAlpha(transpose(scoreRatings, n), 'interval'),
      passAgreement: percentAgreement(transpose(passes, n)),
      passAlpha: krippendorffAlpha(transpose(passes, n), 'nominal'),
    },
    alignment: alignmentWithBenchmark(session, criteria),
    submittedBy: session.participants.map((_, p) => grid.filter((row) => row[p] !== undefined).length),
  };
}

/** How closely one answer matches the benchmark's: both N/A or equal 1, one N/A 0, else 1 − |difference of values|. */
function match(a: CellAnswer, b: CellAnswer): number {
  if (a.na || b.na) return a.na && b.na ? 1 : 0;
  return 1 - Math.abs(a.value! - b.value!);
}

/**
 * Each participant against the benchmark reviewer, weighted by the criteria's points: 100 × Σ
 * weight × match / Σ weight, over every criterion of every ticket both answered. A heavy criterion
 * scored differently costs more than a light one, as it would in the score.
 */
export function alignmentWithBenchmark(session: CalibrationSession, criteria: readonly CriterionCalibration[]): (number | null)[] {
  const b = session.benchmark === null ? -1 : session.participants.findIndex((p) => sameName(p, session.benchmark));
  return session.participants.map((_, p) => {
    if (b === -1 || p === b) return null;
    let weighted = 0;
    let weights = 0;
    for (const c of criteria) {
      for (const row of c.answers) {
        const mine = row[p];
        const theirs = row[b];
        if (!mine || !theirs) continue;
        weighted += c.weight * match(mine, theirs);
        weights += c.weight;
      }
    }
    return weights === 0 ? null : (100 * weighted) / weights;
  });
}

/**
 * Blind scoring: a participant sees the others' scores of a ticket only after submitting their
 * own; the facilitator (not a participant) sees everything.
 */
export function revealedTickets(session: CalibrationSession, evaluations: readonly Evaluation[], viewer: string): Set<string> {
  const p = session.participants.findIndex((name) => sameName(name, viewer));
  if (p === -1) return new Set(session.tickets.map((t) => t.key));
  const grid = sessionGrid(session, evaluations);
  return new Set(session.tickets.filter((_, t) => grid[t]![p] !== undefined).map((t) => t.key));
}

/** Landis and Koch's (1977) words for a kappa; Krippendorff's own thresholds for alpha. */
export function describeAgreement(statistic: 'kappa' | 'alpha', value: number | null): string {
  if (value === null) return 'not defined';
  if (statistic === 'alpha') return value >= 0.8 ? 'reliable' : value >= 0.667 ? 'tentative' : 'unreliable';
  if (value < 0) return 'poor';
  return value <= 0.2 ? 'slight' : value <= 0.4 ? 'fair' : value <= 0.6 ? 'moderate' : value <= 0.8 ? 'substantial' : 'almost perfect';
}

/**
 * Calibration results export, in two files: every answer per unit (ticket × criterion) per rater,
 * and the statistics (per criterion and for the overall score, plus each rater's alignment with the
 * benchmark), so the figures can be checked in another package from the answers alone.
 */
import type { CalibrationResults } from '../calibration/session-results';
import type { CalibrationSession } from '../schemas';
import { text } from './evaluation-cells';
import { toCsv } from './csv-text';

export const CALIBRATION_ANSWER_COLUMNS = [
  'session',
  'ticket_ref',
  'helpdesk',
  'section',
  'criterion_id',
  'criterion',
  'weight',
  'rater',
  'benchmark',
  'answer_label',
  'answer_value',
  'na',
  'evaluation_score',
  'evaluation_id',
] as const;

export const CALIBRATION_STATISTIC_COLUMNS = ['session', 'scope', 'criterion_id', 'criterion', 'level', 'units', 'raters', 'statistic', 'value'] as const;

const round = (value: number | null) => (value === null ? '' : String(Math.round(value * 10_000) / 10_000));

export function calibrationAnswersCsv(session: CalibrationSession, results: CalibrationResults, options: { bom?: boolean } = {}): string {
  const rows: string[][] = [];
  results.tickets.forEach((ticket, t) => {
    for (const c of results.criteria) {
      results.participants.forEach((rater, p) => {
        const answer = c.answers[t]![p];
        const evaluation = results.evaluations[t]![p];
        if (!answer || !evaluation) return;
        rows.push([
          session.name,
          ticket.ticketId,
          ticket.helpdesk,
          c.section,
          c.criterionId,
          c.title,
          text(c.weight),
          rater,
          text(rater === session.benchmark),
          answer.label,
          answer.value === null ? '' : String(answer.value),
          text(answer.na),
          text(evaluation.score),
          evaluation.id,
        ]);
      });
    }
  });
  return toCsv([[...CALIBRATION_ANSWER_COLUMNS], ...rows], options);
}

export function calibrationStatisticsCsv(session: CalibrationSession, results: CalibrationResults, options: { bom?: boolean } = {}): string {
  const units = String(results.tickets.length);
  const raters = String(results.participants.length);
  const rows: string[][] = results.criteria.flatMap((c) => [
    [session.name, 'criterion', c.criterionId, c.title, 'nominal', units, raters, 'percent_agreement', round(c.percentAgreement)],
    [session.name, 'criterion', c.criterionId, c.title, c.level, units, raters, 'krippendorff_alpha', round(c.alpha)],
    [session.name, 'criterion', c.criterionId, c.title, 'nominal', units, raters, 'fleiss_kappa', round(c.fleiss)],
  ]);
  rows.push(
    [session.name, 'overall', '', 'Score', 'interval', units, raters, 'krippendorff_alpha', round(results.overall.alpha)],
    [session.name, 'overall', '', 'Pass / fail', 'nominal', units, raters, 'percent_agreement', round(results.overall.passAgreement)],
    [session.name, 'overall', '', 'Pass / fail', 'nominal', units, raters, 'krippendorff_alpha', round(results.overall.passAlpha)],
  );
  results.participants.forEach((rater, p) => {
    const value = results.alignment[p] ?? null;
    if (value !== null) rows.push([session.name, 'rater', '', rater, 'points-weighted', units, '2', 'alignment_with_benchmark_percent', round(value)]);
  });
  return toCsv([[...CALIBRATION_STATISTIC_COLUMNS], ...rows], options);
}

/**
 * The report row: what the dashboard's reports, filters and list read of one submitted evaluation,
 * and nothing else (no comments, evidence, history or feedback text). The database keeps one per
 * submitted evaluation beside the evaluations (lib/db/report-rows.ts), so opening the dashboard
 * reads these instead of every full evaluation.
 *
 * To add a field: add it here and in `toReportRow`; in lib/reports/report-days.ts give it a column
 * kind in `REPORT_ROW_FIELDS`, read it in `StoredRow` there, and bump `REPORT_ROWS_VERSION`.
 * Stored rows are then rebuilt from the evaluations (in batches, resumably) after the update.
 */
import { SPOTLIGHT_KINDS, type Answer, type AutomaticAnswer, type Channel, type Evaluation, type EvaluationKind, type EvaluationStatus, type SpotlightKind } from '../schemas';

/** What the AutoQA report reads of an automatic proposal: which check, its outcome, whether the reviewer moved away from it. */
export type ReportAuto = Readonly<Pick<AutomaticAnswer, 'check' | 'outcome' | 'changed'>>;

/**
 * An answer as reports read it: which option, N/A, the root causes named on it, and what an
 * automatic check proposed (absent when none did).
 */
export type ReportAnswer = Readonly<Pick<Answer, 'optionId' | 'na' | 'rootCauses'>> & { readonly auto?: ReportAuto };

/**
 * A row's answers by criterion id. An interface rather than a plain record: rows read from the
 * database decode their answers only where a report asks (lib/reports/report-days.ts), since
 * building an object of 20 answers for each of 100k rows was most of the dashboard's read.
 */
export interface ReportAnswers {
  /** The answer to this criterion, if the evaluation has one. */
  get(criterionId: string): ReportAnswer | undefined;
  /** Every answer with its criterion id, in the evaluation's order. */
  forEach(visit: (answer: ReportAnswer, criterionId: string) => void): void;
}

/** The answers of an evaluation in memory. */
class RecordAnswers implements ReportAnswers {
  constructor(private readonly record: Readonly<Record<string, ReportAnswer>>) {}

  get(criterionId: string): ReportAnswer | undefined {
    return Object.hasOwn(this.record, criterionId) ? this.record[criterionId] : undefined;
  }

  forEach(visit: (answer: ReportAnswer, criterionId: string) => void): void {
    for (const [criterionId, answer] of Object.entries(this.record)) visit(answer, criterionId);
  }
}

/** The answers as a plain record (for tests and for comparing rows). */
export function answerRecord(answers: ReportAnswers): Record<string, ReportAnswer> {
  const record: Record<string, ReportAnswer> = {};
  answers.forEach((answer, criterionId) => (record[criterionId] = { ...reportAnswer(answer), rootCauses: [...answer.rootCauses] }));
  return record;
}

export interface ReportRow {
  id: string;
  /** Every report row is of a submitted evaluation. */
  submittedAt: number;
  kind: EvaluationKind;
  status: Exclude<EvaluationStatus, 'draft'>;
  /** The ticket's assigned agent; '' when the ticket had none. */
  agent: string;
  channel: Channel;
  helpdesk: string;
  ticketKey: string;
  ticketId: string;
  subject: string;
  /** The distinct Spotlight flags of the ticket, in `SPOTLIGHT_KINDS` order; empty when it has none. */
  spotlight: readonly SpotlightKind[];
  /** The evaluation's author. */
  reviewer: string;
  scorecardId: string;
  scorecardVersion: number;
  score: number | null;
  passed: boolean | null;
  reviewSeconds: number;
  answers: ReportAnswers;
}

/**
 * A copy of the row as a plain object with every field its own: rows read from the database read
 * their fields from the day's columns (lib/reports/report-days.ts), so a spread of one copies none.
 */
export function copyRow(row: ReportRow): ReportRow {
  return {
    id: row.id,
    submittedAt: row.submittedAt,
    kind: row.kind,
    status: row.status,
    agent: row.agent,
    channel: row.channel,
    helpdesk: row.helpdesk,
    ticketKey: row.ticketKey,
    ticketId: row.ticketId,
    subject: row.subject,
    spotlight: row.spotlight,
    reviewer: row.reviewer,
    scorecardId: row.scorecardId,
    scorecardVersion: row.scorecardVersion,
    score: row.score,
    passed: row.passed,
    reviewSeconds: row.reviewSeconds,
    answers: row.answers,
  };
}

/** What a report reads of one answer: without the comment, evidence or the check's reason. */
function reportAnswer(answer: ReportAnswer): ReportAnswer {
  const { optionId, na, rootCauses, auto } = answer;
  return auto ? { optionId, na, rootCauses, auto: { check: auto.check, outcome: auto.outcome, changed: auto.changed } } : { optionId, na, rootCauses };
}

const NO_FLAGS: readonly SpotlightKind[] = Object.freeze([]);

/** The distinct kinds of a ticket's Spotlight flags, in the catalogue's order. */
function spotlightKinds(flags: Evaluation['ticket']['spotlight']): readonly SpotlightKind[] {
  if (!flags || flags.length === 0) return NO_FLAGS;
  const kinds = new Set(flags.map((flag) => flag.kind));
  return SPOTLIGHT_KINDS.filter((kind) => kinds.has(kind));
}

/** The report row of an evaluation; undefined for drafts and anything not submitted, which no report counts. */
export function toReportRow(evaluation: Evaluation): ReportRow | undefined {
  const { status, submittedAt, ticket } = evaluation;
  if (status === 'draft' || submittedAt === null) return undefined;
  const answers: Record<string, ReportAnswer> = {};
  for (const [criterionId, answer] of Object.entries(evaluation.answers)) answers[criterionId] = reportAnswer(answer);
  return {
    id: evaluation.id,
    submittedAt,
    kind: evaluation.kind,
    status,
    agent: ticket.agent?.name ?? '',
    channel: ticket.channel,
    helpdesk: ticket.helpdesk,
    ticketKey: ticket.key,
    ticketId: ticket.ticketId,
    subject: ticket.subject,
    spotlight: spotlightKinds(ticket.spotlight),
    reviewer: evaluation.author.name,
    scorecardId: evaluation.scorecardId,
    scorecardVersion: evaluation.scorecardVersion,
    score: evaluation.score,
    passed: evaluation.passed,
    reviewSeconds: evaluation.reviewSeconds,
    answers: new RecordAnswers(answers),
  };
}

/** The report rows of these evaluations, drafts left out. */
export function reportRows(evaluations: Iterable<Evaluation>): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const evaluation of evaluations) {
    const row = toReportRow(evaluation);
    if (row) rows.push(row);
  }
  return rows;
}

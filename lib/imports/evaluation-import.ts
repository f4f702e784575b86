/**
 * Import of the long CSV format: rows are checked one by one, grouped back into evaluations by
 * `evaluation_id`, and each evaluation is rescored with the scoring rules against its scorecard
 * version, which must be stored in this profile (restore a backup or import the scorecard file
 * first): the rows alone do not carry a scale's other options, its pass mark or bonus sections, so a
 * scorecard rebuilt from them could score differently. An evaluation whose recorded score does not
 * match its answers is refused rather than stored with a number nobody can reproduce.
 */
import { z } from 'zod';
import { restoreFormula } from '../csv/csv-text';
import { LONG_COLUMNS, type LongColumn } from '../csv/long-rows';
import {
  EvaluationKindSchema,
  EvaluationStatusSchema,
  EvidenceSchema,
  type Answer,
  type Criterion,
  type Evaluation,
  type RootCause,
  type ScaleOption,
  type Scorecard,
} from '../schemas';
import { NA_LABEL, scaleOptions, scoreEvaluation } from '../scoring';
import { describeIssues } from '../schemas/describe-issues';
import { booleanCell, CELL_READERS, channelCell, integerCell, numberCell, optionalBooleanCell, optionalNumberCell, optionalTimeCell, requiredCell, timeCell } from './csv-cells';
import { cellsByField, emptyPreview, mapColumns, type ImportPreview, type RejectedRow } from './import-preview';

const SPECS = LONG_COLUMNS.map((field) => ({ field, aliases: [], required: true }));

const EvidenceCellSchema = z.string().transform((cell, ctx) => {
  if (cell.trim() === '') return [];
  try {
    const parsed = z
      .array(z.object({ role: z.string(), author: z.string(), at: z.string(), message: z.string(), quote: z.string() }))
      .parse(JSON.parse(cell));
    return parsed.map((e) => EvidenceSchema.parse({ messageId: e.message, quote: e.quote, author: e.author, role: e.role, at: e.at || undefined }));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not the evidence list QA Lens writes (a JSON array of quotes)' });
    return z.NEVER;
  }
});

/** One row of the long format, cell by cell: the rules and the messages for a refused row. */
export const LongRowSchema = z.object({
  evaluation_id: requiredCell('the evaluation id'),
  ticket_ref: requiredCell('the ticket reference'),
  ticket_url: z.string(),
  subject: z.string(),
  helpdesk: requiredCell('the helpdesk'),
  channel: channelCell,
  agent: z.string(),
  reviewer: z.string(),
  kind: EvaluationKindSchema,
  status: EvaluationStatusSchema.exclude(['draft']),
  scorecard_id: requiredCell('the scorecard id'),
  scorecard_name: z.string(),
  scorecard_version: integerCell,
  section: z.string(),
  criterion_id: requiredCell('the criterion id'),
  criterion: z.string(),
  weight: numberCell,
  critical: z.string(),
  na: booleanCell,
  answer_label: z.string(),
  answer_value: optionalNumberCell,
  comment: z.string(),
  evidence: EvidenceCellSchema,
  root_causes: z.string(),
  evaluation_score: optionalNumberCell,
  passed: optionalBooleanCell,
  strengths: z.string(),
  improvements: z.string(),
  created_at: timeCell,
  submitted_at: optionalTimeCell,
  review_seconds: integerCell,
});
type ParsedRow = z.infer<typeof LongRowSchema>;

const KINDS: readonly string[] = EvaluationKindSchema.options;
const STATUSES: readonly string[] = EvaluationStatusSchema.options.filter((status) => status !== 'draft');

/**
 * The row as `LongRowSchema` parses it, read without zod, for a row it accepts; undefined as soon
 * as a cell might be refused. Zod's checks were most of a big import's time, and nearly every row
 * of an exported file passes: those take this path, and anything else goes through the schema,
 * which gives the reason (tests/unit/imports/long-row.test.ts proves the two agree).
 */
function quickRow(f: Record<string, string>): ParsedRow | undefined {
  const R = CELL_READERS;
  const evaluation_id = R.required(f.evaluation_id!);
  const ticket_ref = R.required(f.ticket_ref!);
  const helpdesk = R.required(f.helpdesk!);
  const channel = R.channel(f.channel!);
  const kind = f.kind!;
  const status = f.status!;
  const scorecard_id = R.required(f.scorecard_id!);
  const scorecard_version = R.integer(f.scorecard_version!);
  const criterion_id = R.required(f.criterion_id!);
  const weight = R.number(f.weight!);
  const na = R.boolean(f.na!);
  const answer_value = R.optionalNumber(f.answer_value!);
  const evaluation_score = R.optionalNumber(f.evaluation_score!);
  const passed = R.optionalBoolean(f.passed!);
  const created_at = R.time(f.created_at!);
  const submitted_at = R.optionalTime(f.submitted_at!);
  const review_seconds = R.integer(f.review_seconds!);
  const evidence = f.evidence!.trim() === '' ? [] : EvidenceCellSchema.safeParse(f.evidence).data;
  if (
    evaluation_id === undefined || ticket_ref === undefined || helpdesk === undefined || channel === undefined ||
    !KINDS.includes(kind) || !STATUSES.includes(status) || scorecard_id === undefined || scorecard_version === undefined ||
    criterion_id === undefined || weight === undefined || na === undefined || answer_value === undefined ||
    evidence === undefined || evaluation_score === undefined || passed === undefined || created_at === undefined ||
    submitted_at === undefined || review_seconds === undefined
  ) {
    return undefined;
  }
  return {
    evaluation_id,
    ticket_ref,
    ticket_url: f.ticket_url!,
    subject: f.subject!,
    helpdesk,
    channel,
    agent: f.agent!,
    reviewer: f.reviewer!,
    kind: kind as ParsedRow['kind'],
    status: status as ParsedRow['status'],
    scorecard_id,
    scorecard_name: f.scorecard_name!,
    scorecard_version,
    section: f.section!,
    criterion_id,
    criterion: f.criterion!,
    weight,
    critical: f.critical!,
    na,
    answer_label: f.answer_label!,
    answer_value,
    comment: f.comment!,
    evidence,
    root_causes: f.root_causes!,
    evaluation_score,
    passed,
    strengths: f.strengths!,
    improvements: f.improvements!,
    created_at,
    submitted_at,
    review_seconds,
  };
}

/** One row of the long format by field: its values, or why it is refused (the schema's words). */
export function parseLongRow(fields: Record<string, string>): { ok: true; row: ParsedRow } | { ok: false; reason: string } {
  const quick = quickRow(fields);
  return quick ? { ok: true, row: quick } : schemaRow(fields);
}
function schemaRow(fields: Record<string, string>): ReturnType<typeof parseLongRow> {
  const parsed = LongRowSchema.safeParse(fields);
  return parsed.success ? { ok: true, row: parsed.data } : { ok: false, reason: describeIssues(parsed.error, 'row') };
}

/** The first row of an evaluation, whole: it gives the evaluation's own fields. */
type FirstRow = ParsedRow & { line: number };
/**
 * Every row of an evaluation, the first included, as kept until the end of the file: its answer and,
 * checked as it was read, which shared column (if any) differs from the first row. Only this much
 * of each row stays in memory, so a file of 100k rows does not hold 100k copies of its 30 fields.
 */
interface AnswerRow {
  line: number;
  criterion_id: string;
  na: boolean;
  answer_label: string;
  comment: string;
  evidence: ParsedRow['evidence'];
  rootCauseIds: string[];
  differs: LongColumn | undefined;
}
interface Group {
  first: FirstRow;
  /**
   * The first row's SHARED cells exactly as the file gave them (formulas not restored), in SHARED
   * order: a later row whose cells are this very text is compared without restoring any of them.
   */
  shared: string[];
  rows: AnswerRow[];
}

/** Columns that describe the evaluation, so every row of one evaluation must agree on them. */
const SHARED: readonly LongColumn[] = [
  'ticket_ref', 'ticket_url', 'subject', 'helpdesk', 'channel', 'agent', 'reviewer', 'kind', 'status', 'scorecard_id',
  'scorecard_version', 'evaluation_score', 'passed', 'strengths', 'improvements', 'created_at', 'submitted_at', 'review_seconds',
];

/**
 * How rows are read. 'quick' (what the import uses): a later row of an evaluation whose shared cells
 * are the very text of its first row's is checked only in the cells that differ per criterion, and
 * other rows skip zod when they pass; anything refused goes through the schema for its reason.
 * 'schema': every row through LongRowSchema alone, the reference the quick way is tested against
 * (tests/unit/imports/evaluation-import-paths.test.ts).
 */
export type RowReading = 'quick' | 'schema';

/** Where a LONG_COLUMNS column sits in the file's header, resolved once per file. */
type ColumnIndexes = Record<LongColumn, number>;

export interface EvaluationImportContext {
  scorecards: readonly Scorecard[];
  rootCauses: readonly RootCause[];
}

const labelled = new WeakMap<Criterion, Map<string, ScaleOption>>();

/** A criterion's options by label (the long format names the chosen option by its label), made once per criterion. */
function optionsByLabel(criterion: Criterion): Map<string, ScaleOption> {
  let options = labelled.get(criterion);
  if (!options) {
    // The first option of a label wins, as a search through the list would find it.
    options = new Map([...scaleOptions(criterion.scale)].reverse().map((o) => [o.label, o]));
    labelled.set(criterion, options);
  }
  return options;
}

const byId = new WeakMap<Scorecard, Map<string, Criterion>>();

/** A scorecard version's criteria by id, made once per scorecard rather than once per evaluation. */
function criteriaById(scorecard: Scorecard): Map<string, Criterion> {
  let criteria = byId.get(scorecard);
  if (!criteria) {
    criteria = new Map(scorecard.sections.flatMap((s) => s.criteria).map((c) => [c.id, c]));
    byId.set(scorecard, criteria);
  }
  return criteria;
}

/** Collects rows as the file is read, then builds the preview. */
export class EvaluationImport {
  private header: string[] = [];
  private columns = mapColumns([], SPECS);
  private readonly groups = new Map<string, Group>();
  private readonly rejected: RejectedRow[] = [];
  private rows = 0;
  private at = {} as ColumnIndexes;
  /** Index of each SHARED column in the header, in SHARED order. */
  private sharedAt: number[] = [];
  /** The team's root causes by label and by id, made on the first cell that names one. */
  private causes: Map<string, RootCause> | undefined;

  constructor(
    private readonly context: EvaluationImportContext,
    private readonly reading: RowReading = 'quick',
  ) {}

  /** Returns why the header is refused, or ''. */
  start(header: string[]): string {
    this.header = header;
    this.columns = mapColumns(header, SPECS);
    this.at = Object.fromEntries(LONG_COLUMNS.map((column) => [column, this.columns.index.get(column) ?? -1])) as ColumnIndexes;
    this.sharedAt = SHARED.map((column) => this.at[column]);
    return this.columns.error && `${this.columns.error} Export a long CSV from the QA Lens dashboard to see the expected columns.`;
  }

  add(cells: string[], line: number): void {
    this.rows += 1;
    if (cells.length === this.header.length && this.reading === 'quick' && this.addRepeat(cells, line)) return;
    const fields = cellsByField(cells, this.header, this.columns);
    if (typeof fields === 'string') return this.reject(line, fields);
    // Only the cells read are restored (the rest are ignored anyway).
    for (const field in fields) fields[field] = restoreFormula(fields[field]!);
    const parsed = this.reading === 'quick' ? parseLongRow(fields) : schemaRow(fields);
    if (!parsed.ok) return this.reject(line, parsed.reason);
    const data = parsed.row;
    const rootCauseIds = this.rootCauseIds(data.root_causes);
    if (typeof rootCauseIds === 'string') return this.reject(line, rootCauseIds);
    let group = this.groups.get(data.evaluation_id);
    if (!group) {
      group = { first: Object.assign(data, { line }), shared: this.sharedAt.map((i) => cells[i]!), rows: [] };
      this.groups.set(data.evaluation_id, group);
    }
    const { first } = group;
    group.rows.push({
      line,
      criterion_id: data.criterion_id,
      na: data.na,
      answer_label: data.answer_label,
      comment: data.comment,
      evidence: data.evidence,
      rootCauseIds,
      differs: first === data ? undefined : SHARED.find((column) => data[column] !== first[column]),
    });
  }

  /**
   * Most rows of an exported file: a later row of an evaluation already read, whose shared cells are
   * the same text as its first row's, so they parse to the same values and cannot differ. Only the
   * per-criterion cells are read and checked, straight from the cell array. Returns false, having
   * done nothing, when the row is not such a row or a cell might be refused: the full reading then
   * gives the same row, or zod's reason.
   */
  private addRepeat(cells: readonly string[], line: number): boolean {
    const at = this.at;
    const id = restoreFormula(cells[at.evaluation_id]!).trim();
    const group = this.groups.get(id);
    if (!group) return false;
    const { shared } = group;
    const sharedAt = this.sharedAt;
    // The raw text: equal raw cells restore to equal cells, and any other row takes the full reading.
    for (let i = 0; i < sharedAt.length; i++) if (cells[sharedAt[i]!] !== shared[i]) return false;
    const R = CELL_READERS;
    const criterion_id = R.required(restoreFormula(cells[at.criterion_id]!));
    const na = R.boolean(restoreFormula(cells[at.na]!));
    const evidenceCell = restoreFormula(cells[at.evidence]!);
    const evidence = evidenceCell.trim() === '' ? [] : EvidenceCellSchema.safeParse(evidenceCell).data;
    if (
      criterion_id === undefined || na === undefined || evidence === undefined ||
      R.number(restoreFormula(cells[at.weight]!)) === undefined || R.optionalNumber(restoreFormula(cells[at.answer_value]!)) === undefined
    ) {
      return false;
    }
    const rootCauseIds = this.rootCauseIds(restoreFormula(cells[at.root_causes]!));
    if (typeof rootCauseIds === 'string') this.reject(line, rootCauseIds);
    else {
      group.rows.push({
        line,
        criterion_id,
        na,
        answer_label: restoreFormula(cells[at.answer_label]!),
        comment: restoreFormula(cells[at.comment]!),
        evidence,
        rootCauseIds,
        differs: undefined,
      });
    }
    return true;
  }

  /** Ids of the evaluations read so far, to look up which are already stored. */
  evaluationIds(): string[] {
    return [...this.groups.keys()];
  }

  /** The preview; evaluations whose id is in `stored` are refused, since an import adds and never overwrites. */
  finish(stored: ReadonlySet<string> = new Set()): ImportPreview<Evaluation> {
    const accepted: Evaluation[] = [];
    const rejected = [...this.rejected];
    const reject = (line: number, reason: string) => rejected.push({ line, reason });
    for (const [id, group] of this.groups) {
      if (stored.has(id)) {
        group.rows.forEach((r) => reject(r.line, `evaluation ${id} is already in this profile`));
        continue;
      }
      const evaluation = this.evaluationFrom(group, reject);
      if (evaluation) accepted.push(evaluation);
    }
    return { ...emptyPreview<Evaluation>('', this.columns.mapping), accepted, rejected: rejected.sort((a, b) => a.line - b.line), rows: this.rows };
  }

  private reject(line: number, reason: string): void {
    this.rejected.push({ line, reason });
  }

  private rootCauseIds(cell: string): string[] | string {
    const ids: string[] = [];
    // Most answers name no root cause: no split for them.
    if (cell === '') return ids;
    for (const name of cell.split(/\r\n|\r|\n/).map((s) => s.trim()).filter(Boolean)) {
      const cause = this.causeNamed(name);
      if (!cause) return `root_causes: "${name}" is not in the team's root-cause list`;
      ids.push(cause.id);
    }
    return ids;
  }

  /** The first cause in the team's list whose label or id is `name`, as a search through the list finds it. */
  private causeNamed(name: string): RootCause | undefined {
    if (!this.causes) {
      this.causes = new Map();
      for (const cause of [...this.context.rootCauses].reverse()) this.causes.set(cause.id, cause).set(cause.label, cause);
    }
    return this.causes.get(name);
  }

  /** One evaluation from its rows, or undefined after rejecting the rows at fault. */
  private evaluationFrom({ first, rows }: Group, reject: (line: number, reason: string) => void): Evaluation | undefined {
    const rejectAll = (reason: string) => rows.forEach((r) => reject(r.line, reason));
    const scorecard = this.context.scorecards.find((s) => s.id === first.scorecard_id && s.version === first.scorecard_version);
    if (!scorecard) {
      rejectAll(`unknown scorecard ${first.scorecard_id} version ${first.scorecard_version}: restore a backup or import that scorecard first`);
      return undefined;
    }
    const criteria = criteriaById(scorecard);
    const seen = new Map<string, number>();
    const answers: Record<string, Answer> = {};
    let bad = false;
    for (const row of rows) {
      const problem = this.rowProblem(row, first, seen, criteria.get(row.criterion_id));
      if (problem) {
        reject(row.line, problem);
        bad = true;
        continue;
      }
      seen.set(row.criterion_id, row.line);
      answers[row.criterion_id] = this.answerFrom(row, criteria.get(row.criterion_id)!);
    }
    if (bad) return undefined;

    const result = scoreEvaluation(scorecard, answers);
    if (result.score !== first.evaluation_score || result.passed !== first.passed) {
      rejectAll(
        `evaluation ${first.evaluation_id}: the file says score ${first.evaluation_score ?? 'none'}, passed ${first.passed ?? 'none'}, ` +
          `but its answers score ${result.score ?? 'none'}, passed ${result.passed ?? 'none'} on ${scorecard.name} v${scorecard.version}`,
      );
      return undefined;
    }
    return {
      id: first.evaluation_id,
      kind: first.kind,
      status: first.status,
      ticket: {
        key: `${first.helpdesk}:${first.ticket_ref}`,
        helpdesk: first.helpdesk,
        ticketId: first.ticket_ref,
        url: first.ticket_url,
        channel: first.channel,
        subject: first.subject,
        agent: first.agent ? { name: first.agent } : null,
      },
      scorecardId: scorecard.id,
      scorecardVersion: scorecard.version,
      answers,
      strengths: first.strengths,
      improvements: first.improvements,
      // The long format names the reviewer only; a self-assessment's author is the agent.
      author: { name: first.reviewer, role: first.kind === 'self-assessment' ? 'agent' : 'supervisor' },
      score: result.score,
      passed: result.passed,
      reviewSeconds: first.review_seconds,
      acknowledgeBy: null,
      history: [],
      createdAt: first.created_at,
      updatedAt: first.submitted_at ?? first.created_at,
      submittedAt: first.submitted_at,
    };
  }

  private rowProblem(row: AnswerRow, first: FirstRow, seen: Map<string, number>, criterion: Criterion | undefined) {
    const earlier = seen.get(row.criterion_id);
    if (earlier !== undefined) return `duplicate row: criterion ${row.criterion_id} of evaluation ${first.evaluation_id} is already on line ${earlier}`;
    if (row.differs) return `${row.differs} differs from line ${first.line} of the same evaluation ${first.evaluation_id}`;
    if (!criterion) return `criterion ${row.criterion_id} is not on scorecard ${first.scorecard_id} version ${first.scorecard_version}`;
    if (row.na) return criterion.allowNa ? '' : `criterion ${row.criterion_id} does not allow N/A`;
    if (row.answer_label === '' || optionsByLabel(criterion).has(row.answer_label)) return '';
    return `answer "${row.answer_label}" is not an option of criterion ${row.criterion_id}`;
  }

  private answerFrom(row: AnswerRow, criterion: Criterion): Answer {
    const option = row.na || row.answer_label === NA_LABEL ? undefined : optionsByLabel(criterion).get(row.answer_label);
    // Two plain literals rather than a spread: this runs once per row of the file.
    return option
      ? { optionId: option.id, na: row.na, comment: row.comment, evidence: row.evidence, rootCauses: row.rootCauseIds }
      : { na: row.na, comment: row.comment, evidence: row.evidence, rootCauses: row.rootCauseIds };
  }
}

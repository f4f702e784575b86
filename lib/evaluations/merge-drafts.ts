/**
 * Two tabs of one browser editing the same draft (the same ticket open twice) each save the whole
 * record. Without this, the last save wins and the other tab's answers are lost. Each draft carries
 * the time each of its fields was last edited (`fieldEditedAt`), and two versions merge field by
 * field: the later edit wins, a field edited in one tab only keeps that tab's value.
 *
 * The times come from one browser's clock, shared by both tabs: drafts never leave the browser
 * that wrote them (lib/sync/write-rules.ts), so the rule "never by client clocks" of team sync,
 * which orders writes of different machines, does not apply here. Submitted records carry no edit
 * times (`withoutEditTimes`).
 *
 * Pure: no clock, no database. `stampEdits` is called on every change in the panel, `mergeDrafts`
 * inside `saveDraft`'s and `submitEvaluation`'s transactions and when a tab takes in what another
 * tab stored.
 */
import type { Answer, Evaluation } from '../schemas';
import { canonical } from '../sync/canonical-json';

/**
 * The fields of an answer, as edited separately: the choice (option or N/A, and the automatic
 * proposal it confirms or changes), the comment, the evidence list and the root causes. Typed
 * against every key of `Answer`, so a new answer field cannot be forgotten here.
 */
const ANSWER_PARTS = {
  optionId: 'answer',
  na: 'answer',
  auto: 'answer',
  comment: 'comment',
  evidence: 'evidence',
  rootCauses: 'rootCauses',
} as const satisfies Record<keyof Answer, string>;
type AnswerPart = (typeof ANSWER_PARTS)[keyof Answer];
const PARTS = [...new Set(Object.values(ANSWER_PARTS))] as AnswerPart[];

/**
 * How each field of the record merges. `stored` fields say which record this is (the stored
 * draft's id survives, so the tab that saved first keeps its id and the other one adopts it);
 * the edited fields merge by edit time; answers merge per criterion and part. Typed against every
 * key of `Evaluation`, so a new field needs a decision here before it compiles.
 */
const RECORD_FIELDS = {
  id: 'stored',
  kind: 'stored',
  status: 'stored',
  author: 'stored',
  score: 'stored',
  passed: 'stored',
  acknowledgeBy: 'stored',
  history: 'stored',
  calibrationSessionId: 'stored',
  submittedAt: 'stored',
  ticket: 'ticket',
  scorecardId: 'scorecard',
  scorecardVersion: 'scorecard',
  strengths: 'strengths',
  improvements: 'improvements',
  answers: 'answers',
  reviewSeconds: 'most',
  createdAt: 'earliest',
  updatedAt: 'latest',
  fieldEditedAt: 'stamps',
} as const satisfies Record<keyof Evaluation, string>;
type EditedField = 'ticket' | 'scorecard' | 'strengths' | 'improvements';
const EDITED_FIELDS: EditedField[] = ['ticket', 'scorecard', 'strengths', 'improvements'];
const RECORD_KEYS = Object.keys(RECORD_FIELDS) as (keyof Evaluation)[];

type Stamps = Record<string, number>;
type Part = Record<string, unknown>;

/** The key of one answer's part in `fieldEditedAt`: `answer:<criterion id>`, `comment:…`, `evidence:…`, `rootCauses:…`. */
export const answerFieldKey = (part: AnswerPart, criterionId: string) => `${part}:${criterionId}`;

/** The criterion an answer part's key names, if it names one. */
function criterionOf(key: string): string | undefined {
  const colon = key.indexOf(':');
  return colon > 0 && (PARTS as string[]).includes(key.slice(0, colon)) ? key.slice(colon + 1) : undefined;
}

function fieldValue(draft: Evaluation, field: EditedField): Part {
  const part: Part = {};
  for (const key of RECORD_KEYS) if (RECORD_FIELDS[key] === field) part[key] = draft[key];
  return part;
}

const BLANK_PARTS: Answer = { na: false, comment: '', evidence: [], rootCauses: [] };

function answerPart(answer: Answer | undefined, part: AnswerPart): Part {
  const from = answer ?? BLANK_PARTS;
  const value: Part = {};
  for (const key of Object.keys(ANSWER_PARTS) as (keyof Answer)[]) {
    if (ANSWER_PARTS[key] === part && from[key] !== undefined) value[key] = from[key];
  }
  return value;
}

const isBlank = (part: AnswerPart, value: Part) => canonical(value) === canonical(answerPart(undefined, part));

/**
 * An automatic check's proposal arriving on an unanswered criterion is not the reviewer's edit: it
 * carries no time, so any choice the reviewer made in another tab wins over it.
 */
const isFreshProposal = (before: Answer | undefined, after: Answer | undefined) =>
  before === undefined && after?.auto !== undefined && !after.auto.confirmed && !after.auto.changed;

/** `after` with the time of every field that differs from `before` set to `now`. */
export function stampEdits(before: Evaluation, after: Evaluation, now: number): Evaluation {
  const stamps: Stamps = { ...after.fieldEditedAt };
  let edited = false;
  const stamp = (key: string, was: unknown, is: unknown) => {
    if (canonical(was) === canonical(is)) return;
    stamps[key] = now;
    edited = true;
  };
  for (const field of EDITED_FIELDS) stamp(field, fieldValue(before, field), fieldValue(after, field));
  for (const id of new Set([...Object.keys(before.answers), ...Object.keys(after.answers)])) {
    // A change spreads the answers it leaves alone: the same object means nothing to compare (one
    // keystroke in a comment compares one answer, not the scorecard's).
    if (before.answers[id] === after.answers[id] || isFreshProposal(before.answers[id], after.answers[id])) continue;
    for (const part of PARTS) stamp(answerFieldKey(part, id), answerPart(before.answers[id], part), answerPart(after.answers[id], part));
  }
  return edited ? { ...after, fieldEditedAt: stamps } : after;
}

/**
 * Whether the incoming value of one field replaces the stored one: the later edit wins. At equal
 * times (the same edit, or neither side timed) a value beats a blank, then the incoming side wins:
 * it is the saving tab's own copy, which may differ from the stored one only by redaction.
 */
function incomingWins(key: string, stored: { stamps: Stamps; blank: boolean }, incoming: { stamps: Stamps; blank: boolean }): boolean {
  const storedAt = stored.stamps[key] ?? 0;
  const incomingAt = incoming.stamps[key] ?? 0;
  if (storedAt !== incomingAt) return incomingAt > storedAt;
  if (stored.blank !== incoming.blank) return stored.blank;
  return true;
}

/**
 * The stored draft and another version of it merged field by field (see the top of this file).
 * Answers belong to their scorecard: when the two versions are pinned to different scorecards, the
 * later pick wins with its answers, since the other pick's answers are to other criteria.
 */
export function mergeDrafts(stored: Evaluation, incoming: Evaluation): Evaluation {
  const storedStamps = stored.fieldEditedAt ?? {};
  const incomingStamps = incoming.fieldEditedAt ?? {};
  const stamps: Stamps = {};
  const take = <T>(key: string, storedValue: T, incomingValue: T, blank: (value: T) => boolean = () => false): T => {
    const fromIncoming = incomingWins(key, { stamps: storedStamps, blank: blank(storedValue) }, { stamps: incomingStamps, blank: blank(incomingValue) });
    const at = (fromIncoming ? incomingStamps : storedStamps)[key];
    if (at !== undefined) stamps[key] = at;
    return fromIncoming ? incomingValue : storedValue;
  };

  const merged: Part = {};
  for (const key of RECORD_KEYS) if (RECORD_FIELDS[key] === 'stored' && stored[key] !== undefined) merged[key] = stored[key];
  for (const field of EDITED_FIELDS) Object.assign(merged, take(field, fieldValue(stored, field), fieldValue(incoming, field)));

  const samePin = stored.scorecardId === incoming.scorecardId && stored.scorecardVersion === incoming.scorecardVersion;
  let answers: Record<string, Answer>;
  if (samePin) {
    answers = {};
    // Criteria cleared to blank are left out of `answers` but keep their edit times, so the clearing
    // still wins over an older value in a third version.
    const timed = [...Object.keys(storedStamps), ...Object.keys(incomingStamps)].flatMap((key) => criterionOf(key) ?? []);
    for (const id of new Set([...Object.keys(stored.answers), ...Object.keys(incoming.answers), ...timed])) {
      const parts = PARTS.map((part) =>
        take(answerFieldKey(part, id), answerPart(stored.answers[id], part), answerPart(incoming.answers[id], part), (value) => isBlank(part, value)),
      );
      const inBoth = id in stored.answers && id in incoming.answers;
      if (inBoth || parts.some((value, i) => !isBlank(PARTS[i]!, value))) answers[id] = Object.assign({}, ...parts) as Answer;
    }
  } else {
    const winner = merged['scorecardId'] === incoming.scorecardId && merged['scorecardVersion'] === incoming.scorecardVersion ? incoming : stored;
    answers = winner.answers;
    const winnerStamps = winner.fieldEditedAt ?? {};
    for (const id of Object.keys(answers)) {
      for (const part of PARTS) {
        const at = winnerStamps[answerFieldKey(part, id)];
        if (at !== undefined) stamps[answerFieldKey(part, id)] = at;
      }
    }
  }

  return {
    ...(merged as Pick<Evaluation, 'id' | 'kind' | 'status' | 'author' | 'score' | 'passed' | 'acknowledgeBy' | 'history' | 'submittedAt' | 'ticket' | 'scorecardId' | 'scorecardVersion' | 'strengths' | 'improvements'>),
    answers,
    reviewSeconds: Math.max(stored.reviewSeconds, incoming.reviewSeconds),
    createdAt: Math.min(stored.createdAt, incoming.createdAt),
    updatedAt: Math.max(stored.updatedAt, incoming.updatedAt),
    ...(stored.fieldEditedAt || incoming.fieldEditedAt ? { fieldEditedAt: stamps } : {}),
  };
}

/** Whether two versions of a draft show the same thing (edit times and bookkeeping aside). */
export function sameDraftContent(a: Evaluation, b: Evaluation): boolean {
  const shown = ({ fieldEditedAt: _f, updatedAt: _u, reviewSeconds: _r, ...rest }: Evaluation) => rest;
  return canonical(shown(a)) === canonical(shown(b));
}

/** The record as submitted, synced and exported: edit times are a draft's own business. */
export function withoutEditTimes(evaluation: Evaluation): Evaluation {
  const { fieldEditedAt: _, ...rest } = evaluation;
  return rest;
}

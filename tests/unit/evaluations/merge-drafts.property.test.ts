import fc from 'fast-check';
import { mergeDrafts, stampEdits, withoutEditTimes } from '@/lib/evaluations/merge-drafts';
import { canonical } from '@/lib/sync/canonical-json';
import { takeInStored } from '@/lib/evaluations/follow-stored-draft';
import { BLANK_ANSWER, type Answer, type Evaluation } from '@/lib/schemas';

const CRITERIA = ['greeting', 'empathy', 'resolution'] as const;

/** A draft as the panel stores it before either tab edits it (a draft of older code: no edit times). */
const BASE: Evaluation = {
  id: '0190f1c2-0000-7000-8000-000000000001',
  kind: 'review',
  status: 'draft',
  ticket: { key: 'zendesk:1001', helpdesk: 'zendesk', ticketId: '1001', url: 'https://acme.zendesk.com/agent/tickets/1001', channel: 'email', subject: 'Refund', agent: { name: 'Alex Moreno' } },
  scorecardId: 'card-chat',
  scorecardVersion: 1,
  answers: { greeting: { ...BLANK_ANSWER, optionId: 'yes', comment: 'Used the name.' } },
  strengths: '',
  improvements: '',
  author: { name: 'Rae Reviewer', role: 'supervisor' },
  score: null,
  passed: null,
  reviewSeconds: 10,
  acknowledgeBy: null,
  history: [],
  createdAt: 1,
  updatedAt: 2,
  submittedAt: null,
};

/** One edit a reviewer makes in one tab, as the form makes it: a new value for one field. */
type Edit =
  | { field: 'answer' | 'comment' | 'evidence' | 'rootCauses'; criterion: (typeof CRITERIA)[number]; value: number }
  | { field: 'strengths' | 'improvements'; value: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ field: fc.constantFrom('answer' as const, 'comment' as const, 'evidence' as const, 'rootCauses' as const), criterion: fc.constantFrom(...CRITERIA), value: fc.nat(3) }),
  fc.record({ field: fc.constantFrom('strengths' as const, 'improvements' as const), value: fc.nat(3) }),
);

const keyOf = (e: Edit) => ('criterion' in e ? `${e.field}:${e.criterion}` : e.field);

/** What the field shows after the edit: small value spaces, so the two tabs often write the same field. */
function apply(draft: Evaluation, e: Edit): Evaluation {
  if (!('criterion' in e)) return { ...draft, [e.field]: `text ${e.value}` };
  const answer: Answer = draft.answers[e.criterion] ?? BLANK_ANSWER;
  const changed: Answer =
    e.field === 'answer'
      ? e.value === 3
        ? { ...answer, optionId: undefined, na: true }
        : { ...answer, optionId: ['yes', 'partly', 'no'][e.value], na: false }
      : e.field === 'comment'
        ? { ...answer, comment: e.value === 0 ? '' : `note ${e.value}` }
        : e.field === 'evidence'
          ? { ...answer, evidence: Array.from({ length: e.value }, (_, i) => ({ messageId: String(i), quote: `quote ${i}`, author: 'Dana', role: 'customer' as const })) }
          : { ...answer, rootCauses: e.value === 0 ? [] : [`cause-${e.value}`] };
  return { ...draft, answers: { ...draft.answers, [e.criterion]: changed } };
}

/** The value of the field an edit touches, as the reviewer would see it. */
function shown(draft: Evaluation, key: string): string {
  const [field, criterion] = key.split(':') as [string, string | undefined];
  if (!criterion) return canonical(draft[field as 'strengths']);
  const a = draft.answers[criterion] ?? BLANK_ANSWER;
  const part = field === 'answer' ? { optionId: a.optionId, na: a.na } : { [field]: a[field as 'comment'] };
  return canonical(part);
}

/** A tab's edits, each at its own time: the two tabs' times never collide (one browser's clock, one edit per millisecond at most). */
function tabEdits(times: number[], edits: Edit[]) {
  const inOrder = [...times].sort((x, y) => x - y);
  return edits.map((e, i) => ({ e, at: inOrder[i]! }));
}

function runTab(start: Evaluation, edits: { e: Edit; at: number }[]): Evaluation {
  return replay(start, edits).draft;
}

/** The tab's draft after its edits, and the edits that changed what the field shows (setting a field to what it holds is no edit). */
function replay(start: Evaluation, edits: { e: Edit; at: number }[]) {
  let draft = start;
  const effective: { key: string; at: number }[] = [];
  for (const { e, at } of edits) {
    const next = { ...stampEdits(draft, apply(draft, e), at), updatedAt: at };
    if (shown(next, keyOf(e)) !== shown(draft, keyOf(e))) effective.push({ key: keyOf(e), at });
    draft = next;
  }
  return { draft, effective };
}

/** Two tabs that loaded the same stored draft, each editing it, with all edit times distinct. */
const twoTabs = fc
  .tuple(fc.array(edit, { maxLength: 12 }), fc.array(edit, { maxLength: 12 }))
  .chain(([a, b]) =>
    fc.uniqueArray(fc.integer({ min: 10, max: 10_000 }), { minLength: a.length + b.length, maxLength: a.length + b.length }).map((times) => ({
      a: tabEdits(times.slice(0, a.length), a),
      b: tabEdits(times.slice(a.length), b),
    })),
  );

describe('merging two tabs’ versions of a draft', () => {
  it('keeps, for every field, the value of its latest edit in either tab, whichever tab saves first', () => {
    fc.assert(
      fc.property(twoTabs, ({ a, b }) => {
        const { draft: tabA, effective: editsA } = replay(BASE, a);
        const { draft: tabB, effective: editsB } = replay(BASE, b);
        const timeline = [...editsA.map((x) => ({ ...x, tab: tabA })), ...editsB.map((x) => ({ ...x, tab: tabB }))].sort((x, y) => x.at - y.at);
        const latest = new Map<string, Evaluation>();
        for (const { key, tab } of timeline) latest.set(key, tab);
        for (const stored of [mergeDrafts(mergeDrafts(BASE, tabA), tabB), mergeDrafts(mergeDrafts(BASE, tabB), tabA)]) {
          for (const [key, winner] of latest) expect(shown(stored, key), key).toBe(shown(winner, key));
          // A field neither tab touched keeps the stored value.
          for (const criterion of CRITERIA) {
            for (const field of ['answer', 'comment', 'evidence', 'rootCauses']) {
              const key = `${field}:${criterion}`;
              if (!latest.has(key)) expect(shown(stored, key), key).toBe(shown(BASE, key));
            }
          }
          expect(stored.reviewSeconds).toBe(BASE.reviewSeconds);
          expect(stored.id).toBe(BASE.id);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('commutes when the edit times differ', () => {
    fc.assert(
      fc.property(twoTabs, ({ a, b }) => {
        const tabA = runTab(BASE, a);
        const tabB = runTab(BASE, b);
        expect(canonical(mergeDrafts(tabA, tabB))).toBe(canonical(mergeDrafts(tabB, tabA)));
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: merging a version with itself, or merging the same version twice, changes nothing', () => {
    fc.assert(
      fc.property(twoTabs, ({ a, b }) => {
        const tabA = runTab(BASE, a);
        const tabB = runTab(BASE, b);
        expect(canonical(mergeDrafts(tabA, tabA))).toBe(canonical(tabA));
        const once = mergeDrafts(tabA, tabB);
        expect(canonical(mergeDrafts(once, tabB))).toBe(canonical(once));
      }),
      { numRuns: 300 },
    );
  });

  it('lets a tab take in the stored draft without losing its own unsaved newer edits', () => {
    fc.assert(
      fc.property(twoTabs, ({ a, b }) => {
        // Tab A saved; tab B, with unsaved edits, takes in what A stored.
        const stored = mergeDrafts(BASE, runTab(BASE, a));
        const tabB = runTab(BASE, b);
        const taken = takeInStored(tabB, stored)!;
        const editsA = replay(BASE, a).effective;
        for (const { key } of replay(BASE, b).effective) {
          const lastB = Math.max(...replay(BASE, b).effective.filter((y) => y.key === key).map((y) => y.at));
          if (!editsA.some((x) => x.key === key && x.at > lastB)) expect(shown(taken, key), key).toBe(shown(tabB, key));
        }
        // And saving B afterwards stores the same thing as merging B straight into the store.
        expect(canonical(mergeDrafts(stored, taken))).toBe(canonical(mergeDrafts(stored, tabB)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('merging drafts, case by case', () => {
  const at = (draft: Evaluation, e: Edit, time: number) => ({ ...stampEdits(draft, apply(draft, e), time), updatedAt: time });

  it('keeps tab A’s answer to one criterion and tab B’s to another (the lost-answer bug)', () => {
    const a = at(BASE, { field: 'answer', criterion: 'empathy', value: 2 }, 100);
    const b = at(BASE, { field: 'answer', criterion: 'resolution', value: 0 }, 200);
    const stored = mergeDrafts(mergeDrafts(BASE, a), b);
    expect(stored.answers['empathy']?.optionId).toBe('no');
    expect(stored.answers['resolution']?.optionId).toBe('yes');
    expect(stored.answers['greeting']).toEqual(BASE.answers['greeting']);
  });

  it('lets the later of two edits of the same text win, and a later removal win over an older value', () => {
    const a = at(BASE, { field: 'strengths', value: 1 }, 300);
    const b = at(BASE, { field: 'strengths', value: 2 }, 200);
    expect(mergeDrafts(b, a).strengths).toBe('text 1');
    expect(mergeDrafts(a, b).strengths).toBe('text 1');
    const cleared = at(BASE, { field: 'comment', criterion: 'greeting', value: 0 }, 400);
    expect(mergeDrafts(a, cleared).answers['greeting']?.comment).toBe('');
  });

  it('lets a reviewer’s choice in one tab win over an automatic proposal arriving later in the other', () => {
    const chosen = at(BASE, { field: 'answer', criterion: 'empathy', value: 2 }, 100);
    const proposal: Answer = { ...BLANK_ANSWER, optionId: 'yes', auto: { check: 'greeting', outcome: 'pass', confidence: 0.9, reason: '', confirmed: false, changed: false } };
    const proposed = stampEdits(BASE, { ...BASE, answers: { ...BASE.answers, empathy: proposal } }, 500);
    expect(proposed.fieldEditedAt?.['answer:empathy']).toBeUndefined();
    expect(mergeDrafts(chosen, proposed).answers['empathy']?.optionId).toBe('no');
    expect(mergeDrafts(proposed, chosen).answers['empathy']?.optionId).toBe('no');
    // With no choice elsewhere, the proposal is kept, not dropped as blank.
    expect(mergeDrafts(BASE, proposed).answers['empathy']?.auto?.check).toBe('greeting');
    expect(mergeDrafts(proposed, BASE).answers['empathy']?.auto?.check).toBe('greeting');
  });

  it('keeps the answers of the later scorecard pick only: answers belong to their scorecard', () => {
    const answered = at(BASE, { field: 'answer', criterion: 'empathy', value: 0 }, 100);
    const repicked = stampEdits(BASE, { ...BASE, scorecardId: 'card-phone', answers: {} }, 200);
    for (const merged of [mergeDrafts(answered, repicked), mergeDrafts(repicked, answered)]) {
      expect(merged.scorecardId).toBe('card-phone');
      expect(merged.answers).toEqual({});
    }
  });

  it('takes the longest review time, the first creation and the last save', () => {
    const a = { ...BASE, reviewSeconds: 40, createdAt: 5, updatedAt: 50 };
    const b = { ...BASE, reviewSeconds: 25, createdAt: 3, updatedAt: 60 };
    expect(mergeDrafts(a, b)).toMatchObject({ reviewSeconds: 40, createdAt: 3, updatedAt: 60 });
  });

  it('keeps the stored draft’s id, so the tab that saved second adopts the first one’s', () => {
    const other = { ...at(BASE, { field: 'strengths', value: 1 }, 100), id: '0190f1c2-0000-7000-8000-000000000002' };
    expect(mergeDrafts(BASE, other).id).toBe(BASE.id);
    expect(takeInStored(other, BASE)?.id).toBe(BASE.id);
  });

  it('returns the tab’s own draft when the stored one is its own echo, so nothing re-renders', () => {
    const mine = at(BASE, { field: 'strengths', value: 1 }, 100);
    expect(takeInStored(mine, { ...mine, updatedAt: 120 })).toBe(mine);
  });

  it('strips edit times from what is submitted', () => {
    const edited = at(BASE, { field: 'strengths', value: 1 }, 100);
    expect(edited.fieldEditedAt).toEqual({ strengths: 100 });
    expect('fieldEditedAt' in withoutEditTimes(edited)).toBe(false);
  });
});

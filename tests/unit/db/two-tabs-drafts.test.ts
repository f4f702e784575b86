import { BLANK_ANSWER, EvaluationSchema, type Answer, type Evaluation, type Scorecard } from '@/lib/schemas';
import { findDraft, QaLensDatabase, saveDraft, saveScorecard, submitEvaluation } from '@/lib/db';
import { newDraft } from '@/lib/evaluations/new-draft';
import { stampEdits } from '@/lib/evaluations/merge-drafts';
import { scaleOptions } from '@/lib/scoring';
import { chatTemplate, ticket } from './factories';

const reviewer = { name: 'Rae Reviewer', role: 'supervisor' as const, identities: [] };

/** Two tabs of one browser: two connections to the same database, as two panel pages open it. */
function twoTabs() {
  const name = `test-${crypto.randomUUID()}`;
  return { a: new QaLensDatabase(name), b: new QaLensDatabase(name) };
}

const criteria = (card: Scorecard) => card.sections.flatMap((s) => s.criteria);
const best = (card: Scorecard, index: number): Answer => {
  const criterion = criteria(card)[index]!;
  return { ...BLANK_ANSWER, optionId: scaleOptions(criterion.scale).reduce((x, y) => (y.value > x.value ? y : x)).id };
};

/** What the panel does on a change: the new draft with the edited fields stamped. */
function edit(draft: Evaluation, change: (d: Evaluation) => Evaluation, at: number): Evaluation {
  return { ...stampEdits(draft, change(draft), at), updatedAt: at };
}
const answer = (card: Scorecard, index: number) => (d: Evaluation) => ({ ...d, answers: { ...d.answers, [criteria(card)[index]!.id]: best(card, index) } });

describe('two tabs saving the same draft', () => {
  it('keeps tab A’s answer when tab B, which loaded the draft before, saves its own', async () => {
    const { a, b } = twoTabs();
    const card = await saveScorecard(a, { content: chatTemplate }, 1);
    const loaded = await saveDraft(a, newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), 3);
    const tabB = loaded; // B opened the ticket and holds the draft as stored then.
    await saveDraft(a, edit(loaded, answer(card, 0), 10), 11);
    await saveDraft(b, edit(tabB, answer(card, 1), 20), 21);

    const stored = (await findDraft(a, ticket.helpdesk + ':' + ticket.ticketId, reviewer.name))!;
    expect(Object.keys(stored.answers).sort()).toEqual([criteria(card)[0]!.id, criteria(card)[1]!.id].sort());
    expect(stored.id).toBe(loaded.id);
  });

  it('loses nothing when the two tabs’ autosaves interleave, every save of each tab in flight at once', async () => {
    const { a, b } = twoTabs();
    const card = await saveScorecard(a, { content: chatTemplate }, 1);
    const start = await saveDraft(a, newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), 3);
    const count = criteria(card).length;
    // Tab A answers the even criteria and types its strengths; tab B the odd ones and its improvements; edits alternate in time.
    let tabA = start;
    let tabB = start;
    const saves: Promise<Evaluation>[] = [];
    for (let i = 0; i < count; i++) {
      const at = 100 + i;
      if (i % 2 === 0) {
        tabA = edit(edit(tabA, answer(card, i), at), (d) => ({ ...d, strengths: `Strength after ${i}` }), at);
        saves.push(saveDraft(a, tabA, at));
      } else {
        tabB = edit(edit(tabB, answer(card, i), at), (d) => ({ ...d, improvements: `Improvement after ${i}` }), at);
        saves.push(saveDraft(b, tabB, at));
      }
    }
    await Promise.all(saves);

    const stored = (await a.evaluations.get(start.id))!;
    expect(Object.keys(stored.answers).length).toBe(count);
    for (let i = 0; i < count; i++) expect(stored.answers[criteria(card)[i]!.id]?.optionId).toBe(best(card, i).optionId);
    const lastEven = count % 2 === 0 ? count - 2 : count - 1;
    const lastOdd = count % 2 === 0 ? count - 1 : count - 2;
    expect(stored.strengths).toBe(`Strength after ${lastEven}`);
    expect(stored.improvements).toBe(`Improvement after ${lastOdd}`);
    expect(await a.evaluations.count()).toBe(1);
  });

  it('lets the later of two tabs typing in the same field win, whichever saves last', async () => {
    const { a, b } = twoTabs();
    const card = await saveScorecard(a, { content: chatTemplate }, 1);
    const start = await saveDraft(a, newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), 3);
    const later = edit(start, (d) => ({ ...d, strengths: 'Typed later, in tab B' }), 200);
    const earlier = edit(start, (d) => ({ ...d, strengths: 'Typed first, in tab A' }), 100);
    await saveDraft(b, later, 201);
    await saveDraft(a, earlier, 202); // A's autosave lands last, but its text is older.
    expect((await a.evaluations.get(start.id))?.strengths).toBe('Typed later, in tab B');
  });

  it('makes one draft of two that tabs began before either saved, under the id of the first saved', async () => {
    const { a, b } = twoTabs();
    const card = await saveScorecard(a, { content: chatTemplate }, 1);
    const blankA = newDraft({ ticket, scorecard: card, author: reviewer, now: 2 });
    const blankB = newDraft({ ticket, scorecard: card, author: reviewer, now: 3 });
    await saveDraft(a, edit(blankA, answer(card, 0), 10), 11);
    const saved = await saveDraft(b, edit(blankB, answer(card, 1), 20), 21);

    expect(saved.id).toBe(blankA.id);
    expect(await a.evaluations.count()).toBe(1);
    expect(Object.keys((await findDraft(b, saved.ticket.key, reviewer.name))!.answers)).toHaveLength(2);
  });

  it('submits what both tabs saved, without edit times, and refuses the other tab’s late autosave', async () => {
    const { a, b } = twoTabs();
    const card = await saveScorecard(a, { content: chatTemplate }, 1);
    const start = await saveDraft(a, newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), 3);
    // Tab A answers everything but the last criterion; tab B answered that one and saved, unseen by A.
    const last = criteria(card).length - 1;
    let tabA = start;
    for (let i = 0; i < last; i++) tabA = edit(tabA, answer(card, i), 10 + i);
    const tabB = edit(start, answer(card, last), 50);
    await saveDraft(b, tabB, 51);
    const withoutLast = { ...tabA };
    await expect(submitEvaluation(a, withoutLast, card, ticket, 60)).resolves.toMatchObject({ status: 'submitted', score: 100 });

    const stored = (await a.evaluations.get(start.id))!;
    expect(Object.keys(stored.answers)).toHaveLength(criteria(card).length);
    expect(stored.fieldEditedAt).toBeUndefined();
    await expect(saveDraft(b, edit(tabB, (d) => ({ ...d, strengths: 'late' }), 70), 71)).rejects.toThrow(/already submitted/);
    expect(await findDraft(a, stored.ticket.key, reviewer.name)).toBeUndefined();
  });

  it('still reads and merges a draft stored before edit times existed', async () => {
    const { a, b } = twoTabs();
    const card = await saveScorecard(a, { content: chatTemplate }, 1);
    const old = { ...newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), answers: { [criteria(card)[0]!.id]: best(card, 0) } };
    expect(EvaluationSchema.safeParse(old).success).toBe(true);
    await a.evaluations.put(old);
    await saveDraft(b, edit(old, answer(card, 1), 10), 11);
    expect(Object.keys((await a.evaluations.get(old.id))!.answers)).toHaveLength(2);
  });
});

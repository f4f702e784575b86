import { BLANK_ANSWER } from '@/lib/schemas';
import {
  EvaluationNotReady,
  findDraft,
  listEvaluations,
  listTicketEvaluations,
  saveDraft,
  saveScorecard,
  submitEvaluation,
} from '@/lib/db';
import { newDraft } from '@/lib/evaluations/new-draft';
import { scaleOptions } from '@/lib/scoring';
import type { Answer, Scorecard } from '@/lib/schemas';
import { chatTemplate, freshDatabase, ticket } from './factories';

const reviewer = { name: 'Rae Reviewer', role: 'supervisor' as const, identities: [] };

/** Every criterion answered with its best outcome. */
function bestAnswers(scorecard: Scorecard): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const criterion of scorecard.sections.flatMap((s) => s.criteria)) {
    const best = scaleOptions(criterion.scale).reduce((a, b) => (b.value > a.value ? b : a));
    answers[criterion.id] = { ...BLANK_ANSWER, optionId: best.id };
  }
  return answers;
}

describe('evaluations', () => {
  it('restores the reviewer’s own draft of a ticket, not someone else’s', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    const mine = await saveDraft(db, newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), 3);
    await saveDraft(db, newDraft({ ticket, scorecard: card, author: { name: 'Other', role: 'supervisor', identities: [] }, now: 2 }), 4);
    expect((await findDraft(db, 'zendesk:1001', reviewer.name))?.id).toBe(mine.id);
    expect(await findDraft(db, 'zendesk:9999', reviewer.name)).toBeUndefined();
  });

  it('submits a complete draft with its score and keeps the ticket snapshot', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    const draft = { ...newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), answers: bestAnswers(card) };
    const submitted = await submitEvaluation(db, draft, card, ticket, 10);
    expect(submitted).toMatchObject({ status: 'submitted', score: 100, passed: true, submittedAt: 10 });
    expect(await db.tickets.get('zendesk:1001')).toMatchObject({ subject: ticket.subject, capturedAt: 10 });
    expect((await listTicketEvaluations(db, 'zendesk:1001')).map((e) => e.id)).toEqual([draft.id]);
    expect((await listEvaluations(db)).length).toBe(1);
    expect(await findDraft(db, 'zendesk:1001', reviewer.name)).toBeUndefined();
  });

  it('refuses an incomplete evaluation, naming what is unanswered, and writes nothing', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    const answers = bestAnswers(card);
    delete answers['greeting'];
    const draft = { ...newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), answers };
    await expect(submitEvaluation(db, draft, card, ticket, 10)).rejects.toThrow(/Answer every criterion or mark it N\/A first: Greeting and personalisation/);
    expect(await listEvaluations(db)).toEqual([]);
    expect(await db.tickets.count()).toBe(0);
  });

  it('refuses to submit twice or to edit a submitted evaluation as a draft', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    const draft = { ...newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), answers: bestAnswers(card) };
    const submitted = await submitEvaluation(db, draft, card, ticket, 10);
    await expect(submitEvaluation(db, draft, card, ticket, 11)).rejects.toBeInstanceOf(EvaluationNotReady);
    await expect(saveDraft(db, submitted, 12)).rejects.toThrow(/already submitted/);
  });

  it('never turns a submitted evaluation back into a draft when a late autosave arrives', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    const draft = { ...newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), answers: bestAnswers(card) };
    await submitEvaluation(db, draft, card, ticket, 10);
    await expect(saveDraft(db, draft, 11)).rejects.toThrow('This evaluation was already submitted and can no longer be edited as a draft.');
    expect((await listTicketEvaluations(db, ticket.helpdesk + ':' + ticket.ticketId)).map((e) => e.status)).toEqual(['submitted']);
  });

  it('refuses a scorecard other than the one the draft is pinned to', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    const draft = { ...newDraft({ ticket, scorecard: card, author: reviewer, now: 2 }), answers: bestAnswers(card) };
    await expect(submitEvaluation(db, draft, { ...card, version: 2 }, ticket, 10)).rejects.toThrow(/scorecard does not match/);
  });
});

import { fireEvent, render, screen, within } from '@testing-library/preact';
import { ReviewsApp } from '../../../components/reviews/ReviewsApp';
import type { ReviewsClient } from '../../../components/reviews/reviews-client';
import { getProfile, saveProfile, type QaLensDatabase } from '../../../lib/db';
import { acknowledge, dispute, listDisputedReviews, listMyReviews, resolve } from '../../../lib/db/feedback';
import { BLANK_ANSWER, type Profile } from '../../../lib/schemas';
import { freshDatabase } from '../db/factories';
import { AGENT, DEADLINE, makeReview, SCORECARD, SUBMITTED_AT } from '../feedback/review-factories';

/** The page's client exactly as the entrypoint builds it, over a database of its own and a set clock. */
function dexieClient(db: QaLensDatabase, now: () => number): ReviewsClient {
  return {
    getProfile: () => getProfile(db),
    listMyReviews: async () => listMyReviews(db, await getProfile(db)),
    listDisputedReviews: () => listDisputedReviews(db),
    acknowledge: async (id, comment) => acknowledge(db, id, await getProfile(db), now(), comment),
    dispute: async (id, criteria) => dispute(db, id, await getProfile(db), now(), criteria),
    resolve: async (id, decisions) => resolve(db, id, decisions, await getProfile(db), now()),
    now,
  };
}

async function pageFor(profile: Profile, now: number) {
  const db = freshDatabase();
  await saveProfile(db, profile);
  await db.scorecards.put(SCORECARD);
  const hostile = '<img src=x onerror="window.__pwned=1">Please call me';
  const review = makeReview();
  review.answers.greeting = { ...BLANK_ANSWER, optionId: 'no', comment: hostile, evidence: [{ messageId: 'm1', quote: hostile, author: 'Ana Agent', role: 'agent' }] };
  await db.evaluations.put(review);
  render(<ReviewsApp client={dexieClient(db, () => now)} />);
  return db;
}

describe('My reviews', () => {
  it('refuses an acknowledgement after the deadline, says why, and leaves the review as it was', async () => {
    const db = await pageFor(AGENT, DEADLINE + 1);
    const card = await screen.findByRole('article', { name: /Refund not received/ });
    within(card).getByText(/The deadline to answer passed on/);
    fireEvent.click(within(card).getByRole('button', { name: 'Acknowledge' }));
    await within(card).findByText('The deadline to answer this review passed on 2026-11-30; talk to your reviewer about it.');
    expect((await db.evaluations.get('ev-1'))?.status).toBe('submitted');
    expect(within(card).getByTestId('review-status').textContent).toBe('Submitted');
  });

  it('shows comments and evidence as text, never as markup', async () => {
    await pageFor(AGENT, SUBMITTED_AT);
    const card = await screen.findByRole('article', { name: /Refund not received/ });
    expect(within(card).getAllByText('<img src=x onerror="window.__pwned=1">Please call me')).toHaveLength(2);
    expect(card.querySelector('img')).toBeNull();
  });

  it('keeps the dispute form’s reason when sending fails, so nothing typed is lost', async () => {
    await pageFor(AGENT, DEADLINE + 1);
    const card = await screen.findByRole('article', { name: /Refund not received/ });
    fireEvent.click(within(card).getByRole('button', { name: 'Dispute' }));
    fireEvent.input(within(card).getByRole('textbox', { name: 'Reason' }), { target: { value: 'I used the name.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Send dispute' }));
    await within(card).findByRole('alert');
    expect((within(card).getByRole('textbox', { name: 'Reason' }) as HTMLTextAreaElement).value).toBe('I used the name.');
  });

  it('shows a supervisor the disputes to resolve, and nothing to acknowledge about others', async () => {
    const db = freshDatabase();
    await db.scorecards.put(SCORECARD);
    await db.evaluations.put(makeReview());
    await dispute(db, 'ev-1', AGENT, SUBMITTED_AT + 1, [{ criterionId: 'greeting', reason: 'I used the name.' }]);
    await saveProfile(db, { name: 'Rita Reviewer', role: 'supervisor', identities: [] });
    render(<ReviewsApp client={dexieClient(db, () => SUBMITTED_AT + 2)} />);
    await screen.findByText('No reviews about you yet.');
    const card = await screen.findByRole('article', { name: /Refund not received/ });
    within(card).getByText('I used the name.');
    within(card).getByRole('combobox', { name: 'Decision on Greeting' });
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });
});

import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Profile } from '../../lib/schemas';
import { formatDateTime } from '../dashboard/format';
import { DisputeForm } from './DisputeForm';
import { ResolveForm } from './ResolveForm';
import { criterionOrder } from './review-text';
import { ReviewSummary } from './ReviewSummary';
import type { ReviewsClient, ReviewWithAnswers } from './reviews-client';
import { PageNav } from '../shared/PageNav';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** My reviews for everyone; the disputes to resolve for supervisors and admins. */
export function ReviewsApp({ client }: { client: ReviewsClient }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [mine, setMine] = useState<ReviewWithAnswers[] | null>(null);
  const [disputed, setDisputed] = useState<ReviewWithAnswers[]>([]);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      const me = await client.getProfile();
      setProfile(me);
      setMine(await client.listMyReviews());
      setDisputed(me.role === 'agent' ? [] : await client.listDisputedReviews());
    } catch (e) {
      setError(`Could not load the reviews: ${messageOf(e)}`);
    }
  }, [client]);
  useEffect(() => void load(), [load]);
  // Reviews, answers and resolutions that arrive from the team show without a reload.
  useEffect(() => client.onDataChanged?.(() => void load()), [client, load]);
  // A reminder's notification opens this page at its review (#review-<id>), which exists only once loaded.
  useEffect(() => {
    if (mine && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [mine]);

  return (
    <>
      <PageNav current="reviews" />
      <main class="reviews-page">
        <h1>My reviews</h1>
        {error && <p role="alert" class="error">{error}</p>}
        {profile && !profile.name && (
          <p class="muted">
            Set your name (and the names you appear under in your helpdesk) in <a href="options.html">Settings</a> to see the reviews about you.
          </p>
        )}
        {mine === null ? (
          <p class="muted">Loading…</p>
        ) : mine.length === 0 ? (
          <p class="muted">No reviews about you yet.</p>
        ) : (
          mine.map((review) => <MyReview key={review.evaluation.id} review={review} client={client} onChanged={load} />)
        )}
        {profile && profile.role !== 'agent' && (
          <section aria-labelledby="disputes-heading">
            <h2 id="disputes-heading">Disputes to resolve</h2>
            {disputed.length === 0 ? (
              <p class="muted">No open disputes.</p>
            ) : (
              disputed.map((review) => <DisputedReview key={review.evaluation.id} review={review} client={client} onChanged={load} />)
            )}
          </section>
        )}
      </main>
    </>
  );
}

interface CardProps {
  review: ReviewWithAnswers;
  client: ReviewsClient;
  onChanged: () => Promise<void>;
}

function ReviewCard({ review, children }: { review: ReviewWithAnswers; children?: ComponentChildren }) {
  const { evaluation } = review;
  const headingId = `review-${evaluation.id}-title`;
  return (
    <article class="review-card" id={`review-${evaluation.id}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        Ticket #{evaluation.ticket.ticketId}: {evaluation.ticket.subject || 'No subject'}
      </h3>
      <ReviewSummary review={review} />
      {children}
    </article>
  );
}

function useAction(onChanged: () => Promise<void>) {
  const [error, setError] = useState('');
  const run = async (action: () => Promise<unknown>) => {
    setError('');
    try {
      await action();
      await onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return { error, run };
}

function MyReview({ review, client, onChanged }: CardProps) {
  const { evaluation } = review;
  const [comment, setComment] = useState('');
  const [disputing, setDisputing] = useState(false);
  const { error, run } = useAction(onChanged);
  const open = evaluation.status === 'submitted';
  const overdue = open && evaluation.acknowledgeBy !== null && client.now() > evaluation.acknowledgeBy;

  return (
    <ReviewCard review={review}>
      {overdue && <p class="bad">The deadline to answer passed on {formatDateTime(evaluation.acknowledgeBy!)}.</p>}
      {open && (
        <div class="review-actions">
          <label>
            Comment for your reviewer (optional)
            <textarea maxLength={10_000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <div class="actions">
            <button type="button" class="primary" onClick={() => run(() => client.acknowledge(evaluation.id, comment))}>
              Acknowledge
            </button>
            <button type="button" aria-expanded={disputing} onClick={() => setDisputing((d) => !d)}>
              Dispute
            </button>
          </div>
          {disputing && (
            <DisputeForm
              scorecard={review.scorecard}
              criterionIds={criterionOrder(review.evaluation, review.scorecard)}
              onSend={(criteria) => run(() => client.dispute(evaluation.id, criteria))}
              onCancel={() => setDisputing(false)}
            />
          )}
        </div>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </ReviewCard>
  );
}

function DisputedReview({ review, client, onChanged }: CardProps) {
  const open = review.disputes.find((d) => d.status === 'open');
  const { error, run } = useAction(onChanged);
  return (
    <ReviewCard review={review}>
      {open && <ResolveForm dispute={open} scorecard={review.scorecard} onResolve={(decisions) => run(() => client.resolve(open.id, decisions))} />}
      <p>
        <a href={`coaching.html?evaluation=${encodeURIComponent(review.evaluation.id)}`}>Start a coaching plan from this review</a>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </ReviewCard>
  );
}

import { render } from 'preact';
import '../../components/shared/base.css';
import '../../components/reviews/reviews.css';
import { ReviewsApp } from '../../components/reviews/ReviewsApp';
import type { ReviewsClient } from '../../components/reviews/reviews-client';
import { getProfile, openDatabase } from '../../lib/db';
import { acknowledge, dispute, listDisputedReviews, listMyReviews, resolve } from '../../lib/db/feedback';
import { afterWrite } from '../../lib/pages/after-write';
import { onDataChanged } from '../../lib/pages/data-changes';

const db = openDatabase();

const client: ReviewsClient = {
  getProfile: () => getProfile(db),
  listMyReviews: async () => listMyReviews(db, await getProfile(db)),
  listDisputedReviews: () => listDisputedReviews(db),
  acknowledge: async (id, comment) => afterWrite(acknowledge(db, id, await getProfile(db), Date.now(), comment)),
  dispute: async (id, criteria) => afterWrite(dispute(db, id, await getProfile(db), Date.now(), criteria)),
  resolve: async (id, decisions) => afterWrite(resolve(db, id, decisions, await getProfile(db), Date.now())),
  now: () => Date.now(),
  onDataChanged,
};

const root = document.getElementById('app');
if (root) render(<ReviewsApp client={client} />, root);

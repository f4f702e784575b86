import { render } from 'preact';
import '../../components/shared/base.css';
import '../../components/reviews/reviews.css';
import { CoachingApp } from '../../components/coaching/CoachingApp';
import type { CoachingClient } from '../../components/coaching/coaching-client';
import { getEvaluation, getProfile, openDatabase } from '../../lib/db';
import { createCoachingPlan, listCoachingPlans, listReviewedAgents, recordFollowUp, suggestCriteria } from '../../lib/db/coaching';
import { afterWrite } from '../../lib/pages/after-write';
import { onDataChanged } from '../../lib/pages/data-changes';

const db = openDatabase();
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const author = async () => {
  const { name, role } = await getProfile(db);
  return { name, role };
};

const client: CoachingClient = {
  getProfile: () => getProfile(db),
  listPlans: () => listCoachingPlans(db),
  listAgents: () => listReviewedAgents(db),
  weakestCriteria: (agent) => suggestCriteria(db, agent, Date.now()),
  getEvaluation: (id) => getEvaluation(db, id),
  createPlan: async (draft) => afterWrite(createCoachingPlan(db, draft, { createdBy: await author(), now: Date.now(), timeZone })),
  recordFollowUp: async (id, note) => afterWrite(recordFollowUp(db, id, await author(), Date.now(), note)),
  now: () => Date.now(),
  timeZone,
  onDataChanged,
};

const root = document.getElementById('app');
if (root) render(<CoachingApp client={client} sourceEvaluationId={new URLSearchParams(location.search).get('evaluation')} />, root);

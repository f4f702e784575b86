import { fireEvent, render, screen, within } from '@testing-library/preact';
import { CoachingApp } from '../../../components/coaching/CoachingApp';
import type { CoachingClient } from '../../../components/coaching/coaching-client';
import { getEvaluation, getProfile, saveProfile, type QaLensDatabase } from '../../../lib/db';
import { createCoachingPlan, listCoachingPlans, listReviewedAgents, recordFollowUp, suggestCriteria } from '../../../lib/db/coaching';
import type { Profile } from '../../../lib/schemas';
import { freshDatabase } from '../db/factories';
import { SCORECARD } from '../feedback/review-factories';
import { HISTORY, T } from './coaching-factories';

const TZ = 'Europe/London';

/** The page's client as the entrypoint builds it, over a database of its own and a set clock. */
function dexieClient(db: QaLensDatabase, now: number): CoachingClient {
  const author = async () => {
    const { name, role } = await getProfile(db);
    return { name, role };
  };
  return {
    getProfile: () => getProfile(db),
    listPlans: () => listCoachingPlans(db),
    listAgents: () => listReviewedAgents(db),
    weakestCriteria: (agent) => suggestCriteria(db, agent, now),
    getEvaluation: (id) => getEvaluation(db, id),
    createPlan: async (draft) => createCoachingPlan(db, draft, { createdBy: await author(), now, timeZone: TZ }),
    recordFollowUp: async (id, note) => recordFollowUp(db, id, await author(), now, note),
    now: () => now,
    timeZone: TZ,
  };
}

async function seed(profile: Profile) {
  const db = freshDatabase();
  await db.scorecards.put(SCORECARD);
  await db.evaluations.bulkPut(HISTORY);
  await saveProfile(db, profile);
  return db;
}

async function open(profile: Profile, sourceEvaluationId: string | null = null) {
  const db = await seed(profile);
  render(<CoachingApp client={dexieClient(db, T)} sourceEvaluationId={sourceEvaluationId} />);
  return db;
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });

describe('the coaching page', () => {
  it('suggests the agent’s weakest criterion, refuses a target below the baseline, then lists the open plan', async () => {
    await open({ name: 'Rita Reviewer', role: 'supervisor', identities: [] });
    fireEvent.click(await screen.findByRole('button', { name: 'New coaching plan' }));
    type('Agent', 'Ana Agent');
    const greeting = await screen.findByRole('option', { name: 'Greeting (33.33% over 3 reviews)' });
    expect(within(screen.getByRole('group', { name: 'Criteria, weakest first (last 90 days)' })).getAllByRole('option')[0]).toBe(greeting);
    fireEvent.change(field('Measure'), { target: { value: (greeting as HTMLOptionElement).value } });
    type('Target', '20');
    type('Agreed actions (one per line)', 'Use the customer’s name in the first line');
    type('Due date', '2026-12-04');
    type('Follow-up date', '2026-12-07');
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }));
    await screen.findByText('Target cannot be worse than the baseline of 33.33.');
    // What was typed stays, so the supervisor only fixes the target.
    expect(field('Due date').value).toBe('2026-12-04');

    type('Target', '80');
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }));
    const plan = await screen.findByRole('article', { name: 'Ana Agent: Greeting' });
    expect(within(plan).getByTestId('plan-status').textContent).toBe('open');
    within(plan).getByText('33.33% (3 measurements)');
    within(plan).getByText('80%');
  });

  it('starts a plan from a review with its agent filled in', async () => {
    await open({ name: 'Rita Reviewer', role: 'supervisor', identities: [] }, 'ev-a2');
    expect((await screen.findByLabelText('Agent') as HTMLInputElement).value).toBe('Ana Agent');
  });

  it('shows an agent only their own plans, with nothing to create or follow up', async () => {
    const db = await seed({ name: 'Ana Agent', role: 'agent', identities: [] });
    const draft = { metric: { kind: 'qa-score' as const }, target: '90', goal: '', actions: 'Practise', dueDate: '2026-12-04', followUpDate: '2026-12-07' };
    const at = { createdBy: { name: 'Rita Reviewer', role: 'supervisor' as const }, now: T, timeZone: TZ };
    await createCoachingPlan(db, { ...draft, agent: { name: 'Ana Agent' } }, at);
    await createCoachingPlan(db, { ...draft, agent: { name: 'Bob Agent' }, target: '50' }, at);
    render(<CoachingApp client={dexieClient(db, T)} sourceEvaluationId={null} />);
    await screen.findByRole('article', { name: 'Ana Agent: QA score' });
    expect(screen.queryByRole('article', { name: 'Bob Agent: QA score' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New coaching plan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record follow-up' })).toBeNull();
  });
});

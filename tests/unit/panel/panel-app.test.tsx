import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { PanelClient } from '@/components/panel/panel-client';
import { PanelApp } from '@/components/panel/PanelApp';
import {
  findDraft,
  getPanelTicketKpis,
  getProfile,
  getScorecard,
  getTeamSettings,
  getTicketSnapshot,
  listScorecards,
  listTicketEvaluations,
  saveDraft,
  savePanelTicketKpis,
  saveProfile,
  saveTicketSnapshot,
  seedScorecards,
  submitEvaluation,
  type QaLensDatabase,
} from '@/lib/db';
import { newDraft } from '@/lib/evaluations/new-draft';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';
import { BLANK_ANSWER, type Answer, type Profile, type Scorecard, type TicketContext } from '@/lib/schemas';
import { scaleOptions } from '@/lib/scoring';
import { freshDatabase, ticket } from '../db/factories';

const START = 1_700_000_000_000;

// Each step waits on IndexedDB (in memory); on a busy machine that can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

/** The panel's client over a throwaway database, on a clock the test moves by hand. */
function dexieClient(db: QaLensDatabase, clock: { now: number }): PanelClient {
  const now = () => clock.now;
  return {
    hello: async () => ({ tabId: 1, ticket }),
    onTicketChanged: () => () => {},
    getProfile: () => getProfile(db),
    getTeamSettings: () => getTeamSettings(db),
    listScorecards: () => listScorecards(db),
    getScorecard: (id, version) => getScorecard(db, id, version),
    findDraft: (key, author) => findDraft(db, key, author),
    saveDraft: (draft) => saveDraft(db, draft, now()),
    submit: (draft, scorecard, read) => submitEvaluation(db, draft, scorecard, read, now()),
    listTicketEvaluations: (key) => listTicketEvaluations(db, key),
    getTicketSnapshot: (key) => getTicketSnapshot(db, key),
    keepTicketSnapshot: (read) => saveTicketSnapshot(db, read, now()),
    getTicketKpis: async (key) => (await getPanelTicketKpis(db, key))?.kpis,
    saveTicketKpis: async (input) => void (await savePanelTicketKpis(db, input, now())),
    close: () => {},
    openDashboard: () => {},
    openOptions: () => {},
    now,
  };
}

async function openPanel(profile: Profile, before: (db: QaLensDatabase) => Promise<void> = async () => {}) {
  const db = freshDatabase();
  await seedScorecards(db, SCORECARD_TEMPLATES, START);
  await saveProfile(db, profile);
  await before(db);
  const clock = { now: START };
  render(<PanelApp client={dexieClient(db, clock)} />);
  await screen.findByRole('button', { name: /^Submit/ });
  return { db, clock };
}

/** Every criterion of a scorecard answered with its first outcome, as a stored review would have it. */
function firstOutcomes(card: Scorecard): Record<string, Answer> {
  const criteria = card.sections.flatMap((s) => s.criteria);
  return Object.fromEntries(criteria.map((c) => [c.id, { ...BLANK_ANSWER, optionId: scaleOptions(c.scale)[0]!.id }]));
}

/** Answers every criterion in the panel with its first outcome. */
function answerAll() {
  for (const group of screen.getAllByRole('radiogroup')) fireEvent.click(within(group).getAllByRole('radio')[0]!);
}

describe('the panel following its tab’s ticket', () => {
  /** A worker whose answer to hello is late: updates for this tab and another arrive before it. */
  function lateHelloClient(db: QaLensDatabase) {
    let emit: (update: { tabId: number; ticket: TicketContext | null }) => void = () => {};
    let answer: (value: { tabId: number; ticket: TicketContext | null }) => void = () => {};
    const client: PanelClient = {
      ...dexieClient(db, { now: START }),
      hello: () => new Promise((resolve) => (answer = resolve)),
      onTicketChanged: (listener) => {
        emit = listener;
        return () => (emit = () => {});
      },
    };
    return { client, emit: (update: { tabId: number; ticket: TicketContext | null }) => emit(update), answer: (value: { tabId: number; ticket: TicketContext | null }) => answer(value) };
  }

  it('keeps the whole ticket that was reported while it was still asking which tab it is in', async () => {
    const db = freshDatabase();
    await seedScorecards(db, SCORECARD_TEMPLATES, START);
    await saveProfile(db, { name: 'Rae Reviewer', role: 'supervisor', identities: [] });
    const worker = lateHelloClient(db);
    render(<PanelApp client={worker.client} />);
    const idOnly: TicketContext = { ...ticket, agent: null, messages: [], complete: false };
    // The worker read the id-only report for hello, then stored and announced the whole ticket,
    // and another tab's ticket after it; its answer to hello arrives last.
    worker.emit({ tabId: 1, ticket });
    worker.emit({ tabId: 2, ticket: { ...ticket, ticketId: '2002', agent: { name: 'Sam Okafor' } } });
    worker.answer({ tabId: 1, ticket: idOnly });
    expect((await screen.findByTestId('ticket-agent')).textContent).toBe('Alex Moreno');

    // Later updates for this tab still land; other tabs' do not.
    worker.emit({ tabId: 2, ticket: { ...ticket, ticketId: '2002', agent: { name: 'Sam Okafor' } } });
    worker.emit({ tabId: 1, ticket: { ...ticket, agent: { name: 'Jo Field' } } });
    await waitFor(() => expect(screen.getByTestId('ticket-agent').textContent).toBe('Jo Field'));
  });
});

describe('the panel', () => {
  it('stores the active review time: reading and scoring count, an idle spell beyond 30 s does not', async () => {
    const { db, clock } = await openPanel({ name: 'Rae Reviewer', role: 'supervisor', identities: [] });
    clock.now += 20_000;
    answerAll();
    fireEvent.input(screen.getByRole('textbox', { name: 'Strengths' }), { target: { value: 'Greeting used Dana’s name and thanked her for waiting.' } });
    clock.now += 20_000;
    fireEvent.input(screen.getByRole('textbox', { name: 'Improvements' }), { target: { value: 'Next steps: say when the refund reaches the card, and what then.' } });
    clock.now += 100_000; // away: only the first 30 s of it count
    fireEvent.keyDown(document.body, { key: 'Tab' });
    clock.now += 5_000;
    fireEvent.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    await screen.findByText(/Evaluation submitted/);
    const [stored] = await listTicketEvaluations(db, 'zendesk:1001');
    expect(stored?.reviewSeconds).toBe(20 + 20 + 30 + 5);
  });

  it('does not send a review without a strength and an improvement, and says so', async () => {
    const { db } = await openPanel({ name: 'Rae Reviewer', role: 'supervisor', identities: [] });
    answerAll();
    fireEvent.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Before sending this review: Strengths: write at least one thing the agent did well. Improvements: write at least one thing the agent should do differently.',
    );
    expect(await listTicketEvaluations(db, 'zendesk:1001')).toEqual([]);
  });

  it('keeps the review from the agent until their self-assessment is in, then sets the two side by side', async () => {
    const reviewer: Profile = { name: 'Rae Reviewer', role: 'supervisor', identities: [] };
    const agent: Profile = { name: 'Alex M.', role: 'agent', identities: [{ helpdesk: 'zendesk', value: 'Alex Moreno' }] };
    await openPanel(agent, async (db) => {
      // Rae's review: every criterion with its first outcome, as the agent will answer all but one.
      const card = (await listScorecards(db)).find((s) => s.channels.includes(ticket.channel))!;
      await submitEvaluation(db, { ...newDraft({ ticket, scorecard: card, author: reviewer, now: START }), answers: firstOutcomes(card) }, card, ticket, START);
    });
    expect(screen.getByText(/Self-assessment of your own ticket/)).toBeTruthy();
    expect((await screen.findByTestId('hidden-evaluations')).textContent).toMatch(/One review of your ticket is hidden/);
    expect(screen.queryAllByTestId('earlier-evaluation')).toEqual([]);
    expect(screen.queryByText(/Rae Reviewer/)).toBeNull();

    answerAll();
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Greeting and personalisation' })).getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit self-assessment' }));
    const comparison = await screen.findByRole('region', { name: 'Your self-assessment and Rae Reviewer’s review' });
    const greeting = (await within(comparison).findAllByRole('row')).find((row) => row.textContent?.startsWith('Greeting and personalisation'));
    expect(greeting?.textContent).toBe('Greeting and personalisationDiffersNoYes');
    expect(within(comparison).getByText(/You differ on 1 criterion\./)).toBeTruthy();
    expect(screen.getAllByTestId('earlier-evaluation')).toHaveLength(2);
  });

  it('starts a self-assessment on the scorecard the ticket was reviewed with', async () => {
    const agent: Profile = { name: 'Alex Moreno', role: 'agent', identities: [] };
    await openPanel(agent, async (db) => {
      const compliance = (await listScorecards(db)).find((s) => s.name === 'Compliance')!;
      const reviewer: Profile = { name: 'Rae Reviewer', role: 'supervisor', identities: [] };
      const draft = { ...newDraft({ ticket, scorecard: compliance, author: reviewer, now: START }), answers: firstOutcomes(compliance) };
      await submitEvaluation(db, draft, compliance, ticket, START);
    });
    await screen.findByTestId('hidden-evaluations');
    const picker = screen.getByRole('combobox', { name: 'Scorecard' }) as HTMLSelectElement;
    expect(picker.selectedOptions[0]?.textContent).toBe('Compliance (v1)');
  });
});

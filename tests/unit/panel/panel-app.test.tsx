import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { PanelClient } from '@/components/panel/panel-client';
import { PanelApp } from '@/components/panel/PanelApp';
import {
  getTicketSnapshot,
  listScorecards,
  saveScorecard,
  listTicketEvaluations,
  saveProfile,
  seedScorecards,
  submitEvaluation,
  type QaLensDatabase,
} from '@/lib/db';
import { newDraft } from '@/lib/evaluations/new-draft';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';
import { BLANK_ANSWER, type Answer, type Profile, type Scorecard, type TicketContext } from '@/lib/schemas';
import { scaleOptions } from '@/lib/scoring';
import { freshDatabase, ticket } from '../db/factories';
import { dexieClient } from './dexie-panel-client';

const START = 1_700_000_000_000;

// Each step waits on IndexedDB (in memory); on a busy machine that can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

async function openPanel(profile: Profile, before: (db: QaLensDatabase) => Promise<void> = async () => {}, read: TicketContext = ticket) {
  const db = freshDatabase();
  await seedScorecards(db, SCORECARD_TEMPLATES, START);
  await saveProfile(db, profile);
  await before(db);
  const clock = { now: START };
  render(<PanelApp client={dexieClient(db, clock, read)} />);
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

describe('automatic checks in the panel', () => {
  const chat: TicketContext = {
    ...ticket,
    ticketId: '1005',
    channel: 'chat',
    customer: { name: 'Dana Whitfield' },
    messages: [
      { id: 'm1', author: 'Dana Whitfield', role: 'customer', at: '2026-11-03T14:00:00Z', text: 'Where is my refund? This is ridiculous, I want a manager.' },
      { id: 'm2', author: 'Alex Moreno', role: 'agent', at: '2026-11-03T14:00:30Z', text: 'Refunds take time. Calm down please, it was sent today.' },
    ],
  };
  const linked = async (db: QaLensDatabase) => {
    const [card] = (await listScorecards(db)).filter((c) => c.name === 'Chat & email quality');
    const content = { ...card!, sections: card!.sections.map((s) => ({ ...s, criteria: s.criteria.map((c) =>
      c.id === 'greeting' ? { ...c, autoCheck: { check: 'greeting' as const, params: {} } } : c.id === 'tone-empathy' ? { ...c, autoCheck: { check: 'prohibited-phrase' as const, params: { phrases: ['refunds take time'] } } } : c) })) };
    await saveScorecard(db, { id: card!.id, content }, START + 1);
  };

  it('arrives pre-answered with evidence and Spotlight, asks the reviewer to confirm, and stores what was automatic and what they changed', async () => {
    const { db } = await openPanel({ name: 'Rae Reviewer', role: 'supervisor', identities: [] }, linked, chat);
    const greeting = await screen.findByRole('radiogroup', { name: 'Greeting and personalisation' });
    await waitFor(() => expect((within(greeting).getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.getAllByTestId('automatic-answer')[0]!.textContent).toMatch(/Greeting: “No” \(90% sure\)\. The first agent reply does not open with a greeting/);
    expect(within(screen.getByRole('list', { name: 'Evidence for Greeting and personalisation' })).getByText(/Refunds take time\./)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Spotlight' }).textContent).toMatch(/Escalation language.*“manager”/);
    expect(document.querySelectorAll('mark.auto-evidence').length).toBeGreaterThanOrEqual(2);

    answerAll();
    fireEvent.input(screen.getByRole('textbox', { name: 'Strengths' }), { target: { value: 'Greeting: answered at once and the refund went out the same day.' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Improvements' }), { target: { value: 'Tone and empathy: never tell a customer to calm down; acknowledge it.' } });
    // answerAll chose the first option everywhere: "Yes" on the greeting changes the automatic "No";
    // on tone the first option is the automatic "Poor" itself, already chosen, so it is confirmed.
    fireEvent.click(screen.getByRole('button', { name: 'Confirm automatic answer: Tone and empathy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    await screen.findByText(/Evaluation submitted/);
    const [stored] = await listTicketEvaluations(db, 'zendesk:1005');
    expect(stored!.answers.greeting!.auto).toMatchObject({ check: 'greeting', outcome: 'fail', proposedOptionId: 'no', changed: true, confirmed: true });
    expect(stored!.answers['tone-empathy']!.auto).toMatchObject({ check: 'prohibited-phrase', outcome: 'fail', proposedOptionId: '1', changed: false, confirmed: true });
    expect(stored!.ticket.spotlight?.map((f) => f.kind)).toEqual(['negative-sentiment', 'escalation']);
    expect((await getTicketSnapshot(db, 'zendesk:1005'))!.spotlight?.map((f) => f.kind)).toEqual(['negative-sentiment', 'escalation']);
  });

  it('does not send a review while an automatic answer is neither confirmed nor changed', async () => {
    const { db } = await openPanel({ name: 'Rae Reviewer', role: 'supervisor', identities: [] }, linked, chat);
    await screen.findAllByTestId('automatic-answer');
    const title = (group: HTMLElement) => document.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
    for (const group of screen.getAllByRole('radiogroup').filter((g) => !['Greeting and personalisation', 'Tone and empathy'].includes(title(g)))) {
      fireEvent.click(within(group).getAllByRole('radio')[0]!);
    }
    fireEvent.input(screen.getByRole('textbox', { name: 'Strengths' }), { target: { value: 'Greeting: answered at once and the refund went out the same day.' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Improvements' }), { target: { value: 'Tone and empathy: never tell a customer to calm down; acknowledge it.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Confirm or change the automatic answers first: Greeting and personalisation, Tone and empathy\./);
    expect(await listTicketEvaluations(db, 'zendesk:1005')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm automatic answer: Greeting and personalisation' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm automatic answer: Tone and empathy' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit evaluation' }));
    await screen.findByText(/Evaluation submitted/);
    const [stored] = await listTicketEvaluations(db, 'zendesk:1005');
    expect(stored!.answers.greeting!.auto).toMatchObject({ changed: false, confirmed: true });
  });
});

import type { Page } from 'playwright-core';
import { scoreEvaluation } from '../../../lib/scoring';
import type { Answer, Evaluation, KpiRecord, Scorecard } from '../../../lib/schemas';
import { putRows } from '../../support/seed-database';
import { axeViolations, startSession, type BrowserSession } from '../support/session';

const DAY = 86_400_000;
const now = Date.now();

const scorecard: Scorecard = {
  id: 'sc-reports',
  version: 1,
  name: 'Reports card',
  description: '',
  channels: [],
  passMark: 80,
  archived: false,
  createdAt: 0,
  updatedAt: 0,
  sections: [
    {
      id: 'main',
      title: 'Main',
      bonus: false,
      criteria: [
        { id: 'greeting', title: 'Greeting', description: '', weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none' },
        { id: 'accuracy', title: 'Accuracy', description: '', weight: 2, scale: { kind: 'binary' }, allowNa: false, critical: 'evaluation' },
        { id: 'empathy', title: 'Empathy', description: '', weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none' },
      ],
    },
  ],
};

function answer(optionId: string, extra: Partial<Answer> = {}): Answer {
  return { optionId, na: false, comment: '', evidence: [], rootCauses: [], ...extra };
}

/** A submitted review, scored by the real scoring rules. `misses` lists the criteria answered "No". */
function review(id: string, agent: string, channel: 'chat' | 'email', daysAgo: number, misses: string[] = [], extra: Partial<Evaluation> = {}): Evaluation {
  const answers: Record<string, Answer> = {};
  for (const c of ['greeting', 'accuracy', 'empathy']) {
    answers[c] = misses.includes(c)
      ? answer('no', {
          comment: `Missed ${c} on ${id}`,
          evidence: [{ messageId: '1', quote: `Quote for ${c} on ${id}`, author: 'Customer', role: 'customer' }],
          rootCauses: ['knowledge-gap'],
        })
      : answer('yes');
  }
  const result = scoreEvaluation(scorecard, answers);
  const at = now - daysAgo * DAY;
  return {
    id,
    kind: 'review',
    status: 'submitted',
    ticket: { key: `zendesk:${id}`, helpdesk: 'zendesk', ticketId: id, url: `https://acme.zendesk.com/agent/tickets/${id}`, channel, subject: `Subject ${id}`, agent: { name: agent } },
    scorecardId: scorecard.id,
    scorecardVersion: 1,
    answers,
    strengths: `Strength noted on ${id}`,
    improvements: '',
    author: { name: 'Rita Reviewer', role: 'supervisor' },
    score: result.score,
    passed: result.passed,
    reviewSeconds: 120,
    acknowledgeBy: null,
    history: [],
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    ...extra,
  };
}

// Ana: 5001 perfect, 5002 missed empathy (75), 5003 missed accuracy (critical: 0). Ben: 5004 missed greeting (75), chat.
const EVALUATIONS = [
  review('5001', 'Ana Lima', 'email', 1),
  review('5002', 'Ana Lima', 'email', 2, ['empathy']),
  review('5003', 'Ana Lima', 'email', 3, ['accuracy']),
  review('5004', 'Ben Ode', 'chat', 4, ['greeting']),
];
const KPIS: KpiRecord[] = EVALUATIONS.map((e, i) => ({
  id: `kpi-${e.id}`,
  scope: 'ticket',
  ticketKey: e.ticket.key,
  agent: e.ticket.agent?.name ?? null,
  at: e.submittedAt,
  kpis: { csat: [5, 4, 2, 3][i]!, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: null },
  source: 'import',
  createdAt: now,
  updatedAt: now,
}));

describe.only('shot', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startSession();
    page = await session.context.newPage();
    await page.goto(session.extensionUrl('dashboard.html'));
    await page.getByRole('heading', { name: 'Evaluations' }).waitFor();
    await putRows(page, { scorecards: [scorecard], evaluations: EVALUATIONS, kpis: KPIS });
  });
  afterAll(() => session?.close());

  beforeEach(async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
  });

  const figure = (title: string) => page.getByRole('list', { name: 'Headline figures' }).getByRole('button', { name: new RegExp(`^${title}`) });
  const listedTickets = async () => page.getByRole('table', { name: /Submitted evaluations/ }).locator('tbody .ticket-ref').allTextContents();
  const agentRows = () => page.getByRole('table', { name: 'QA and KPIs per agent' }).locator('tbody tr');

  it('shot', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const summary of await page.getByText('Show as table').all()) await summary.click();
    await page.getByText('Show as table').first().click();
    await page.screenshot({ path: '/tmp/dash.png', fullPage: true });
    const [pack] = await Promise.all([page.context().waitForEvent('page'), agentRows().filter({ hasText: 'Ana Lima' }).getByRole('link', { name: /Review pack/ }).click()]);
    await pack.getByText('Quote for accuracy on 5003').waitFor();
    await pack.emulateMedia({ media: 'print' });
    await pack.screenshot({ path: '/tmp/pack.png', fullPage: true });
  });
});

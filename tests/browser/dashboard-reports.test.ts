import type { Page } from 'playwright-core';
import { scoreEvaluation } from '../../lib/scoring';
import type { Answer, Evaluation, KpiRecord, Scorecard } from '../../lib/schemas';
import { putRows } from '../support/seed-database';
import { axeViolations, evaluationList, openDashboard, startSession, type BrowserSession } from './support/session';

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

describe('the dashboard reports', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startSession();
    page = await openDashboard(session);
    await putRows(page, { scorecards: [scorecard], evaluations: EVALUATIONS, kpis: KPIS });
  });
  afterAll(() => session?.close());

  beforeEach(async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
  });

  const figure = (title: string) => page.getByRole('list', { name: 'Headline figures' }).getByRole('button', { name: new RegExp(`^${title}`) });
  const listedTickets = async () => evaluationList(page).locator('tbody .ticket-ref').allTextContents();
  const agentRows = () => page.getByRole('table', { name: 'QA and KPIs per agent' }).locator('tbody tr');

  it('shows the headline, the charts with their tables, and no accessibility violations', async () => {
    expect(await figure('Evaluations').textContent()).toContain('4');
    expect(await figure('Mean QA score').textContent()).toContain('62.5%'); // (100 + 75 + 0 + 75) / 4
    expect(await figure('Pass rate').textContent()).toContain('25.0%'); // only 5001 passes: 75 is under the pass mark of 80
    expect(await figure('Critical-fail rate').textContent()).toContain('25.0%');
    // Each chart draws into a canvas; the scatter waits for the KPI records, so wait rather than count.
    for (const chart of [/QA score, pass rate and CSAT by week/, /Root causes by number of mentions/, /QA score against CSAT for 4 tickets/]) {
      await page.getByRole('img', { name: chart }).locator('canvas').first().waitFor();
    }
    for (const name of ['Period', 'Agent', 'Channel']) await page.getByRole('combobox', { name, exact: true }).waitFor();
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    // The table alternatives open, and stay clean.
    for (const summary of await page.getByText('Show as table').all()) await summary.click();
    expect(await page.getByRole('table', { name: 'Root causes, most frequent first' }).locator('tbody tr').count()).toBe(1);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
  });

  it('applies the filters to every view', async () => {
    await page.getByRole('combobox', { name: 'Agent', exact: true }).selectOption('Ben Ode');
    expect(await figure('Evaluations').textContent()).toContain('1');
    expect(await agentRows().count()).toBe(1);
    expect(await listedTickets()).toEqual(['5004']);
    expect(await page.getByRole('table', { name: 'Criteria, weakest first' }).locator('tbody tr').first().textContent()).toContain('Greeting');

    await page.getByRole('combobox', { name: 'Agent', exact: true }).selectOption('');
    await page.getByRole('combobox', { name: 'Channel', exact: true }).selectOption('email');
    expect(await figure('Evaluations').textContent()).toContain('3');
    expect(await agentRows().allTextContents()).toEqual([expect.stringContaining('Ana Lima')]);
    expect(await listedTickets()).toEqual(['5001', '5002', '5003']);

    await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption('last-7-days');
    expect(await page.getByLabel('From').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await figure('Evaluations').textContent()).toContain('vs previous period');
  });

  it('lists the evaluations behind a figure when it is clicked', async () => {
    const criteria = page.getByRole('table', { name: 'Criteria, weakest first' });
    await criteria.getByRole('button', { name: /of Accuracy failed/ }).click();
    await page.getByRole('heading', { name: 'Evaluations behind: Accuracy, failed' }).waitFor();
    expect(await listedTickets()).toEqual(['5003']);
    await page.getByRole('button', { name: 'Show all evaluations' }).click();
    expect(await listedTickets()).toEqual(['5001', '5002', '5003', '5004']);

    await figure('Critical-fail rate').click();
    expect(await listedTickets()).toEqual(['5003']);
    await agentRows().filter({ hasText: 'Ben Ode' }).getByRole('button', { name: 'Ben Ode' }).click();
    expect(await listedTickets()).toEqual(['5004']);
  });

  it('lists the evaluations behind a point clicked on the trend chart', async () => {
    await page.getByRole('img', { name: /QA score, pass rate and CSAT by week/ }).locator('.u-over').click();
    const heading = page.getByRole('heading', { name: /^Evaluations behind: W\d+/ });
    await heading.waitFor();
    const week = (await heading.textContent())!.replace('Evaluations behind: ', '');
    // The list holds exactly as many evaluations as the trend's table alternative gives that week.
    await page.getByRole('region', { name: 'QA score trend' }).getByText('Show as table').click();
    const trendRow = page.getByRole('table', { name: 'QA score trend by week' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: week, exact: true }) });
    const count = Number(await trendRow.getByRole('cell').first().textContent());
    expect(count).toBeGreaterThan(0);
    expect((await listedTickets()).length).toBe(count);
  });

  it('opens a printable review pack for an agent', async () => {
    const [pack] = await Promise.all([
      page.context().waitForEvent('page'),
      agentRows().filter({ hasText: 'Ana Lima' }).getByRole('link', { name: /Review pack/ }).click(),
    ]);
    await pack.getByRole('heading', { name: 'Review pack: Ana Lima' }).waitFor();
    await pack.getByText('Quote for accuracy on 5003').waitFor();
    expect(await pack.getByText('Strength noted on 5001').count()).toBe(1);
    expect(await pack.getByRole('heading', { name: 'Accuracy' }).count()).toBe(1);
    expect(await axeViolations(pack.mainFrame())).toEqual([]);

    const hasPrintRules = await pack.evaluate(() =>
      [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')),
    );
    expect(hasPrintRules).toBe(true);
    expect(await pack.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await pack.emulateMedia({ media: 'print' });
    expect(await pack.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await pack.close();
  });

  it('explains a review pack address without an agent', async () => {
    const pack = await session.context.newPage();
    await pack.goto(session.extensionUrl('review-pack.html?from=2025-01-01'));
    expect(await pack.getByRole('alert').textContent()).toBe('No agent given. Open the review pack from the Agents table of the dashboard.');
    await pack.close();
  });
});

import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DashboardApp } from '../../../components/dashboard/DashboardApp';
import type { Evaluation } from '../../../lib/schemas';
import { day, reportEvaluation, scorecard, ticketKpi } from '../reports/report-factories';
import { databaseClient } from './factories';

// a (Ana, email) 100 passed; b (Ana, email) 0, critical failure on "Accurate answer";
// c (Ben, chat) tone 2 of 4: (1 + 1 + 2 + 1/3) / 5 = 86.67, passed.
const EVALUATIONS: Evaluation[] = [
  reportEvaluation({ id: 'c', ticketId: '103', agent: 'Ben', channel: 'chat', reviewer: 'Tom', submittedAt: day(3, 7), choices: { tone: '2' } }),
  reportEvaluation({ id: 'b', ticketId: '102', agent: 'Ana', submittedAt: day(3, 5), choices: { accurate: 'no' }, rootCauses: { accurate: ['knowledge-gap'] } }),
  reportEvaluation({ id: 'a', ticketId: '101', agent: 'Ana', submittedAt: day(3, 3) }),
];

async function renderApp() {
  const { client } = await databaseClient(EVALUATIONS, [scorecard]);
  render(<DashboardApp client={client} />);
  await screen.findByRole('table', { name: /Submitted evaluations/ });
}

const figure = (title: string) => within(screen.getByRole('list', { name: 'Headline figures' })).getByRole('button', { name: new RegExp(`^${title}`) });
const listed = () =>
  within(screen.getByRole('table', { name: /Submitted evaluations/ }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.ticket-ref')?.textContent);
const agentNames = () =>
  within(screen.getByRole('table', { name: 'QA and KPIs per agent' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('rowheader')[0]?.textContent);

describe('DashboardApp reports', () => {
  it('reads the KPI records only once the criteria are on screen, then fills QA vs CSAT and the KPI columns', async () => {
    const { db, client } = await databaseClient(EVALUATIONS, [scorecard]);
    await db.kpis.add(ticketKpi('zendesk:101', 'Ana', day(3, 3), { csat: 5 }));
    const seen: boolean[] = [];
    const listKpis = client.listKpis.bind(client);
    // Whether the weakest criteria were on screen when the KPI records were asked for.
    client.listKpis = () => {
      seen.push(screen.queryAllByRole('heading', { name: 'Weakest criteria' }).some((h) => !h.closest('[aria-busy="true"]')));
      return listKpis();
    };
    render(<DashboardApp client={client} />);
    await screen.findByRole('img', { name: /QA score against CSAT for 1 tickets/ });
    expect(seen).toEqual([true]);
    expect(within(screen.getByRole('table', { name: 'QA and KPIs per agent' })).getAllByRole('row')[1]?.textContent).toContain('100.0%');
  });

  it('shows the headline figures of the period', async () => {
    await renderApp();
    expect(figure('Evaluations').textContent).toBe('Evaluations3no previous period to compare');
    expect(figure('Mean QA score').textContent).toContain('62.2%'); // (100 + 0 + 86.67) / 3
    expect(figure('Pass rate').textContent).toContain('66.7%');
    expect(figure('Critical-fail rate').textContent).toContain('33.3%');
    expect(figure('Mean review time').textContent).toContain('—'); // none of them recorded a time
  });

  it.each([
    ['Agent', 'Ben', ['103'], ['Ben'], '1'],
    ['Channel', 'email', ['102', '101'], ['Ana'], '2'],
    ['Reviewer', 'Tom', ['103'], ['Ben'], '1'],
  ])('applies the %s filter to the figures, the agent table and the list', async (name, value, tickets, agents, count) => {
    await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });
    expect(listed()).toEqual(tickets);
    expect(agentNames()).toEqual(agents);
    expect(figure('Evaluations').textContent).toContain(count);
  });

  it('compares a chosen period with the days before it', async () => {
    await renderApp();
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2025-03-05' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2025-03-08' } });
    expect((screen.getByRole('combobox', { name: 'Period' }) as HTMLSelectElement).value).toBe('custom');
    // 5–8 March holds b and c (mean 43.33); 1–4 March, the four days before, holds a (100).
    expect(figure('Evaluations').textContent).toBe('Evaluations2+1 vs previous period');
    expect(figure('Mean QA score').textContent).toBe('Mean QA score43.3%−56.7 pts vs previous period');
  });

  it('lists the evaluations behind a clicked figure, then all again', async () => {
    await renderApp();
    fireEvent.click(figure('Critical-fail rate'));
    expect(screen.getByRole('heading', { name: 'Evaluations behind: Critical-fail rate' })).toBe(document.activeElement);
    expect(listed()).toEqual(['102']);

    fireEvent.click(screen.getByRole('button', { name: 'Show all evaluations' }));
    // The root causes come a moment after the headline.
    fireEvent.click(within(await screen.findByRole('table', { name: 'Root causes, most frequent first' })).getByRole('button', { name: 'Knowledge gap' }));
    expect(listed()).toEqual(['102']);

    fireEvent.click(within(screen.getByRole('table', { name: 'QA and KPIs per agent' })).getByRole('button', { name: 'Ana' }));
    expect(listed()).toEqual(['102', '101']);
    // Changing a filter starts from the whole list again.
    fireEvent.change(screen.getByRole('combobox', { name: 'Channel' }), { target: { value: 'chat' } });
    expect(listed()).toEqual(['103']);
  });

  it('links each agent to a review pack for the period', async () => {
    await renderApp();
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2025-03-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2025-03-31' } });
    const link = within(screen.getByRole('table', { name: 'QA and KPIs per agent' })).getByRole('link', { name: /Review pack for Ana/ });
    expect(link.getAttribute('href')).toBe('review-pack.html?agent=Ana&from=2025-03-01&to=2025-03-31');
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DashboardApp } from '../../../components/dashboard/DashboardApp';
import { PAGES } from '../../../components/shared/PageNav';
import { LONG_COLUMNS } from '../../../lib/csv/long-rows';
import { createCsvIoClient } from '../../../lib/pages/csv-io-client';
import type { Evaluation, Scorecard } from '../../../lib/schemas';
import { CRITERIA_COUNT, databaseClient, makeEvaluation, makeScorecard } from './factories';

const scorecard = makeScorecard();

const at = (day: number) => new Date(2025, 2, day, 12).getTime();

// Newest first, as the database lists them. Scores: a 100 (passed), b 0 (critical failure), c 83.33 (passed).
const EVALUATIONS = [
  makeEvaluation({
    id: 'c',
    ticketId: '103',
    subject: 'Delivery late',
    agent: 'Ana',
    channel: 'chat',
    submittedAt: at(7),
    choices: { tone: '2', clarify: 'na' },
    comments: { tone: 'Curt closing line' },
  }),
  makeEvaluation({ id: 'b', ticketId: '102', subject: 'Password reset', agent: 'Ben', channel: 'chat', submittedAt: at(5), choices: { accurate: 'no' } }),
  makeEvaluation({
    id: 'a',
    ticketId: '101',
    subject: 'Refund not received',
    agent: 'Ana',
    channel: 'email',
    submittedAt: at(3),
    strengths: 'Clear refund timeline',
    improvements: 'Offer the tracking link',
  }),
];


/**
 * The dashboard with CSV export over a real (in-memory) database holding the same evaluations;
 * `files` collects what each export wrote.
 */
async function renderApp(evaluations: Evaluation[] = EVALUATIONS, scorecards: Scorecard[] = [scorecard]) {
  const { db, client } = await databaseClient(evaluations, scorecards);
  const files: { filename: string; text: string }[] = [];
  const csv = createCsvIoClient(db, async (filename) => {
    const file = { filename, text: '' };
    files.push(file);
    return { write: async (chunk) => void (file.text += chunk), close: async () => {}, abort: async () => {} };
  });
  render(<DashboardApp client={client} csv={csv} />);
  await screen.findByRole('table', { name: /Submitted evaluations/ });
  return { files };
}

/** Opens the export dialog, chooses the options given and exports; resolves with the file written. */
async function exportCsv(files: { filename: string; text: string }[], choose: (dialog: HTMLElement) => void = () => {}) {
  fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
  const dialog = screen.getByRole('dialog', { name: 'Export evaluations as CSV' });
  choose(dialog);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
  await within(dialog).findByText(/^Exported \d+ evaluations? to/);
  return files.at(-1)!;
}

/** The evaluation list's table (the reports above it have tables of their own). */
const listTable = () => screen.getByRole('table', { name: /Submitted evaluations/ });

/** The ticket refs of the body rows, top to bottom. */
const listedTickets = () =>
  within(listTable())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.querySelector('.ticket-ref')?.textContent);

const parseCsv = (text: string) => {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

describe('DashboardApp', () => {
  it('lists the submitted evaluations with their columns', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Evaluations' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('3 evaluations');
    expect(listedTickets()).toEqual(['103', '102', '101']);

    const headers = within(listTable()).getAllByRole('columnheader').map((th) => th.textContent?.replace(/[▲▼]/g, ''));
    expect(headers).toEqual(['Date', 'Ticket', 'Agent', 'Channel', 'Scorecard', 'Score', 'Result', 'Status']);

    const cells = within(within(listTable()).getAllByRole('row')[1] as HTMLElement)
      .getAllByRole('cell')
      .map((td) => td.textContent);
    expect(cells.slice(1)).toEqual(['103 Delivery late', 'Ana', 'Chat', 'Support basics v1', '83.3%', 'Passed', 'Submitted']);
    const failed = within(within(listTable()).getAllByRole('row')[2] as HTMLElement).getAllByRole('cell');
    expect(failed[5]?.textContent).toBe('0.0%');
    expect(failed[6]?.textContent).toBe('Not passed');
  });

  it('shows the empty state when there are no evaluations', async () => {
    const { client } = await databaseClient([]);
    render(<DashboardApp client={client} />);
    expect(
      await screen.findByText('No evaluations yet. Open a ticket in your helpdesk and score it in the QA Lens panel.'),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reports a failure to load', async () => {
    const { client } = await databaseClient(EVALUATIONS);
    client.listReportRows = () => Promise.reject(new Error('database blocked'));
    render(<DashboardApp client={client} />);
    expect((await screen.findByRole('alert')).textContent).toContain('database blocked');
  });

  it('has a labelled control for every filter', async () => {
    await renderApp();
    expect(screen.getByRole('textbox', { name: 'Search' })).toBeTruthy();
    for (const name of ['Agent', 'Channel', 'Result']) expect(screen.getByRole('combobox', { name })).toBeTruthy();
    expect(screen.getByLabelText('From').getAttribute('type')).toBe('date');
    expect(screen.getByLabelText('To').getAttribute('type')).toBe('date');

    const agents = within(screen.getByRole('combobox', { name: 'Agent' })).getAllByRole('option');
    expect(agents.map((o) => o.textContent)).toEqual(['All', 'Ana', 'Ben']);
    const channels = within(screen.getByRole('combobox', { name: 'Channel' })).getAllByRole('option');
    expect(channels.map((o) => o.textContent)).toEqual(['All', 'Chat', 'Email']);
  });

  it('filters by agent, then clears the filters', async () => {
    await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Agent' }), { target: { value: 'Ben' } });
    expect(listedTickets()).toEqual(['102']);
    expect(screen.getByRole('status').textContent).toBe('1 of 3 evaluations');

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(listedTickets()).toEqual(['103', '102', '101']);
  });

  it('filters by search text, result and date', async () => {
    await renderApp();
    fireEvent.input(screen.getByRole('textbox', { name: 'Search' }), { target: { value: 'refund' } });
    expect(listedTickets()).toEqual(['101']);
    fireEvent.input(screen.getByRole('textbox', { name: 'Search' }), { target: { value: '' } });

    fireEvent.change(screen.getByRole('combobox', { name: 'Result' }), { target: { value: 'not-passed' } });
    expect(listedTickets()).toEqual(['102']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Result' }), { target: { value: 'all' } });

    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2025-03-04' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2025-03-06' } });
    expect(listedTickets()).toEqual(['102']);
  });

  it('says so when no evaluation matches, and cannot export the empty filter, only everything', async () => {
    const { files } = await renderApp();
    fireEvent.input(screen.getByRole('textbox', { name: 'Search' }), { target: { value: 'zzz' } });
    expect(screen.getByText('No evaluations match these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Export evaluations as CSV' });
    expect(within(dialog).getByRole('radio', { name: 'The current filter (0)' })).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Everything' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText(/^Exported 3 evaluations/);
    expect(parseCsv(files[0]!.text)).toHaveLength(1 + 3 * CRITERIA_COUNT);
  });

  it('sorts by score from the column header button', async () => {
    await renderApp();
    const header = () => within(listTable()).getByRole('columnheader', { name: 'Score' });
    expect(header().getAttribute('aria-sort')).toBe('none');
    expect(within(listTable()).getByRole('columnheader', { name: 'Date' }).getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(within(header()).getByRole('button', { name: 'Score' }));
    expect(header().getAttribute('aria-sort')).toBe('descending');
    expect(within(listTable()).getByRole('columnheader', { name: 'Date' }).getAttribute('aria-sort')).toBe('none');
    expect(listedTickets()).toEqual(['101', '103', '102']);

    fireEvent.click(within(header()).getByRole('button', { name: 'Score' }));
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    expect(listedTickets()).toEqual(['102', '103', '101']);
  });

  it('opens an evaluation in full and goes back to the same list', async () => {
    await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Agent' }), { target: { value: 'Ana' } });
    fireEvent.click(screen.getByRole('button', { name: /103/ }));

    // The list holds report rows; the full evaluation is read when it is opened.
    const heading = await screen.findByRole('heading', { level: 2, name: 'Ticket 103: Delivery late' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const link = screen.getByRole('link', { name: /Open ticket 103/ });
    expect(link.getAttribute('href')).toBe('https://acme.zendesk.com/agent/tickets/103');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');

    const text = document.body.textContent ?? '';
    expect(text).toContain('Rita Reviewer');
    expect(text).toContain('Support basics v1');
    expect(text).toContain('83.3%, Passed');
    // The arithmetic lines from scoreEvaluation, and every criterion with its answer.
    expect(screen.getByText('Score: 83.33')).toBeTruthy();
    expect(screen.getByText('Pass mark 80: passed')).toBeTruthy();
    const criteria = screen.getAllByRole('listitem').filter((li) => li.closest('.criteria'));
    expect(criteria).toHaveLength(CRITERIA_COUNT);
    expect(criteria.map((li) => li.textContent)).toEqual([
      'Greeting: Yes',
      'Asked clarifying questions: N/A',
      'Accurate answer (critical: evaluation): Yes',
      'Tone: Needs improvementCurt closing line',
      'Proactive help: No',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Back to list' }));
    expect(listedTickets()).toEqual(['103', '101']);
    expect((screen.getByRole('combobox', { name: 'Agent' }) as HTMLSelectElement).value).toBe('Ana');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /103/ }));
  });

  it('shows strengths and improvements in the detail', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: /101/ }));
    expect(await screen.findByText('Clear refund timeline')).toBeTruthy();
    expect(screen.getByText('Offer the tracking link')).toBeTruthy();
  });

  it('renders hostile ticket text as text and never links a javascript: URL', async () => {
    const hostile = makeEvaluation({
      id: 'x',
      ticketId: '666',
      subject: '<img src=x onerror="alert(1)">',
      url: 'javascript:alert(1)',
      strengths: '<script>alert(2)</script>',
    });
    await renderApp([hostile]);
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /666/ }));
    expect(await screen.findByText('<script>alert(2)</script>')).toBeTruthy();
    expect(document.querySelector('img, script')).toBeNull();
    // Only the links between QA Lens pages remain: the ticket's own link is refused.
    expect(screen.queryAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(PAGES.map((p) => p.href));
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('still opens an evaluation whose scorecard version is gone', async () => {
    await renderApp(EVALUATIONS, []);
    expect(within(within(listTable()).getAllByRole('row')[1] as HTMLElement).getAllByRole('cell')[4]?.textContent).toBe('Unknown scorecard v1');
    fireEvent.click(screen.getByRole('button', { name: /103/ }));
    expect(await screen.findByText(/no longer stored/)).toBeTruthy();
  });

  it('exports every listed evaluation in the long format', async () => {
    const { files } = await renderApp();
    const { filename, text } = await exportCsv(files);

    expect(filename).toMatch(/^qa-lens-evaluations-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text?.startsWith('\uFEFF')).toBe(false);
    expect(text).toContain('\r\n');
    const data = parseCsv(text ?? '');
    expect(data[0]).toEqual([...LONG_COLUMNS]);
    expect(data).toHaveLength(1 + 3 * CRITERIA_COUNT);
    for (const row of data) expect(row).toHaveLength(LONG_COLUMNS.length);
  });

  it('exports only the filtered evaluations, one row per criterion', async () => {
    const { files } = await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Agent' }), { target: { value: 'Ben' } });
    const data = parseCsv((await exportCsv(files)).text);
    const column = (name: (typeof LONG_COLUMNS)[number]) => LONG_COLUMNS.indexOf(name);
    const rows = data.slice(1);
    expect(rows).toHaveLength(CRITERIA_COUNT);
    expect(new Set(rows.map((r) => r[column('evaluation_id')]))).toEqual(new Set(['b']));
    expect(rows.map((r) => r[column('criterion_id')])).toEqual(['greeting', 'clarify', 'accurate', 'tone', 'proactive']);
    expect(rows.map((r) => r[column('answer_label')])).toEqual(['Yes', 'Yes', 'No', 'Excellent', 'No']);
    expect(rows[0]?.[column('passed')]).toBe('false');
  });
});

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { calibrationResults } from '../../lib/calibration/session-results';
import { csvChunk, csvHeader } from '../../lib/csv/evaluations-csv';
import type { CalibrationSession, Evaluation, Scorecard } from '../../lib/schemas';
import { scaleOptions, scoreEvaluation } from '../../lib/scoring';
import { answerAll, axeViolations, openDashboard, panelFrame, saveProfileAs, startSession, writeSpecificFeedback, type BrowserSession } from './support/session';

const ME = 'Rae Reviewer';
const TICKET = (id: string) => `https://acme.zendesk.com/agent/tickets/${id}`;

/** Every row of one object store of the extension's database, read from an extension page. */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('qa-lens');
        open.onsuccess = () => {
          const request = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

async function importFile(page: Page, kind: 'tickets' | 'evaluations', name: string, text: string, ready: RegExp): Promise<void> {
  const file = join(os.tmpdir(), `qa-lens-${name}-${Date.now()}.csv`);
  writeFileSync(file, text);
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from CSV' });
  await dialog.getByRole('combobox', { name: 'What the file holds' }).selectOption(kind);
  await dialog.getByLabel('CSV file').setInputFiles(file);
  await dialog.getByText(ready).waitFor();
  await dialog.getByRole('button', { name: 'Confirm import' }).click();
  await dialog.getByText(/^Imported/).waitFor();
  await page.keyboard.press('Escape');
}

async function openPlans(session: BrowserSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('plans.html'));
  await page.getByRole('heading', { name: 'Monitoring plans', level: 1 }).waitFor();
  return page;
}

/** Submits the panel's evaluation, sending feedback anyway if the checks flag it once. */
async function submitInPanel(panel: Awaited<ReturnType<typeof panelFrame>>): Promise<void> {
  await panel.getByRole('button', { name: 'Submit evaluation' }).waitFor();
  await answerAll(panel);
  await writeSpecificFeedback(panel);
  await panel.getByRole('button', { name: 'Submit evaluation' }).click();
  const sendAnyway = panel.getByRole('button', { name: 'Send anyway' });
  const submitted = panel.getByText(/submitted: /);
  await Promise.race([sendAnyway.waitFor().then(() => sendAnyway.click()).catch(() => {}), submitted.waitFor()]);
  await submitted.waitFor();
}

describe('monitoring plans, samples and calibration', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startSession();
    await saveProfileAs(session, ME);
    // The pool: a helpdesk export of Alex Moreno's email tickets (fixture tickets 1001 and 1003) and Sam Okafor's chat.
    const dashboard = await openDashboard(session);
    await importFile(
      dashboard,
      'tickets',
      'pool',
      ['Ticket ID,Link,Via,Assignee,Created at,Satisfaction', `1001,${TICKET('1001')},Email,Alex Moreno,,4`, `1003,${TICKET('1003')},Email,Alex Moreno,,2`, `1002,${TICKET('1002')},Chat,Sam Okafor,,5`].join('\r\n'),
      /3 tickets? ready to import/,
    );
    await dashboard.close();
  });
  afterAll(() => session?.close());

  it('creates a plan, draws a sample, works the queue with Open next ticket into the panel, and replaces a ticket with a reason', async () => {
    const page = await openPlans(session);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByRole('textbox', { name: 'Plan name' }).fill('Email quality, this month');
    await page.getByRole('textbox', { name: 'Objectives' }).fill('Check refunds are explained before closing.');
    await page.getByRole('textbox', { name: 'Agents (one per line)' }).fill('Alex Moreno');
    await page.getByRole('checkbox', { name: 'Chat' }).uncheck();
    await page.getByRole('spinbutton', { name: 'Default quota' }).fill('1');
    await page.getByRole('spinbutton', { name: 'Backups per stratum' }).fill('1');
    expect(await page.getByRole('spinbutton', { name: 'Quota for Alex Moreno on Email' }).inputValue()).toBe('1');
    expect(await page.getByRole('textbox', { name: 'Reviewers (one per line)' }).inputValue()).toBe(ME);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByRole('heading', { name: 'Email quality, this month', level: 2 }).waitFor();

    await page.getByRole('textbox', { name: 'Seed' }).fill('20250501');
    await page.getByRole('button', { name: 'Draw sample' }).click();
    await page.getByText(/Drew the sample with seed 20250501 from 3 tickets in the pool, 2 of them eligible/).waitFor();
    await page.getByText('Alex Moreno · Email: 1 of 1 sampled from 2 eligible').waitFor();
    expect(await page.getByRole('row', { name: /Alex Moreno Email 0 \/ 1/ }).count()).toBe(1);
    expect(await axeViolations(page.mainFrame())).toEqual([]);

    // The queue's next ticket, opened in the helpdesk: the panel says which plan and quota it counts toward, and that it came from the queue.
    const first = (await page.getByText(/1 ticket to review, next: (\d+)\./).innerText()).match(/next: (\d+)/)![1]!;
    const [opened] = await Promise.all([session.context.waitForEvent('page'), page.getByRole('button', { name: 'Open next ticket' }).click()]);
    await opened.waitForURL(TICKET(first));
    const panel = await panelFrame(opened);
    await panel.getByText('From your queue: plan Email quality, this month, counts toward Alex Moreno on Email: 0 of 1 done.').waitFor();
    await opened.close();

    // The first one turns out to be a test ticket: replace it with the backup, saying why.
    const other = first === '1001' ? '1003' : '1001';
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await page.getByRole('textbox', { name: `Reason for replacing ticket ${first}` }).fill('Internal test ticket, not a customer');
    await page.getByRole('button', { name: 'Replace with the next backup' }).click();
    await page.getByText(`1 ticket to review, next: ${other}.`).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(`^${first} Replaced .*Internal test ticket, not a customer \\(by ${ME}\\)`) }).count()).toBe(1);
    expect(await axeViolations(page.mainFrame())).toEqual([]);

    // Working the queue: the review of the replacement finishes it, and it leaves the queue.
    const [next] = await Promise.all([session.context.waitForEvent('page'), page.getByRole('button', { name: 'Open next ticket' }).click()]);
    await next.waitForURL(TICKET(other));
    const nextPanel = await panelFrame(next);
    await nextPanel.getByText(/^From your queue: plan Email quality, this month/).waitFor();
    await submitInPanel(nextPanel);
    await next.close();
    await page.reload();
    await page.getByText('Nothing left in your queue for this plan.').waitFor();
    expect(await page.getByRole('row', { name: /Alex Moreno Email 1 \/ 1/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Open next ticket' }).isDisabled()).toBe(true);
    await page.close();
  });

  it('runs a calibration on three reviewers’ imported scores, blind in the panel, and shows the statistics', async () => {
    const page = await session.context.newPage();
    await page.goto(session.extensionUrl('calibration.html'));
    await page.getByRole('heading', { name: 'Calibration', level: 1 }).waitFor();
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.getByRole('button', { name: 'New session' }).click();
    await page.getByRole('textbox', { name: 'Session name' }).fill('Refund handling');
    for (const id of ['1001', '1002', '1003']) await page.getByRole('checkbox', { name: new RegExp(`^Ticket ${id}`) }).check();
    await page.getByRole('textbox', { name: 'Participants (one per line)' }).fill(`${ME}\nRita Reyes\nSol Santos`);
    await page.getByRole('combobox', { name: 'Benchmark reviewer' }).selectOption(ME);
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('heading', { name: 'Refund handling', level: 2 }).waitFor();

    // The others scored in their own browsers and exported their long CSV; the lead scored 1001 and 1002 the same way.
    const [stored] = await readStore<CalibrationSession>(page, 'calibrationSessions');
    const card = (await readStore<Scorecard>(page, 'scorecards')).find((s) => s.id === stored!.scorecardId && s.version === stored!.scorecardVersion);
    const criteria = card!.sections.flatMap((s) => s.criteria);
    const score = (reviewer: string, ticketId: string, pick: (i: number) => number): Evaluation => {
      const answers = Object.fromEntries(
        criteria.map((c, i) => {
          const options = scaleOptions(c.scale);
          return [c.id, { optionId: options[Math.min(options.length - 1, pick(i))]!.id, na: false, comment: '', evidence: [], rootCauses: [] }];
        }),
      );
      const result = scoreEvaluation(card!, answers);
      const ticket = stored!.tickets.find((t) => t.ticketId === ticketId)!;
      const at = Date.now() - 60_000;
      return {
        id: `${reviewer.split(' ')[0]}-${ticketId}`,
        kind: 'calibration',
        status: 'submitted',
        ticket,
        scorecardId: card!.id,
        scorecardVersion: card!.version,
        answers,
        strengths: '',
        improvements: '',
        author: { name: reviewer, role: 'supervisor' },
        score: result.score,
        passed: result.passed,
        reviewSeconds: 0,
        acknowledgeBy: null,
        history: [],
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
      };
    };
    const scores = [
      score(ME, '1001', () => 0),
      score('Rita Reyes', '1001', () => 0),
      score('Sol Santos', '1001', (i) => (i % 3 === 0 ? 1 : 0)),
      score(ME, '1002', () => 1),
      score('Rita Reyes', '1002', () => 1),
      score('Sol Santos', '1002', () => 1),
      score('Rita Reyes', '1003', () => 0),
      score('Sol Santos', '1003', (i) => i % 2),
    ];
    const csv = csvHeader({ shape: { kind: 'long' }, bom: false }) + csvChunk(scores, { shape: { kind: 'long' }, bom: false, rootCauses: [], scorecardFor: () => card });
    const file = join(os.tmpdir(), `qa-lens-calibration-${Date.now()}.csv`);
    writeFileSync(file, csv);
    await page.getByLabel('Import reviewers’ scores (long CSV)').setInputFiles(file);
    await page.getByText('8 scores of this session to store.').waitFor();
    await page.getByRole('button', { name: 'Store scores' }).click();
    await page.getByText('Stored 8 calibration scores.').waitFor();
    // Blind: the lead has not scored 1003, so the statistics wait.
    await page.getByText(/The statistics and everyone’s answers show once you have scored every ticket/).waitFor();

    // In the panel, 1003 is scored for the session, with the others' scores hidden until the lead submits.
    const ticket = await session.context.newPage();
    await ticket.goto(TICKET('1003'));
    const panel = await panelFrame(ticket);
    await panel.getByTestId('calibration-notice').getByText(/^Calibration: Refund handling\./).waitFor();
    await panel.getByText('2 evaluations of this ticket are hidden until you submit your calibration score.').waitFor();
    await submitInPanel(panel);
    await panel.getByTestId('earlier-evaluation').nth(2).waitFor();
    expect(await panel.getByTestId('hidden-evaluations').count()).toBe(0);
    expect(await panel.getByTestId('earlier-evaluation').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Calibration by Rita Reyes')]));
    await ticket.close();

    // Every score is in: the statistics are the library's, over what the database holds.
    await page.reload();
    await page.getByRole('heading', { name: 'Agreement' }).waitFor();
    const evaluations = (await readStore<Evaluation>(page, 'evaluations')).filter((e) => e.kind === 'calibration');
    expect(evaluations).toHaveLength(9);
    const expected = calibrationResults(stored!, card!, evaluations);
    await page.getByText(new RegExp(`^Overall score: Krippendorff’s α \\(interval\\) ${expected.overall.alpha!.toFixed(3)}`)).waitFor();
    for (const c of expected.criteria) {
      const row = page.getByRole('row', { name: new RegExp(`^${c.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) }).first();
      expect(await row.innerText()).toContain(c.percentAgreement === null ? '—' : `${(100 * c.percentAgreement).toFixed(1)}%`);
    }
    for (const [i, name] of stored!.participants.entries()) {
      const row = page.getByRole('row', { name: new RegExp(`^${name}`) }).first();
      expect(await row.innerText()).toContain('3 of 3');
      if (expected.alignment[i] !== null) expect(await row.innerText()).toContain(`${expected.alignment[i]!.toFixed(1)}%`);
    }
    await page.getByRole('table', { name: /Greeting/ }).waitFor();
    expect(await axeViolations(page.mainFrame())).toEqual([]);

    // Calibration scores never count toward the agent: the dashboard's agent table has only the plan's one review.
    const dashboard = await openDashboard(session);
    const agents = dashboard.getByRole('table', { name: 'QA and KPIs per agent' });
    await agents.waitFor();
    expect(await agents.getByRole('row').count()).toBe(2);
    expect(await agents.getByRole('row').nth(1).innerText()).toMatch(/^Alex Moreno\s+1\s/);
    await dashboard.close();
    await page.close();
  });
});

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { downloadedText, readDatabase } from './support/extension-data';
import {
  axeViolations,
  conversationMessage as message,
  openDashboard,
  openSettings,
  openZendeskTicket,
  saveProfileAs,
  startSession,
  submitEvaluation,
  type BrowserSession,
} from './support/session';

// Tickets 1006 and 1007 (tests/fixtures/helpdesks/zendesk/api/) are both from Morgan Price,
// morgan.price@example.net; ticket 1001 is from another customer, Dana Whitfield.
const MORGAN = { name: 'Morgan Price', email: 'morgan.price@example.net' };
/** What the worker keeps of Morgan's email: its SHA-256, trimmed and lower-cased (lib/privacy/email-fingerprint.ts). */
const FINGERPRINT = createHash('sha256').update(MORGAN.email).digest('hex');
/** A reviewer name a spreadsheet would run as a formula: the audit log's CSV must escape it. */
const REVIEWER = '=Rae Reviewer';

interface StoredEvaluation {
  id: string;
  ticket: { key: string };
  answers: Record<string, { comment: string; evidence: { quote: string; author: string; role: string }[] }>;
}
interface StoredAudit {
  id: string;
  action: string;
  summary: string;
}

const requests = (settings: Page) => settings.getByRole('region', { name: 'Requests about a person' });
const auditLog = (settings: Page) => settings.getByRole('region', { name: 'Audit log' });
const auditRows = (settings: Page) => auditLog(settings).getByRole('table').getByRole('row');
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.getAttribute('aria-label') ?? '');
const statusOf = (section: Locator) => section.getByRole('status');

/** Finds a customer by `value` in Settings → Privacy and waits for the counts. */
async function findCustomer(settings: Page, value: string): Promise<string> {
  const section = requests(settings);
  await section.getByRole('textbox', { name: 'Email or full name' }).fill(value);
  await section.getByRole('button', { name: 'Find' }).click();
  const counts = section.getByText(/^(About them: |Mentioning them: |Nothing held)/);
  await counts.first().waitFor();
  return counts.first().innerText();
}

describe('subject rights in the real browser: a customer found by email, exported, erased, and the audit log', () => {
  let session: BrowserSession;
  let backupPath = '';
  let danaBefore: StoredEvaluation | undefined;
  beforeAll(async () => {
    session = await startSession();
    await saveProfileAs(session, REVIEWER);
  });
  afterAll(() => session?.close());

  it('finds a customer of two tickets by email, exports exactly their records after a confirm step, and erases them everywhere', async () => {
    // Morgan's first ticket, with their own message (and so their name) attached as evidence.
    const first = await openZendeskTicket(session, 1006, 'Alex Moreno');
    await first.panel.getByText('Conversation (2 messages)').click();
    const morgan = message(first.panel, 'charged twice');
    await morgan.getByRole('button', { name: 'Attach as evidence' }).click();
    await morgan.getByRole('group', { name: 'Attach this message to' }).getByRole('button', { name: 'Greeting and personalisation' }).click();
    await first.panel.getByText('Attached the message to Greeting and personalisation.').waitFor();
    await submitEvaluation(first.panel);
    await first.page.close();
    for (const id of [1007, 1001]) {
      const { page, panel } = await openZendeskTicket(session, id, 'Alex Moreno');
      await submitEvaluation(panel);
      await page.close();
    }

    const settings = await openSettings(session);
    // A backup from before the erasure, for the restore below.
    const [backup] = await Promise.all([settings.waitForEvent('download'), settings.getByRole('button', { name: 'Download backup' }).click()]);
    backupPath = join(tmpdir(), `qa-lens-subject-rights-${Date.now()}.json`);
    writeFileSync(backupPath, await downloadedText(backup));

    const before = await readDatabase(settings);
    // What the product stores: no email, only the fingerprint, on both of Morgan's tickets.
    expect(JSON.stringify(before)).not.toContain(MORGAN.email);
    const morganTickets = (before.tickets as { key: string; customer: { emailSha256?: string } }[]).filter((t) => t.customer.emailSha256 === FINGERPRINT).map((t) => t.key);
    expect(morganTickets.sort()).toEqual(['zendesk:1006', 'zendesk:1007']);
    danaBefore = (before.evaluations as StoredEvaluation[]).find((e) => e.ticket.key === 'zendesk:1001');
    const danaTicketBefore = (before.tickets as { key: string }[]).find((t) => t.key === 'zendesk:1001');

    // Find by email, typed as a request might give it.
    expect(await findCustomer(settings, '  Morgan.Price@Example.NET ')).toBe('About them: 2 ticket snapshots. Mentioning them: 1 evaluations.');
    const section = requests(settings);
    expect(await axeViolations(settings.mainFrame())).toEqual([]);

    // Export: a confirm step first, with the counts, then the download.
    await section.getByRole('button', { name: 'Export a person’s data' }).click();
    const exportStep = section.getByRole('group', { name: /^Export this customer’s data as a JSON file: About them: 2 ticket snapshots\./ });
    await exportStep.waitFor();
    await expect.poll(() => focusedName(settings)).toBe('Download their data (JSON)');
    expect(await axeViolations(settings.mainFrame())).toEqual([]);
    const [download] = await Promise.all([settings.waitForEvent('download'), exportStep.getByRole('button', { name: 'Download their data (JSON)' }).click()]);
    const exported = JSON.parse(await downloadedText(download)) as {
      format: string;
      about: { tickets: { key: string; customer: { name: string; emailSha256: string } }[] };
      mentioning: { evaluations: StoredEvaluation[] };
    };
    expect(exported.format).toBe('qa-lens-person-data');
    expect(exported.about.tickets.map((t) => t.key).sort()).toEqual(['zendesk:1006', 'zendesk:1007']);
    for (const t of exported.about.tickets) expect(t.customer).toMatchObject({ name: MORGAN.name, email: '[email]', emailSha256: FINGERPRINT });
    expect(exported.mentioning.evaluations.map((e) => e.ticket.key)).toEqual(['zendesk:1006']);
    expect(JSON.stringify(exported)).not.toContain('Dana Whitfield');
    await statusOf(section).getByText(/^Saved qa-lens-customer-data-\d{4}-\d{2}-\d{2}\.json\.$/).waitFor();
    await expect.poll(() => focusedName(settings)).toBe('Export a person’s data');

    // Erase: the confirm step takes focus; Cancel gives it back; then erase for real.
    await section.getByRole('button', { name: 'Erase a person' }).click();
    await expect.poll(() => focusedName(settings)).toBe('Erase permanently');
    expect(await section.getByRole('alert').innerText()).toMatch(/It cannot be undone\./);
    expect(await axeViolations(settings.mainFrame())).toEqual([]);
    await section.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => focusedName(settings)).toBe('Erase a person');
    expect(await readDatabase(settings).then((d) => d.tickets!.length)).toBe(3);
    await section.getByRole('button', { name: 'Erase a person' }).click();
    await section.getByRole('button', { name: 'Erase permanently' }).click();
    await statusOf(section).getByText('Erased: 2 records deleted, 1 rewritten without them. The audit log records that an erasure happened, not who it was.').waitFor();
    await expect.poll(() => settings.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('text');
    expect(await axeViolations(settings.mainFrame())).toEqual([]);

    const after = await readDatabase(settings);
    // Everywhere but the audit log and the erasure list (which holds the erasure by fingerprints, below).
    const { auditLog: logAfter, erasures: _list, ...records } = after;
    const everything = JSON.stringify(records);
    expect(everything).not.toContain(MORGAN.name);
    expect(everything).not.toContain(FINGERPRINT);
    expect(JSON.stringify(logAfter)).not.toMatch(/Morgan|morgan\.price/);
    expect((after.tickets as { key: string }[]).map((t) => t.key)).toEqual(['zendesk:1001']);
    // The review of Morgan's conversation stays (it judges the agent) without Morgan's words or name.
    const review = (after.evaluations as StoredEvaluation[]).find((e) => e.ticket.key === 'zendesk:1006');
    expect(Object.values(review!.answers).flatMap((a) => a.evidence)).toEqual([expect.objectContaining({ quote: '[erased]', author: '[erased]', role: 'customer' })]);
    // The other customer is untouched.
    expect((after.evaluations as StoredEvaluation[]).find((e) => e.ticket.key === 'zendesk:1001')).toEqual(danaBefore);
    expect((after.tickets as { key: string }[]).find((t) => t.key === 'zendesk:1001')).toEqual(danaTicketBefore);
    expect(await findCustomer(settings, MORGAN.email)).toBe('Nothing held about this person.');
    await settings.close();

    // The reports still add up: every evaluation is still counted.
    expect(after.evaluations).toHaveLength(3);
    const dashboard = await openDashboard(session);
    await expect.poll(() => dashboard.getByRole('status').filter({ hasText: /^\d+ evaluations?$/ }).innerText()).toBe('3 evaluations');
    await dashboard.close();
  });

  it('the audit log shows the submits, the settings change, the export and the erasure without the person; filters; exports a formula-safe CSV; offers no edit; survives a restore, which keeps the person erased', async () => {
    const settings = await openSettings(session);
    const log = auditLog(settings);
    const table = log.getByRole('table', { name: /^Audit log, newest first \(\d+ entries\)$/ });
    await table.waitFor();
    const shown = await table.innerText();
    for (const label of ['Evaluation submitted', 'Settings changed', 'Person’s data exported', 'Person erased']) expect(shown).toContain(label);
    expect(shown).toContain('A customer erased on request: 2 records deleted, 1 rewritten without them.');
    expect(shown).toMatch(/Data held about a customer exported on request: 3 records\./);
    expect(shown).not.toMatch(/Morgan|morgan\.price/i);
    // Read-only: nothing in the log to edit or delete an entry with.
    expect(await log.getByRole('textbox').count()).toBe(0);
    expect(await table.getByRole('button').count()).toBe(0);
    expect(await table.locator('[contenteditable], input, select, textarea').count()).toBe(0);
    const total = async () => Number(/\((\d+) entries\)/.exec(await log.locator('caption').innerText())?.[1]);
    const entriesBefore = await total();

    // The filter narrows it to one kind of entry.
    await log.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Person erased' });
    await expect.poll(() => auditRows(settings).count()).toBe(2); // the header row and the erasure
    await log.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'All actions' });
    await log.getByRole('searchbox', { name: 'Containing' }).fill('exported on request');
    await expect.poll(() => auditRows(settings).count()).toBe(2);
    await log.getByRole('searchbox', { name: 'Containing' }).fill('');
    await expect.poll(() => total()).toBe(entriesBefore);
    expect(await axeViolations(settings.mainFrame())).toEqual([]);

    const [download] = await Promise.all([settings.waitForEvent('download'), log.getByRole('button', { name: 'Export audit log as CSV' }).click()]);
    const csv = (await downloadedText(download)).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('at,actor,actor_role,action,action_label,target,summary');
    expect(lines).toHaveLength(entriesBefore + 1);
    expect(csv).toContain('A customer erased on request: 2 records deleted, 1 rewritten without them.');
    expect(csv).toContain(',subject.export,');
    expect(csv).toContain(',evaluation.submit,');
    expect(csv).toContain(',settings.change,');
    // The reviewer's name begins with "=": in the CSV it is escaped, never a live formula.
    expect(csv).toContain(`'${REVIEWER}`);
    expect(csv).not.toMatch(/(^|,)=Rae/m);
    expect(csv).not.toMatch(/Morgan|morgan\.price/i);
    await statusOf(log).getByText(/^Saved qa-lens-audit-log-.*\.csv with \d+ entries\.$/).waitFor();

    // A backup from before the erasure is restored: the log keeps every entry as it was and gains one.
    const logBefore = (await readDatabase(settings)).auditLog as StoredAudit[];
    const backupSection = settings.getByRole('region', { name: 'Backup and restore' });
    await backupSection.getByLabel('Restore from backup').setInputFiles(backupPath);
    await backupSection.getByRole('button', { name: 'Restore', exact: true }).click();
    // Morgan's two tickets are in the file, and the erasure list keeps them out; the page says so.
    const restored = statusOf(backupSection).getByText(/^Restored: /);
    await restored.waitFor();
    expect(await restored.innerText()).toMatch(/ 2 records were kept erased: they belong to a person erased on request\.$/);
    expect(await axeViolations(settings.mainFrame())).toEqual([]);
    const { auditLog: restoredLog, erasures, ...restoredRecords } = await readDatabase(settings);
    expect(JSON.stringify(restoredRecords)).not.toContain(MORGAN.name);
    expect(JSON.stringify(restoredRecords)).not.toContain(FINGERPRINT);
    expect((restoredRecords.tickets as { key: string }[]).map((t) => t.key)).toEqual(['zendesk:1001']);
    // The list that holds the erasure names nobody: Morgan's email only as its fingerprint, their name salted.
    expect(JSON.stringify(erasures)).toContain(FINGERPRINT);
    expect(JSON.stringify(erasures)).not.toMatch(/Morgan|morgan\.price/i);
    expect(JSON.stringify(restoredLog)).not.toMatch(/Morgan|morgan\.price/i);
    // Still found nowhere: Settings says nothing is held about them.
    expect(await findCustomer(settings, MORGAN.email)).toBe('Nothing held about this person.');
    const logAfter = (await readDatabase(settings)).auditLog as StoredAudit[];
    expect(logAfter.filter((e) => logBefore.some((b) => b.id === e.id))).toEqual(logBefore);
    expect(logAfter.filter((e) => !logBefore.some((b) => b.id === e.id)).map((e) => e.action)).toEqual(['backup.restore']);
    expect(logAfter.some((e) => e.action === 'erasure')).toBe(true);
    await settings.reload();
    await auditLog(settings).getByRole('table').getByText('Backup restored').waitFor();
    expect(await auditLog(settings).getByRole('table').getByText('Person erased').count()).toBe(1);
    await settings.close();
  });
});

import type { Page } from 'playwright-core';
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

// Ticket 1006 (tests/fixtures/helpdesks/zendesk/api/): Morgan Price writes a card, an IBAN, an email
// address and an international phone number; the agent's reply holds the decoys.
const RAW = {
  email: 'morgan.price@example.net',
  phone: '+44 20 7946 0958',
  card: '4539 1488 0343 6467',
  iban: 'GB82 WEST 1234 5698 7654 32',
};
/** The same data as a careless copy might hold it, without its spaces. */
const RAW_COMPACT = [RAW.phone, RAW.card, RAW.iban].map((v) => v.replace(/\s/g, ''));
const DECOYS = { order: 'order #4829173650', luhnFailing: '1234 5678 1234 5678' };
const CUSTOMER_ID = 'CUS-48213977';

/** Every raw value of the fixture that must never be stored or exported, found in `text`. */
const rawFound = (text: string) => [...Object.values(RAW), ...RAW_COMPACT, CUSTOMER_ID].filter((raw) => text.includes(raw));

/** The dashboard's count of the evaluations it lists. */
const evaluationCount = (page: Page) => page.getByRole('status').filter({ hasText: /^\d+ evaluations?$/ }).innerText();

describe('privacy in the real browser: redaction, retention, subject rights, audit log', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startSession();
    await saveProfileAs(session, 'Rae Reviewer');
  });
  afterAll(() => session?.close());

  it('shows placeholders for personal data, keeps the look-alikes, and stores and exports no raw personal data', async () => {
    const { page, panel } = await openZendeskTicket(session, 1006, 'Alex Moreno');
    await panel.getByText('Conversation (2 messages)').click();
    const morgan = message(panel, 'charged twice');
    await expect.poll(() => morgan.innerText()).toContain('my card [card] was charged twice for order #4829173650');
    const shown = await morgan.innerText();
    for (const placeholder of ['[iban]', '[email]', '[phone]']) expect(shown).toContain(placeholder);
    expect(await message(panel, 'refund reference').innerText()).toContain(`your refund reference is ${DECOYS.luhnFailing}`);
    expect(rawFound(await panel.locator('body').innerText())).toEqual([]);

    await morgan.getByRole('button', { name: 'Attach as evidence' }).click();
    await morgan.getByRole('group', { name: 'Attach this message to' }).getByRole('button', { name: 'Greeting and personalisation' }).click();
    await panel.getByText('Attached the message to Greeting and personalisation.').waitFor();
    await submitEvaluation(panel);
    await page.close();

    const dashboard = await openDashboard(session);
    await expect.poll(() => evaluationCount(dashboard)).toBe('1 evaluation');
    const stored = await readDatabase(dashboard);
    const evaluation = (stored.evaluations as { ticket: { key: string }; answers: Record<string, { evidence: { quote: string }[] }> }[]).find((e) => e.ticket.key.endsWith('1006'));
    expect(Object.values(evaluation!.answers).flatMap((a) => a.evidence.map((e) => e.quote))).toEqual([expect.stringContaining('my card [card] was charged twice')]);
    const everything = JSON.stringify(stored);
    expect(rawFound(everything)).toEqual([]);
    for (const decoy of Object.values(DECOYS)) expect(everything).toContain(decoy);

    await dashboard.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = dashboard.getByRole('dialog', { name: 'Export evaluations as CSV' });
    await dialog.getByRole('radio', { name: 'Long' }).check();
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    const csv = await downloadedText(download);
    expect(csv).toContain('my card [card] was charged twice for order #4829173650');
    expect(rawFound(csv)).toEqual([]);
    await dashboard.close();
  });

  it('Settings → Privacy: a team pattern redacts the next ticket, a dangerous one is refused with its reason and nothing is saved, and the dashboard states the retention', async () => {
    const settings = await openSettings(session);
    const privacy = settings.getByRole('region', { name: 'Privacy' });
    await privacy.getByRole('button', { name: 'Add pattern' }).click();
    await privacy.getByRole('textbox', { name: 'Label 1' }).fill('customer-id');
    await privacy.getByRole('textbox', { name: 'Pattern 1' }).fill('CUS-\\d{8}');
    await privacy.getByRole('spinbutton', { name: 'Keep ticket snapshots for (days)' }).fill('90');
    await privacy.getByRole('spinbutton', { name: 'Keep evaluations for (days)' }).fill('730');
    await privacy.getByRole('button', { name: 'Save privacy settings' }).click();
    await privacy.getByText('Privacy settings saved. Ticket snapshots are kept for 90 days; evaluations are kept for 2 years.').waitFor();

    // A pattern that backtracks catastrophically, saved with a retention change: neither is kept.
    await privacy.getByRole('button', { name: 'Add pattern' }).click();
    await privacy.getByRole('textbox', { name: 'Label 2' }).fill('runaway');
    await privacy.getByRole('textbox', { name: 'Pattern 2' }).fill('(a+)+b');
    await privacy.getByRole('spinbutton', { name: 'Keep ticket snapshots for (days)' }).fill('7');
    await privacy.getByRole('button', { name: 'Save privacy settings' }).click();
    const alert = privacy.getByRole('alert');
    await alert.getByText('The privacy settings were not saved:').waitFor();
    expect(await alert.innerText()).toContain('Pattern 2 (runaway): "(a+)+b" can match the same text in many ways');
    expect(await axeViolations(settings.mainFrame())).toEqual([]);
    await settings.reload();
    await settings.getByRole('button', { name: 'Save privacy settings' }).waitFor();
    expect(await privacy.getByRole('textbox', { name: 'Pattern 1' }).inputValue()).toBe('CUS-\\d{8}');
    expect(await privacy.getByRole('textbox', { name: 'Pattern 2' }).count()).toBe(0);
    expect(await privacy.getByRole('spinbutton', { name: 'Keep ticket snapshots for (days)' }).inputValue()).toBe('90');
    const team = (await readDatabase(settings)).settings!.find((row) => (row as { key: string }).key === 'team') as { value: { privacy: { customPatterns: { pattern: string }[] } } };
    expect(team.value.privacy.customPatterns.map((p) => p.pattern)).toEqual(['CUS-\\d{8}']);
    await settings.close();

    const { page, panel } = await openZendeskTicket(session, 1007, 'Alex Moreno');
    await panel.getByText('Conversation (2 messages)').click();
    await expect.poll(() => message(panel, 'customer number').innerText()).toContain('My customer number is [customer-id].');
    await page.close();

    const dashboard = await openDashboard(session);
    await dashboard.getByText('Retention: Ticket snapshots are kept for 90 days; evaluations are kept for 2 years.').waitFor();
    await dashboard.close();
  });
});

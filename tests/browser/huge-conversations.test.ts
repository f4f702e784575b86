import type { Frame, Page } from 'playwright-core';
import { SYNC_LIMITS } from '../../lib/schemas/sync';
import { TICKET_LIMITS } from '../../lib/schemas/ticket-limits';
import { axeViolations, panelFrame, startSession, submitEvaluation, type BrowserSession } from './support/session';

const TICKET = (id: number) => `https://acme.zendesk.com/agent/tickets/${id}`;

/** The stored snapshot of a ticket, and its sizes as JSON in UTF-8 bytes, read in the panel's own (extension) origin. */
function storedSnapshot(panel: Frame, key: string) {
  return panel.evaluate(
    (key) =>
      new Promise<{ bytes: number; transcriptBytes: number; messages: number; firstText: number; truncated: unknown }>((resolve, reject) => {
        const open = indexedDB.open('qa-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('tickets').objectStore('tickets').get(key);
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            open.result.close();
            const row = get.result as { messages: { text: string }[]; truncated?: unknown } | undefined;
            if (!row) return reject(new Error(`No snapshot of ${key} was stored.`));
            const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
            resolve({ bytes: bytes(row), transcriptBytes: bytes(row.messages), messages: row.messages.length, firstText: row.messages[0]?.text.length ?? 0, truncated: row.truncated });
          };
        };
      }),
    key,
  );
}

describe('huge conversations in the real browser', () => {
  let session: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());
  beforeEach(async () => {
    page = await session.context.newPage();
  });
  afterEach(() => page.close());

  it('a 10,000-message, 5 MB conversation is stored bounded, the panel says what was left out, and it can be scored', async () => {
    await page.goto(TICKET(9001));
    const panel = await panelFrame(page);
    const notice = panel.getByRole('status', { name: 'Conversation cut short' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toMatch(/^Showing the first 1,\d{3} of 5,000 messages \(3\.0 MB\); the rest was not stored\.$/);
    // The adapter itself stops at 5,000 messages and says the rest was not read.
    await panel.getByText('Read the first 5000 comments only: the rest of the conversation was not read.').waitFor();
    // The conversation lays out a page of messages at a time; the rest are a labelled button away, and search reaches them all.
    const kept = Number(/first ([\d,]+) of/.exec((await notice.textContent()) ?? '')![1]!.replace(',', ''));
    await panel.getByText(`Conversation (${kept} messages)`).click();
    const conversation = panel.getByRole('list', { name: 'Conversation' });
    await expect.poll(() => conversation.getByRole('listitem').count()).toBe(50);
    await panel.getByRole('button', { name: 'Show 50 more messages' }).click();
    await expect.poll(() => conversation.getByRole('listitem').count()).toBe(100);
    expect(await panel.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Message 51:');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.getByRole('searchbox', { name: 'Search conversation' }).fill(`Message ${kept}:`);
    await expect.poll(() => conversation.getByRole('listitem').count()).toBe(1);
    expect(await conversation.getByRole('listitem').textContent()).toContain(`Message ${kept}:`);
    await submitEvaluation(panel);

    const stored = await storedSnapshot(panel, 'zendesk:9001');
    expect(stored.transcriptBytes).toBeLessThanOrEqual(TICKET_LIMITS.transcriptBytes);
    expect(stored.bytes).toBeLessThanOrEqual(SYNC_LIMITS.ticketRecordBytes);
    expect(stored.truncated).toMatchObject({ messagesRead: 5000, messagesKept: stored.messages, messagesClipped: 0 });
  });

  it('a single 1 MB message is stored cut at 100,000 characters, the panel says so, and it can be scored', async () => {
    await page.goto(TICKET(9002));
    const panel = await panelFrame(page);
    const notice = panel.getByRole('status', { name: 'Conversation cut short' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toBe('One message was longer than 100,000 characters and was cut there.');
    await submitEvaluation(panel);

    const stored = await storedSnapshot(panel, 'zendesk:9002');
    expect(stored.messages).toBe(1);
    expect(stored.firstText).toBe(TICKET_LIMITS.messageChars);
    expect(stored.transcriptBytes).toBeLessThanOrEqual(TICKET_LIMITS.transcriptBytes);
    expect(stored.truncated).toEqual({ messagesRead: 1, messagesKept: 1, bytesRead: expect.any(Number), messagesClipped: 1 });
  });
});

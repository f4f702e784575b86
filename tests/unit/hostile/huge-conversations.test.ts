import { getTicketSnapshot, saveTicketSnapshot } from '@/lib/db';
import { transcriptCutNotice } from '@/lib/evaluations/transcript-cut-notice';
import { clip } from '@/lib/helpdesks/define-helpdesk';
import { TicketContextSchema, TicketSnapshotSchema, type TicketContext, type TranscriptMessage } from '@/lib/schemas';
import { boundTicket, jsonBytes, TICKET_LIMITS, transcriptBytes } from '@/lib/schemas/ticket-limits';
import { freshDatabase, ticket } from '../db/factories';

/** A chat of `count` messages of about `chars` characters each, as an adapter hands it over (clipped per message). */
function conversation(count: number, chars: number): TicketContext {
  const messages: TranscriptMessage[] = Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    author: i % 2 ? 'Jordan Lee' : 'Priya Raman',
    role: i % 2 ? 'agent' : 'customer',
    text: clip(`Message ${i + 1}: ${'the sync stopped again on the Android app. '.repeat(Math.ceil(chars / 43))}`.slice(0, chars), TICKET_LIMITS.messageChars),
  }));
  return { ...ticket, ticketId: '9001', url: 'https://acme.zendesk.com/agent/tickets/9001', messages };
}

describe('huge conversations', () => {
  it('a 10,000-message, 5 MB conversation is kept to its first 640 KiB and says what was left out', () => {
    const read = conversation(10_000, 500);
    expect(transcriptBytes(read.messages)).toBeGreaterThan(5_000_000);
    const bounded = boundTicket(read);
    expect(transcriptBytes(bounded.messages)).toBeLessThanOrEqual(TICKET_LIMITS.transcriptBytes);
    expect(transcriptBytes(bounded.messages)).toBe(jsonBytes(bounded.messages));
    expect(bounded.messages[0]).toEqual(read.messages[0]);
    expect(bounded.messages.length).toBeGreaterThan(1000);
    expect(bounded.truncated).toEqual({ messagesRead: 10_000, messagesKept: bounded.messages.length, bytesRead: jsonBytes(read.messages), messagesClipped: 0 });
    expect(TicketContextSchema.safeParse(bounded).success).toBe(true);
    expect(transcriptCutNotice(bounded.truncated!)).toMatch(/^Showing the first 1,\d{3} of 10,000 messages \(5\.\d MB\); the rest was not stored\.$/);
  });

  it('a single 1 MB message is cut at 100,000 characters, kept, and the notice says it was cut', () => {
    const read = conversation(1, 1_000_000);
    const bounded = boundTicket(read);
    expect(bounded.messages).toHaveLength(1);
    expect(bounded.messages[0]!.text).toHaveLength(TICKET_LIMITS.messageChars);
    expect(bounded.truncated).toMatchObject({ messagesRead: 1, messagesKept: 1, messagesClipped: 1 });
    expect(transcriptCutNotice(bounded.truncated!)).toBe('One message was longer than 100,000 characters and was cut there.');
  });

  it('a message at every per-message limit, in characters JSON escapes to six bytes, still fits the transcript budget alone', () => {
    const worst = '\u0001';
    const message: TranscriptMessage = { id: worst.repeat(1000), author: worst.repeat(1000), role: 'internal', at: worst.repeat(1000), text: worst.repeat(TICKET_LIMITS.messageChars) };
    expect(transcriptBytes([message])).toBeLessThanOrEqual(TICKET_LIMITS.transcriptBytes);
    const bounded = boundTicket({ ...conversation(0, 0), messages: [message, message] });
    expect(bounded.messages).toHaveLength(1);
    expect(bounded.truncated).toMatchObject({ messagesRead: 2, messagesKept: 1 });
  });

  it('a conversation within the limits is handed back as it was, with no notice', () => {
    const read = conversation(200, 300);
    expect(boundTicket(read)).toBe(read);
  });

  it('a forged ticket past the content script with 5 MB of transcript is refused by the schema the worker checks', () => {
    const forged = conversation(5000, 1000);
    const parsed = TicketContextSchema.safeParse(forged);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('The conversation is over the 640 KiB a ticket may keep.');
  });

  it('the snapshot store keeps a forged 5 MB ticket bounded, still counting what the content script read', async () => {
    const db = await freshDatabase();
    const forged = conversation(5000, 1000);
    await saveTicketSnapshot(db, { ...forged, truncated: { messagesRead: 10_000, messagesKept: 5000, bytesRead: 10_400_000, messagesClipped: 0 } }, 1);
    const stored = (await getTicketSnapshot(db, 'zendesk:9001'))!;
    expect(jsonBytes(stored.messages)).toBeLessThanOrEqual(TICKET_LIMITS.transcriptBytes);
    expect(stored.truncated).toMatchObject({ messagesRead: 10_000, bytesRead: 10_400_000, messagesKept: stored.messages.length });
    expect(TicketSnapshotSchema.safeParse(stored).success).toBe(true);
  });
});

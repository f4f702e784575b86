import { fakeBrowser } from 'wxt/testing';
import { backgroundHandlers } from '@/lib/background/handlers';
import {
  erasePerson,
  exportEvaluationsCsv,
  findPerson,
  getTeamSettings,
  importEvaluations,
  listAuditLog,
  readAllTables,
  restoreBackup,
  saveDraft,
  savePrivacySettings,
  saveTeamRules,
  saveTicketSnapshot,
  submitEvaluation,
} from '@/lib/db';
import { acknowledge, dispute } from '@/lib/db/feedback';
import { newDraft } from '@/lib/evaluations/new-draft';
import { emailFingerprint, redactObservedTicket } from '@/lib/privacy';
import { BACKUP_SCHEMA_VERSION, DEFAULT_PRIVACY_SETTINGS, DEFAULT_TEAM_SETTINGS, type Evaluation, type Scorecard, type TicketContext } from '@/lib/schemas';
import { AGENT, makeReview, REVIEWER, SCORECARD } from '../feedback/review-factories';
import { freshDatabase } from '../db/factories';
import type { QaLensDatabase } from '@/lib/db';

/** What a customer writes, and what the reviewer quotes and comments of it. */
const EMAIL = 'dana.whitfield@example.com';
const PHONE = '07911 123456';
const CARD = '4111 1111 1111 1111';
const leaked = (value: unknown) => [EMAIL, PHONE, CARD].filter((pii) => JSON.stringify(value).includes(pii));

const ticket: TicketContext = {
  helpdesk: 'zendesk',
  ticketId: '1001',
  url: 'https://acme.zendesk.com/agent/tickets/1001',
  channel: 'email',
  subject: `Refund to ${CARD}`,
  status: 'open',
  customer: { name: 'Dana Whitfield', email: EMAIL },
  agent: { name: AGENT.name },
  messages: [
    { id: '1', author: EMAIL, role: 'customer', text: `Call me on ${PHONE}, card ${CARD}. Order #4829173650.` },
    { id: '2', author: AGENT.name, role: 'agent', text: 'Refund sent.' },
  ],
  complete: true,
};

function quotingDraft(card: Scorecard = SCORECARD): Evaluation {
  const draft = newDraft({ ticket, scorecard: card, author: REVIEWER, kind: 'review', now: 1 });
  const answers = Object.fromEntries(
    card.sections.flatMap((s) => s.criteria).map((c, i) => [
      c.id,
      {
        optionId: c.scale.kind === 'points' ? '4' : 'yes',
        na: false,
        comment: i === 0 ? `Customer gave ${PHONE} and the agent repeated it` : '',
        evidence: i === 0 ? [{ messageId: '1', quote: `Call me on ${PHONE}`, author: EMAIL, role: 'customer' as const }] : [],
        rootCauses: [],
      },
    ]),
  );
  return { ...draft, answers, strengths: `Confirmed ${EMAIL} before refunding`, improvements: `Never read back ${CARD}` };
}

describe('redaction before anything is stored', () => {
  it('the worker keeps the ticket a content script reports redacted, and panels only ever see that', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void seen.push(message));
    await backgroundHandlers['ticket/observed']({ ticket, frame: '0123456789abcdef0123456789abcdef' }, { sender: { id: 'x', tab: { id: 7 } }, tabId: 7 });
    const kept = (await backgroundHandlers['panel/hello']({ frame: '0123456789abcdef0123456789abcdef' }, { sender: { id: 'x', tab: { id: 7 } }, tabId: 7 })).ticket;
    expect(leaked(kept)).toEqual([]);
    expect(leaked(seen)).toEqual([]);
    expect(kept?.messages[0]?.text).toBe('Call me on [phone], card [card]. Order #4829173650.');
    // The email is kept only as its fingerprint, which Settings → Privacy finds the customer by.
    expect(kept?.customer).toEqual({ name: 'Dana Whitfield', email: '[email]', emailSha256: await emailFingerprint(ticket.customer!.email!) });
    // The URL and ids stay as read: the panel checks its frame against the URL's origin.
    expect(kept?.url).toBe(ticket.url);
  });

  it('a draft, its submission and the ticket snapshot beside it are stored redacted', async () => {
    const db = freshDatabase();
    await db.scorecards.add(SCORECARD);
    const draft = quotingDraft();
    await saveDraft(db, draft, 2);
    expect(leaked(await db.evaluations.get(draft.id))).toEqual([]);

    await submitEvaluation(db, draft, SCORECARD, ticket, 3, 'Europe/London');
    const [stored, snapshot] = [await db.evaluations.get(draft.id), await db.tickets.get('zendesk:1001')];
    expect(leaked(stored)).toEqual([]);
    expect(leaked(snapshot)).toEqual([]);
    expect(stored?.answers.greeting?.evidence[0]).toMatchObject({ quote: 'Call me on [phone]', author: '[email]' });
    expect(stored?.strengths).toBe('Confirmed [email] before refunding');
  });

  // Outlook's fallback: with no display name, a message's author is the sender's address. With no
  // customer email beside it, that author is all a request by email can find the ticket by.
  const authorOnly: TicketContext = { ...ticket, customer: { name: '' } };
  const frame = 'fedcba9876543210fedcba9876543210';
  it.each<[string, (db: QaLensDatabase) => Promise<void>]>([
    [
      'the worker’s observed ticket',
      async (db) => {
        await backgroundHandlers['ticket/observed']({ ticket: authorOnly, frame }, { sender: { id: 'x', tab: { id: 8 } }, tabId: 8 });
        const kept = (await backgroundHandlers['panel/hello']({ frame }, { sender: { id: 'x', tab: { id: 8 } }, tabId: 8 })).ticket!;
        await saveTicketSnapshot(db, kept, 5);
      },
    ],
    ['saveTicketSnapshot', (db) => saveTicketSnapshot(db, authorOnly, 5)],
    ['submitEvaluation', async (db) => void (await submitEvaluation(db, quotingDraft(), SCORECARD, authorOnly, 3, 'Europe/London'))],
  ])('an author that is an email is fingerprinted before redaction through %s, so erasing by that email finds the ticket', async (_door, store) => {
    const db = freshDatabase();
    await db.scorecards.add(SCORECARD);
    await store(db);
    const [snapshot] = await db.tickets.toArray();
    expect(leaked(snapshot)).toEqual([]);
    expect(snapshot?.messages[0]).toMatchObject({ author: '[email]', authorSha256: await emailFingerprint(EMAIL) });
    expect(snapshot?.messages[1]?.authorSha256).toBeUndefined();
    expect(await findPerson(db, { kind: 'customer', value: EMAIL.toUpperCase() })).toMatchObject({ tickets: { about: 1, mentioning: 0 } });
    await erasePerson(db, { kind: 'customer', value: EMAIL }, 9);
    expect(await db.tickets.count()).toBe(0);
  });

  it('an author fingerprint the helpdesk page sends along is not trusted', async () => {
    const forged = await redactObservedTicket({ ...authorOnly, messages: [{ id: '9', author: 'Dana', role: 'customer', text: 'Hi', authorSha256: 'f'.repeat(64) }] });
    expect(forged.messages[0]).toEqual({ id: '9', author: 'Dana', role: 'customer', text: 'Hi' });
  });

  it('a pasted transcript kept as the snapshot is redacted', async () => {
    const db = freshDatabase();
    await saveTicketSnapshot(db, ticket, 5);
    expect(leaked(await db.tickets.toArray())).toEqual([]);
  });

  it('the agent’s acknowledgement comment and dispute reasons are redacted', async () => {
    const db = freshDatabase();
    await db.scorecards.add(SCORECARD);
    await db.evaluations.bulkAdd([makeReview({ id: 'ev-a' }), makeReview({ id: 'ev-d' })]);
    await acknowledge(db, 'ev-a', AGENT, 10, `Fine, but the customer is on ${PHONE}`);
    await dispute(db, 'ev-d', AGENT, 11, [{ criterionId: 'greeting', reason: `I did greet them, see ${EMAIL}` }]);
    expect(leaked(await db.acknowledgements.toArray())).toEqual([]);
    expect(leaked(await db.disputes.toArray())).toEqual([]);
    expect(leaked(await db.evaluations.toArray())).toEqual([]);
  });

  it('uses the team’s own rules: its patterns, and the kinds it keeps', async () => {
    const db = freshDatabase();
    await savePrivacySettings(db, { ...DEFAULT_PRIVACY_SETTINGS, keep: ['phone'], customPatterns: [{ id: 'o', label: 'order', pattern: String.raw`#\d{10}`, caseSensitive: false }] }, 1);
    await saveTicketSnapshot(db, ticket, 5);
    expect((await db.tickets.get('zendesk:1001'))?.messages[0]?.text).toBe(`Call me on ${PHONE}, card [card]. Order [order].`);
  });
});

describe('redaction of what comes in and goes out', () => {
  /** A row stored before redaction existed (or pulled from a team server that had it so). */
  const raw = (): Evaluation => ({ ...makeReview({ id: 'old' }), strengths: `Used ${EMAIL}`, improvements: `Read back ${CARD}` });

  it('an imported evaluation is stored redacted', async () => {
    const db = freshDatabase();
    await importEvaluations(db, [raw()], 1);
    expect(leaked(await db.evaluations.toArray())).toEqual([]);
  });

  it('a restored backup is stored redacted', async () => {
    const db = freshDatabase();
    const tables = { scorecards: [], tickets: [{ ...ticket, key: 'zendesk:1001', capturedAt: 1 }], evaluations: [raw()], settings: [], acknowledgements: [], disputes: [], coachingPlans: [], kpis: [], importedTickets: [], reminders: [], monitoringPlans: [], samples: [], calibrationSessions: [], seenTickets: [] };
    await restoreBackup(db, { schemaVersion: BACKUP_SCHEMA_VERSION, exportedAt: 0, exportedBy: 'Rae', migratedFrom: BACKUP_SCHEMA_VERSION, tables }, 5);
    expect(leaked(await db.evaluations.toArray())).toEqual([]);
    expect(leaked(await db.tickets.toArray())).toEqual([]);
  });

  it('a backup and a CSV export leave redacted even when a stored row is not', async () => {
    const db = freshDatabase();
    await db.scorecards.add(SCORECARD);
    await db.evaluations.add(raw());
    await db.tickets.add({ ...ticket, key: 'zendesk:1001', capturedAt: 1 });
    expect(leaked(await readAllTables(db))).toEqual([]);
    const chunks: string[] = [];
    await exportEvaluationsCsv(db, { write: async (chunk) => void chunks.push(chunk) }, { shape: { kind: 'long' }, bom: false, keep: () => true });
    const csv = chunks.join('');
    expect(csv).toContain('Read back [card]');
    expect(leaked(csv)).toEqual([]);
  });
});

describe('privacy settings', () => {
  it('saving the team rules keeps the privacy settings, and saving privacy keeps the rules', async () => {
    const db = freshDatabase();
    const privacy = { ...DEFAULT_PRIVACY_SETTINGS, retention: { ticketDays: 30, evaluationDays: 365 } };
    await savePrivacySettings(db, privacy, 1);
    await saveTeamRules(db, { ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 10 }, 2);
    expect(await getTeamSettings(db)).toMatchObject({ minFeedbackChars: 10, privacy });
    expect((await listAuditLog(db)).map((e) => e.summary)).toEqual(['Team settings changed: minimum feedback length.', 'Team settings changed: privacy (redaction and retention).']);
  });
});

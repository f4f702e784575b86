/**
 * What the server refuses, and how it says so: the limits (413, 422 naming the record), unknown
 * and malformed records refused whole with the reason, and the rules on who writes what. After a
 * refusal the client sets that mutation aside and sends the rest, and nothing is lost or applied twice.
 */
import { SPOTLIGHT_KINDS, SYNC_LIMITS, TicketSnapshotSchema, type TicketSnapshot, type TranscriptMessage } from '@/lib/schemas';
import { boundTranscript, jsonBytes, TICKET_LIMITS, transcriptBytes } from '@/lib/schemas/ticket-limits';
import { addMember, ENGINES, newTeam, useHarness } from './support/harness';
import { acknowledgement, dispute, resolved, review, scorecard, snapshot } from './support/records';
import { call, errorOf } from './support/sync-client';

/** A character JSON writes as six bytes (`\u0001`): the most a string of a given length can take. */
const wide = (length: number) => '\u0001'.repeat(length);

/**
 * The largest ticket snapshot the limits let a browser keep: every field at its limit in six-byte
 * characters, every Spotlight flag at its limit, and a transcript filled to the byte.
 */
function maximalSnapshot(): TicketSnapshot {
  const message = (text: string): TranscriptMessage => ({ id: wide(1000), author: wide(1000), role: 'internal', at: wide(1000), text });
  const { messages } = boundTranscript(Array.from({ length: 200 }, () => message(wide(1000))));
  const filler = (text: string): TranscriptMessage => ({ id: 'last', author: 'A', role: 'agent', text });
  messages.push(filler('y'.repeat(TICKET_LIMITS.transcriptBytes - transcriptBytes(messages) - 1 - jsonBytes(filler('')))));
  const ticketId = wide(200);
  return {
    ...snapshot('t', 'Ana Agent'),
    helpdesk: wide(40),
    ticketId,
    key: `${wide(40)}:${ticketId}`.slice(0, 300),
    url: wide(2000),
    subject: wide(1000),
    status: wide(1000),
    customer: { name: wide(1000), email: wide(1000) },
    agent: { name: wide(1000), email: wide(1000) },
    messages,
    problem: wide(1000),
    truncated: { messagesRead: 5000, messagesKept: messages.length, bytesRead: Number.MAX_SAFE_INTEGER, messagesClipped: 5000 },
    spotlight: SPOTLIGHT_KINDS.map((kind) => ({
      kind,
      reason: wide(500),
      improved: false,
      evidence: Array.from({ length: 10 }, () => ({ message: Number.MAX_SAFE_INTEGER, start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER })),
    })),
  };
}

describe.each(ENGINES)('refusals on %s', (engine) => {
  const h = useHarness(engine);

  async function team() {
    const { teamId, admin } = await newTeam(h);
    const rita = await addMember(h, teamId, { role: 'supervisor', name: 'Rita Reviewer' });
    const sam = await addMember(h, teamId, { role: 'supervisor', name: 'Sam Supervisor' });
    const ana = await addMember(h, teamId, { role: 'agent', name: 'Ana Agent', identities: ['ana@acme.test'] });
    const bo = await addMember(h, teamId, { role: 'agent', name: 'Bo Agent' });
    return { teamId, admin, rita, sam, ana, bo };
  }

  it('refuses a body over 1 MiB with 413', async () => {
    const { rita } = await team();
    const big = 'x'.repeat(SYNC_LIMITS.bodyBytes + 10);
    const answer = await call(`${h.url}/v1/push`, { token: rita.token, raw: JSON.stringify({ clientId: rita.clientId, mutations: [], pad: big }) });
    expect(answer.status).toBe(413);
    expect(errorOf(answer).error).toMatch(/at most 1 MiB/);
  });

  it('refuses more than 500 mutations, and a record over 64 KiB by name', async () => {
    const { rita, admin } = await team();
    const many = Array.from({ length: SYNC_LIMITS.mutationsPerPush + 1 }, (_, i) => ({ id: i + 1, kind: 'evaluation', key: `ev-${i}`, op: 'delete', record: null }));
    const tooMany = await rita.push(many);
    expect(tooMany.status).toBe(422);
    expect(errorOf(tooMany).error).toMatch(/at most 500 mutations and this one has 501/);

    const fat = { ...review('ev-fat', { agent: 'Ana Agent' }), strengths: 'y'.repeat(9_000) };
    fat.improvements = 'z'.repeat(9_000);
    fat.answers = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`c${i}`, { na: false, comment: 'w'.repeat(9_000), evidence: [], rootCauses: [] }]));
    const batch = [rita.put('evaluation', review('ev-ok', { agent: 'Ana Agent' })), rita.put('evaluation', fat), rita.put('evaluation', review('ev-after', { agent: 'Ana Agent' }))];
    const refused = await rita.push(batch);
    expect(refused.status).toBe(422);
    expect(errorOf(refused)).toMatchObject({ mutationId: 2, kind: 'evaluation', key: 'ev-fat' });
    expect(errorOf(refused).error).toMatch(/ev-fat .* is \d+ KB, over the 64 KB/);
    // Refused whole: not even the mutation before it was applied.
    await admin.pullAll();
    expect(admin.holds('evaluation')).toEqual([]);
    // The client sets mutation 2 aside and sends the rest: no gap, nothing twice.
    const rest = await rita.pushOk([batch[0]!, batch[2]!]);
    expect(rest.lastMutationId).toBe(3);
    await admin.pullAll();
    expect(admin.holds('evaluation')).toEqual(['evaluation:ev-after', 'evaluation:ev-ok']);
  });

  it('shares the largest ticket snapshot the transcript limits allow, and refuses one a byte over the ticket limit by name', async () => {
    const { rita, admin } = await team();
    const largest = maximalSnapshot();
    expect(transcriptBytes(largest.messages)).toBe(TICKET_LIMITS.transcriptBytes);
    expect(TicketSnapshotSchema.safeParse(largest).success).toBe(true);
    const bytes = jsonBytes(largest);
    expect(bytes).toBeGreaterThan(SYNC_LIMITS.recordBytes);
    expect(bytes).toBeLessThanOrEqual(SYNC_LIMITS.ticketRecordBytes);
    await rita.pushOk([rita.put('ticket', largest)]);

    const last = largest.messages.at(-1)!;
    const base = { ...largest, key: 'zendesk:over', ticketId: 'over' };
    const pad = 'y'.repeat(SYNC_LIMITS.ticketRecordBytes + 1 - jsonBytes(base));
    const over = { ...base, messages: [...largest.messages.slice(0, -1), { ...last, text: last.text + pad }] };
    expect(jsonBytes(over)).toBe(SYNC_LIMITS.ticketRecordBytes + 1);
    const refused = await rita.push([rita.put('ticket', over)]);
    expect(refused.status).toBe(422);
    expect(errorOf(refused)).toMatchObject({ kind: 'ticket', key: 'zendesk:over' });
    expect(errorOf(refused).error).toMatch(/^The ticket zendesk:over \(mutation \d+\) is 769 KB, over the 768 KB a ticket snapshot may be: shorten it to share it with the team\.$/);
    await admin.pullAll();
    expect(admin.holds('ticket')).toEqual([`ticket:${largest.key}`]);
  });

  it('refuses unknown kinds and malformed records whole, naming the mutation and the reason', async () => {
    const { rita } = await team();
    const good = rita.put('evaluation', review('ev-1', { agent: 'Ana Agent' }));
    const cases: [unknown, RegExp, Record<string, unknown>][] = [
      [{ id: 2, kind: 'calibration-sesion', key: 's1', op: 'put', record: {} }, /kind "calibration-sesion", which this team server does not know/, { mutationId: 2, key: 's1' }],
      [{ id: 2, kind: 'evaluation', key: 'ev-2', op: 'put', record: { ...review('ev-2', { agent: 'A' }), score: 140 } }, /not a valid evaluation: score/, { mutationId: 2, kind: 'evaluation', key: 'ev-2' }],
      [{ id: 2, kind: 'evaluation', key: 'ev-2', op: 'put', record: review('ev-3', { agent: 'A' }) }, /names the evaluation "ev-2", but the record in it is "ev-3"/, { mutationId: 2, key: 'ev-2' }],
      [{ id: 2, kind: 'evaluation', key: 'ev-2', op: 'put', record: null }, /with no record/, { mutationId: 2 }],
      [{ id: 2, kind: 'evaluation', key: 'ev-2', op: 'upsert', record: null }, /malformed \(op/, { mutationId: 2 }],
    ];
    for (const [i, [mutation, message, named]] of cases.entries()) {
      // Each refused id is remembered as refused for good, so each case takes a fresh one.
      const id = 2 + i;
      const answer = await rita.push([good, { ...(mutation as object), id }]);
      expect(answer.status, JSON.stringify(mutation)).toBe(422);
      expect(errorOf(answer).error).toMatch(message);
      expect(errorOf(answer)).toMatchObject({ ...named, mutationId: id });
    }
    for (const body of [{ mutations: [] }, { clientId: rita.clientId, mutations: 'x' }]) {
      const answer = await call(`${h.url}/v1/push`, { token: rita.token, body });
      expect(answer.status).toBe(422);
      expect(errorOf(answer).mutationId).toBeUndefined();
    }
    const notJson = await call(`${h.url}/v1/push`, { token: rita.token, raw: '{"clientId":' });
    expect(notJson.status).toBe(400);
  });

  it('keeps each review its reviewer’s, and each answer the agent’s it is about', async () => {
    const { rita, sam, ana, bo, admin } = await team();
    const ev = review('ev-1', { agent: 'ana@acme.test' });
    await rita.pushOk([rita.put('evaluation', ev)]);

    const refusals: [typeof rita, ReturnType<typeof rita.put>, RegExp][] = [
      [sam, sam.put('evaluation', { ...ev, strengths: 'Rewritten by someone else' }), /Only the member who first shared this evaluation/],
      [sam, sam.remove('evaluation', 'ev-1'), /Only the member who first shared this evaluation/],
      [bo, bo.put('acknowledgement', acknowledgement('ack-bo', 'ev-1', 'Bo Agent')), /only acknowledge reviews of your own tickets/],
      [bo, bo.put('dispute', dispute('dis-bo', 'ev-1', 'Bo Agent')), /only dispute reviews of your own tickets/],
      [ana, ana.put('acknowledgement', acknowledgement('ack-x', 'ev-missing', 'Ana Agent')), /not on the team server/],
      [ana, ana.put('evaluation', review('rev-by-agent', { agent: 'ana@acme.test', byRole: 'agent' })), /can only share their own self-assessments/],
      [ana, ana.put('evaluation', review('self-of-bo', { agent: 'Bo Agent', kind: 'self-assessment' })), /self-assessments of their own tickets/],
      [rita, rita.put('acknowledgement', acknowledgement('ack-rita', 'ev-1', 'Rita')), /cannot change the team's acknowledgements/],
      [rita, rita.put('evaluation', { ...review('draft', { agent: 'Ana Agent' }), status: 'draft', score: null, passed: null, submittedAt: null }), /Drafts stay/],
    ];
    for (const [browser, mutation, message] of refusals) {
      const answer = await browser.push([mutation]);
      expect(answer.status, message.source).toBe(403);
      expect(errorOf(answer)).toMatchObject({ mutationId: mutation.id, kind: mutation.kind, key: mutation.key });
      expect(errorOf(answer).error).toMatch(message);
    }

    // What is theirs to write goes through, right after the refused ids.
    const open = dispute('dis-ana', 'ev-1', 'Ana Agent');
    await ana.pushOk([ana.put('acknowledgement', acknowledgement('ack-ana', 'ev-1', 'Ana Agent')), ana.put('dispute', open)]);
    // A supervisor resolves; they may not rewrite what the agent disputed, and the agent may not reopen it.
    const rewritten = await sam.push([sam.put('dispute', { ...resolved(open, 'Sam Supervisor'), criteria: [{ criterionId: 'tone', reason: 'Changed' }] })]);
    expect(rewritten.status).toBe(403);
    expect(errorOf(rewritten).error).toMatch(/cannot change what the agent disputed/);
    await sam.pushOk([sam.put('dispute', resolved(open, 'Sam Supervisor'))]);
    const reopen = await ana.push([ana.put('dispute', open)]);
    expect(reopen.status).toBe(403);
    expect(errorOf(reopen).error).toMatch(/has been resolved/);
    await rita.pushOk([rita.put('evaluation', { ...ev, status: 'resolved' })]);

    await admin.pullAll();
    expect(admin.holds('evaluation', 'acknowledgement', 'dispute')).toEqual(['acknowledgement:ack-ana', 'dispute:dis-ana', 'evaluation:ev-1']);
    expect(admin.records.get('dispute:dis-ana')).toMatchObject({ status: 'resolved' });
    expect(admin.records.get('evaluation:ev-1')).toMatchObject({ status: 'resolved', strengths: ev.strengths });
  });

  it('lets later arrival win for records without a single writer', async () => {
    const { admin, rita, sam } = await team();
    await admin.pushOk([admin.put('scorecard', { ...scorecard(), name: 'First' })]);
    await admin.pushOk([admin.put('scorecard', { ...scorecard(), name: 'Second' })]);
    const plan = (await import('./support/records')).coachingPlan('plan-1', 'Ana Agent');
    await rita.pushOk([rita.put('coaching-plan', plan)]);
    await sam.pushOk([sam.put('coaching-plan', { ...plan, goal: 'Sam took over the plan.' })]);
    await rita.pullAll();
    expect(rita.records.get('scorecard:sc-basics@1')).toMatchObject({ name: 'Second' });
    expect(rita.records.get('coaching-plan:plan-1')).toMatchObject({ goal: 'Sam took over the plan.' });
  });
});

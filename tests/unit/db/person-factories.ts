/**
 * A team browser holding two customers' tickets (Dana Whitfield's two, Sam Lee's one that mentions
 * Dana), a review of each, an acknowledgement, a coaching plan and a KPI answer: what the subject
 * rights tests erase people from.
 */
import { saveTicketSnapshot } from '@/lib/db';
import { redactObservedTicket } from '@/lib/privacy';
import type { Evaluation, KpiRecord, TicketContext } from '@/lib/schemas';
import { makeReview, REVIEWER } from '../feedback/review-factories';
import { ticket } from './factories';
import { joinedTeam } from './team-factories';

export const NOW = Date.parse('2026-12-01T12:00:00Z');

// Tickets as the helpdesk page shows them; seeded() keeps them the way the product does, through
// the worker's redaction, so the customer's email is never stored as it is here.
export const danaTicket: TicketContext = {
  ...ticket,
  customer: { name: 'Dana Whitfield', email: 'dana@example.com' },
  agent: { name: 'Ana Agent' },
  messages: [
    { id: 'm1', author: 'Dana Whitfield', role: 'customer', text: 'Where is my refund?' },
    { id: 'm2', author: 'Ana Agent', role: 'agent', text: 'Hi Dana Whitfield, it is on its way.' },
  ],
};
export const danaAgain: TicketContext = {
  ...danaTicket,
  ticketId: '1003',
  url: 'https://acme.zendesk.com/agent/tickets/1003',
  customer: { name: 'Dana Whitfield', email: ' Dana@Example.com' },
  messages: [{ id: 'm5', author: 'Dana Whitfield', role: 'customer', text: 'Still nothing. Write to dana@example.com please.' }],
};
export const otherTicket: TicketContext = { ...danaTicket, ticketId: '2002', customer: { name: 'Sam Lee' }, agent: { name: 'Ben Agent' }, messages: [{ id: 'm9', author: 'Sam Lee', role: 'customer', text: 'My neighbour Dana Whitfield had the same problem.' }] };

export const reviewOfDana: Evaluation = {
  ...makeReview({ id: 'ev-dana' }),
  answers: { greeting: { optionId: 'yes', na: false, comment: 'Used Dana Whitfield’s name', evidence: [{ messageId: 'm2', quote: 'Hi Dana Whitfield', author: 'Ana Agent', role: 'agent' }], rootCauses: [] } },
};
export const reviewOfBen: Evaluation = { ...makeReview({ id: 'ev-ben', agent: 'Ben Agent' }), ticket: { ...makeReview().ticket, key: 'zendesk:2002', ticketId: '2002', agent: { name: 'Ben Agent' } }, strengths: 'Calmer than Ana Agent was.' };

export async function seeded() {
  const db = await joinedTeam('admin', REVIEWER.name, NOW);
  for (const read of [danaTicket, danaAgain, otherTicket]) await saveTicketSnapshot(db, await redactObservedTicket(read), 1);
  await db.evaluations.bulkAdd([reviewOfDana, reviewOfBen]);
  await db.acknowledgements.add({ id: 'ack-1', evaluationId: 'ev-dana', agent: { name: 'Ana Agent', role: 'agent' }, comment: 'Thanks', createdAt: 2 });
  await db.coachingPlans.add({ id: 'plan-ana', agent: { name: 'Ana Agent' }, followUpAt: 5 } as never);
  const kpi: KpiRecord = { id: 'kpi-1', scope: 'ticket', ticketKey: 'zendesk:1001', agent: 'Ana Agent', at: null, kpis: { csat: 2, nps: null, firstContactResolved: null, firstResponseSeconds: null, resolutionSeconds: null, reopens: null }, source: 'panel', createdAt: 1, updatedAt: 1 };
  await db.kpis.add(kpi);
  await db.outbox.clear();
  return db;
}


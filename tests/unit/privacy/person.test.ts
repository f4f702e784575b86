import { findPersonRecords, planErasure, type PersonTables } from '@/lib/privacy/person';
import type { Evaluation, TicketSnapshot } from '@/lib/schemas';
import { makeReview } from '../feedback/review-factories';
import { ticket } from '../db/factories';

const snapshot = (id: string, customer: string, messages: TicketSnapshot['messages']): TicketSnapshot => ({ ...ticket, ticketId: id, key: `zendesk:${id}`, customer: { name: customer }, messages, capturedAt: 1 });

/** A review of ticket `id` that quotes the agent and comments with `comment`. */
const reviewOf = (id: string, quote: string, comment: string): Evaluation => {
  const base = makeReview({ id: `ev-${id}` });
  return {
    ...base,
    ticket: { ...base.ticket, key: `zendesk:${id}`, ticketId: id },
    answers: { greeting: { optionId: 'yes', na: false, comment, evidence: [{ messageId: 'a1', quote, author: 'Alex Moreno', role: 'agent' }], rootCauses: [] } },
  };
};

function tablesOf(tickets: TicketSnapshot[], evaluations: Evaluation[]): PersonTables {
  return { tickets, evaluations, acknowledgements: [], disputes: [], coachingPlans: [], kpis: [], importedTickets: [], reminders: [] };
}

const erase = (tables: PersonTables, value: string) => {
  const query = { kind: 'customer' as const, value };
  return planErasure(findPersonRecords(tables, query), query, 10);
};
const rewritten = (plan: ReturnType<typeof erase>, id: string) => plan.rewrite.evaluations.find((e) => e.id === id)?.answers.greeting;

describe('erasing a customer’s first name', () => {
  const morgan = snapshot('1', 'Morgan Lee', [
    { id: 'c1', author: 'Morgan Lee', role: 'customer', text: 'I was charged twice.' },
    { id: 'a1', author: 'Alex Moreno', role: 'agent', text: 'Hi Morgan, sorry about that.' },
  ]);
  const sam = snapshot('2', 'Sam Hill', [{ id: 'a1', author: 'Alex Moreno', role: 'agent', text: 'Hi Sam, Morgan from billing will call.' }]);

  it('in a review of their own ticket, their first name alone goes, from quotes and comments', () => {
    const plan = erase(tablesOf([morgan, sam], [reviewOf('1', 'Hi Morgan, sorry about that.', 'Greeted Morgan by name; Lee family account.')]), 'Morgan Lee');
    expect(rewritten(plan, 'ev-1')).toMatchObject({ comment: 'Greeted [erased] by name; [erased] family account.', evidence: [{ quote: 'Hi [erased], sorry about that.' }] });
  });

  it('elsewhere only their full name counts: another customer’s ticket and its review keep a first name that may be someone else', () => {
    const samsReview = reviewOf('2', 'Morgan from billing will call.', 'Handed over to Morgan.');
    const plan = erase(tablesOf([morgan, sam], [samsReview]), 'Morgan Lee');
    expect(plan.rewrite.tickets).toEqual([]);
    expect(plan.rewrite.evaluations).toEqual([]);
    expect(plan.remove.tickets.map((t) => t.key)).toEqual(['zendesk:1']);
  });

  it('a first name that is a common word is left alone in other customers’ tickets, and lower-case in their own', () => {
    const hope = snapshot('3', 'Hope Lee', [{ id: 'a1', author: 'Alex Moreno', role: 'agent', text: 'Hi Hope, I hope this helps.' }]);
    const other = snapshot('4', 'Ray Ng', [{ id: 'a1', author: 'Alex Moreno', role: 'agent', text: 'Hope this helps, Ray.' }]);
    const tables = tablesOf([hope, other], [reviewOf('3', 'Hi Hope, I hope this helps.', 'Hope was upset.'), reviewOf('4', 'Hope this helps, Ray.', 'Hope you agree: good close.')]);
    const plan = erase(tables, 'Hope Lee');
    expect(rewritten(plan, 'ev-3')).toMatchObject({ comment: '[erased] was upset.', evidence: [{ quote: 'Hi [erased], I hope this helps.' }] });
    expect(plan.rewrite.evaluations.map((e) => e.id)).toEqual(['ev-3']);
    expect(plan.rewrite.tickets).toEqual([]);
  });

  it('the agent’s acknowledgement and dispute of a review of their ticket lose the first name too; those of another ticket keep it', () => {
    const agent = { name: 'Alex Moreno', role: 'agent' as const };
    const tables = tablesOf([morgan, sam], [reviewOf('1', 'Hi Morgan, sorry about that.', ''), reviewOf('2', 'Hi Sam.', '')]);
    tables.acknowledgements = [
      { id: 'ack-1', evaluationId: 'ev-1', agent, comment: 'Morgan was upset, fair point.', createdAt: 2 },
      { id: 'ack-2', evaluationId: 'ev-2', agent, comment: 'Morgan from billing called Sam back.', createdAt: 2 },
    ];
    tables.disputes = [
      {
        id: 'd-1',
        evaluationId: 'ev-1',
        agent,
        criteria: [{ criterionId: 'greeting', reason: 'I greeted Morgan by name.' }],
        createdAt: 3,
        status: 'resolved',
        resolution: { by: { name: 'Rita Reviewer', role: 'supervisor' }, at: 4, decisions: [{ criterionId: 'greeting', decision: 'rejected', reason: 'Morgan was not greeted.' }] },
      },
    ];
    const plan = erase(tables, 'Morgan Lee');
    expect(plan.rewrite.acknowledgements.map((a) => [a.id, a.comment])).toEqual([['ack-1', '[erased] was upset, fair point.']]);
    expect(plan.rewrite.disputes[0]?.criteria[0]?.reason).toBe('I greeted [erased] by name.');
    expect(plan.rewrite.disputes[0]?.resolution?.decisions[0]?.reason).toBe('[erased] was not greeted.');
    expect(plan.remove.acknowledgements).toEqual([]);
  });

  it('found by email, the names their tickets give them are split the same way', () => {
    const byEmail = { ...morgan, customer: { name: 'Morgan Lee', email: '[email]', emailSha256: 'a'.repeat(64) } };
    const query = { kind: 'customer' as const, value: 'morgan@example.org', emailSha256: 'a'.repeat(64) };
    const plan = planErasure(findPersonRecords(tablesOf([byEmail], [reviewOf('1', 'Hi Morgan', '')]), query), query, 10);
    expect(rewritten(plan, 'ev-1')?.evidence).toEqual([expect.objectContaining({ quote: 'Hi [erased]' })]);
  });
});

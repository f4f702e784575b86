import { newDraft } from '@/lib/evaluations/new-draft';
import { fillableFields, fillInsFromDraft, withFillIns } from '@/lib/evaluations/ticket-fill-ins';
import type { TicketContext } from '@/lib/schemas';
import { ticket } from '../db/factories';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';

const degraded: TicketContext = { ...ticket, agent: null, channel: 'other', problem: 'Read from the page because the API failed.' };
const loading: TicketContext = { ...ticket, agent: null, channel: 'other', complete: false };

describe('fields the reviewer fills in', () => {
  it.each([
    ['a fully read ticket', ticket, { agent: false, channel: false }],
    ['a ticket still being read', loading, { agent: false, channel: false }],
    ['a read that could not find the agent or channel', degraded, { agent: true, channel: true }],
    ['a complete read with no assignee', { ...ticket, agent: null }, { agent: true, channel: false }],
  ])('%s', (_case, input, expected) => {
    expect(fillableFields(input)).toEqual(expected);
  });

  it('completes a degraded ticket with what was typed, trimmed', () => {
    expect(withFillIns(degraded, { agent: '  Alex Moreno ', channel: 'chat' })).toMatchObject({ agent: { name: 'Alex Moreno' }, channel: 'chat' });
  });

  it('never overrides what the adapter read', () => {
    expect(withFillIns(ticket, { agent: 'Someone else', channel: 'voice' })).toMatchObject({ agent: ticket.agent, channel: 'email' });
  });

  it('restores fill-ins from a saved draft', () => {
    const scorecard = { ...SCORECARD_TEMPLATES[0]!, id: 'card', version: 1, archived: false, createdAt: 0, updatedAt: 0 };
    const draft = newDraft({ ticket: withFillIns(degraded, { agent: 'Alex Moreno', channel: 'chat' }), scorecard, author: { name: 'Rae', role: 'supervisor' }, now: 1 });
    expect(fillInsFromDraft(draft, degraded)).toEqual({ agent: 'Alex Moreno', channel: 'chat' });
    expect(fillInsFromDraft(null, degraded)).toEqual({});
  });
});

import { newDraft } from '@/lib/evaluations/new-draft';
import { fillableFields, fillInsFromDraft, pastedFromSnapshot, withFillIns } from '@/lib/evaluations/ticket-fill-ins';
import type { TicketContext } from '@/lib/schemas';
import { ticket } from '../db/factories';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';

const degraded: TicketContext = { ...ticket, agent: null, channel: 'other', messages: [], problem: 'Read from the page because the API failed.' };
const loading: TicketContext = { ...ticket, agent: null, channel: 'other', complete: false };

describe('fields the reviewer fills in', () => {
  it.each([
    ['a fully read ticket', ticket, { agent: false, channel: false, transcript: false }],
    ['a ticket still being read', { ...loading, messages: [] }, { agent: false, channel: false, transcript: false }],
    ['a read that could not find the agent, channel or conversation', degraded, { agent: true, channel: true, transcript: true }],
    ['a complete read with no assignee', { ...ticket, agent: null }, { agent: true, channel: false, transcript: false }],
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
    const draft = newDraft({ ticket: withFillIns(degraded, { agent: 'Alex Moreno', channel: 'chat' }), scorecard, author: { name: 'Rae', role: 'supervisor', identities: [] }, now: 1 });
    expect(fillInsFromDraft(draft, degraded)).toEqual({ agent: 'Alex Moreno', channel: 'chat' });
    expect(fillInsFromDraft(null, degraded)).toEqual({});
  });

  it('uses a pasted conversation only where none was read, and finds it again in the snapshot', () => {
    const pasted = [{ id: 'pasted-1', author: 'Dana', role: 'customer' as const, text: 'Hi' }];
    expect(withFillIns(degraded, { messages: pasted }).messages).toEqual(pasted);
    expect(withFillIns(ticket, { messages: pasted }).messages).toEqual(ticket.messages);
    expect(pastedFromSnapshot({ ...degraded, messages: pasted }, degraded)).toEqual({ messages: pasted });
    expect(pastedFromSnapshot({ ...degraded, messages: ticket.messages }, degraded)).toEqual({});
    expect(pastedFromSnapshot(undefined, degraded)).toEqual({});
  });
});

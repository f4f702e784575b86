import { QaLensDatabase } from '@/lib/db';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';
import type { ScorecardContent, TicketContext } from '@/lib/schemas';

/** A fresh database of its own for each test: fake-indexeddb keeps them apart by name. */
export function freshDatabase(): QaLensDatabase {
  return new QaLensDatabase(`test-${crypto.randomUUID()}`);
}

export const chatTemplate: ScorecardContent = SCORECARD_TEMPLATES[0]!;

export const ticket: TicketContext = {
  helpdesk: 'zendesk',
  ticketId: '1001',
  url: 'https://acme.zendesk.com/agent/tickets/1001',
  channel: 'email',
  subject: 'Refund for order #4411 not received',
  status: 'open',
  customer: { name: 'Dana Whitfield' },
  agent: { name: 'Alex Moreno' },
  messages: [{ id: '1', author: 'Dana Whitfield', role: 'customer', text: 'Where is my refund?' }],
  complete: true,
};

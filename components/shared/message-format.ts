import type { MessageRole } from '@/lib/schemas';

export const ROLE_LABELS: Record<MessageRole, string> = {
  customer: 'Customer',
  agent: 'Agent',
  bot: 'Bot',
  internal: 'Internal note',
};

/** A message's time in the reader's locale; the helpdesk's own text when it is not a date. */
export function formatMessageTime(at: string | undefined): string {
  if (!at) return '';
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString();
}

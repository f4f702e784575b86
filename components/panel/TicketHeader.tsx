import { CHANNEL_LABELS, type TicketContext } from '@/lib/schemas';

/** Which ticket is being scored: shown as soon as the id is known, filled in as the rest arrives. */
export function TicketHeader({ ticket, onClose }: { ticket: TicketContext; onClose: () => void }) {
  return (
    <header class="ticket-header">
      <div class="ticket-title">
        <h1>
          Ticket <span data-testid="ticket-ref">#{ticket.ticketId}</span>
        </h1>
        <button type="button" class="icon" aria-label="Close QA Lens panel" onClick={onClose}>
          ×
        </button>
      </div>
      {ticket.subject && <p class="subject">{ticket.subject}</p>}
      <dl class="facts">
        <div>
          <dt>Channel</dt>
          <dd data-testid="ticket-channel">{ticket.complete ? CHANNEL_LABELS[ticket.channel] : '…'}</dd>
        </div>
        <div>
          <dt>Agent</dt>
          <dd data-testid="ticket-agent">{ticket.agent?.name ?? (ticket.complete ? 'Unassigned' : '…')}</dd>
        </div>
        <div>
          <dt>Customer</dt>
          <dd>{ticket.customer?.name ?? '…'}</dd>
        </div>
        {ticket.status && (
          <div>
            <dt>Status</dt>
            <dd>{ticket.status}</dd>
          </div>
        )}
      </dl>
      {!ticket.complete && !ticket.problem && <p class="muted" role="status">Reading the ticket…</p>}
      {ticket.problem && <p class="warning">{ticket.problem}</p>}
    </header>
  );
}

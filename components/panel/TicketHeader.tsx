import { transcriptCutNotice } from '@/lib/evaluations/transcript-cut-notice';
import { fillableFields, type TicketFillIns } from '@/lib/evaluations/ticket-fill-ins';
import { CHANNEL_LABELS, CHANNELS, type Channel, type TicketContext } from '@/lib/schemas';

interface Props {
  /** The ticket as read, before the reviewer's fill-ins. */
  ticket: TicketContext;
  fillIns: TicketFillIns;
  onFillIn: (fillIns: TicketFillIns) => void;
  onClose: () => void;
}

/**
 * Which ticket is being scored: shown as soon as the id is known, filled in as the rest arrives.
 * Fields the adapter could not read become inputs, so a changed helpdesk page never blocks scoring.
 */
export function TicketHeader({ ticket, fillIns, onFillIn, onClose }: Props) {
  const fillable = fillableFields(ticket);
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
          {fillable.channel ? (
            <dd>
              <select aria-label="Channel" value={fillIns.channel ?? ''} onChange={(e) => onFillIn({ ...fillIns, channel: (e.currentTarget.value || undefined) as Channel | undefined })}>
                <option value="">Choose…</option>
                {CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {CHANNEL_LABELS[channel]}
                  </option>
                ))}
              </select>
            </dd>
          ) : (
            <dd data-testid="ticket-channel">{ticket.complete ? CHANNEL_LABELS[ticket.channel] : '…'}</dd>
          )}
        </div>
        <div>
          <dt>Agent</dt>
          {fillable.agent ? (
            <dd>
              <input type="text" aria-label="Agent" placeholder="Who handled it?" maxLength={200} value={fillIns.agent ?? ''} onInput={(e) => onFillIn({ ...fillIns, agent: e.currentTarget.value })} />
            </dd>
          ) : (
            <dd data-testid="ticket-agent">{ticket.agent?.name ?? '…'}</dd>
          )}
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
      {ticket.truncated && (
        <p class="warning" role="status" aria-label="Conversation cut short">
          {transcriptCutNotice(ticket.truncated)}
        </p>
      )}
    </header>
  );
}

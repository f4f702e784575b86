import type { TranscriptMessage } from '@/lib/schemas';

const ROLE_LABELS: Record<TranscriptMessage['role'], string> = {
  customer: 'Customer',
  agent: 'Agent',
  bot: 'Bot',
  internal: 'Internal note',
};

function formatTime(at: string | undefined): string {
  if (!at) return '';
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString();
}

/** The conversation as plain text: whatever the helpdesk page held, nothing here is HTML. */
export function Transcript({ messages }: { messages: TranscriptMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <details class="transcript">
      <summary>Conversation ({messages.length} messages)</summary>
      <ol aria-label="Conversation">
        {messages.map((message) => (
          <li key={message.id} class={`message role-${message.role}`}>
            <div class="message-meta">
              <strong>{message.author}</strong> <span class="muted">· {ROLE_LABELS[message.role]}</span>
              {message.at && <time dateTime={message.at}> · {formatTime(message.at)}</time>}
            </div>
            <p class="message-text">{message.text}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}

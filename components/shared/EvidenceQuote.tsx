import type { Evidence } from '@/lib/schemas';
import { formatMessageTime, ROLE_LABELS } from './message-format';
import './evidence.css';

/** A quoted passage of the conversation and who said it when. Plain text only, like the transcript. */
export function EvidenceQuote({ evidence }: { evidence: Evidence }) {
  return (
    <>
      <q class="evidence-quote">{evidence.quote}</q>{' '}
      <span class="muted evidence-meta">
        {evidence.author} · {ROLE_LABELS[evidence.role]}
        {evidence.at && <> · {formatMessageTime(evidence.at)}</>} · message {evidence.messageId}
      </span>
    </>
  );
}

import { useState } from 'preact/hooks';
import { parsePastedTranscript } from '@/lib/evaluations/parse-pasted-transcript';
import type { TranscriptMessage } from '@/lib/schemas';

/** Where no conversation could be read: the reviewer pastes it, and it is kept with the ticket. */
export function PasteTranscript({ onUse }: { onUse: (messages: TranscriptMessage[]) => void }) {
  const [text, setText] = useState('');
  const messages = parsePastedTranscript(text);
  return (
    <details class="paste-transcript">
      <summary>No conversation could be read: paste it</summary>
      <p class="muted">One message per line that starts with the speaker’s name and a colon, e.g. “Dana: Where is my refund?”.</p>
      <textarea aria-label="Pasted conversation" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button type="button" disabled={messages.length === 0} onClick={() => onUse(messages)}>
        Use this conversation ({messages.length} messages)
      </button>
    </details>
  );
}

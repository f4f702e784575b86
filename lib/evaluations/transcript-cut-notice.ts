import { TICKET_LIMITS, type TranscriptCut } from '../schemas/ticket-limits';

const number = new Intl.NumberFormat('en-GB');
const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * What the panel says about a conversation that was over the limits: which messages it shows and
 * what was not stored, so a reviewer never scores a cut transcript unaware.
 */
export function transcriptCutNotice(cut: TranscriptCut): string {
  const parts: string[] = [];
  if (cut.messagesKept < cut.messagesRead) {
    parts.push(
      `Showing the first ${number.format(cut.messagesKept)} of ${number.format(cut.messagesRead)} messages (${megabytes(cut.bytesRead)}); the rest was not stored.`,
    );
  }
  if (cut.messagesClipped > 0) {
    const one = cut.messagesClipped === 1;
    parts.push(
      `${one ? 'One message was' : `${number.format(cut.messagesClipped)} messages were`} longer than ${number.format(TICKET_LIMITS.messageChars)} characters and ${one ? 'was' : 'were'} cut there.`,
    );
  }
  return parts.join(' ');
}

/**
 * Limits that keep a hostile or runaway page from filling the database through one ticket. A
 * module of their own, free of zod, so the content script's adapters can clip to them.
 */
export const TICKET_LIMITS = {
  messages: 5000,
  messageChars: 100_000,
  fieldChars: 1000,
  /**
   * The whole transcript, as the JSON it is stored and synced as, in UTF-8 bytes (640 KiB). Bytes,
   * not characters: the team server measures records in bytes, and one character can take up to six
   * as JSON (`\u0001`). 640 KiB holds a long email thread (200 emails of 3,000 characters) or a
   * day-long chat (3,000 lines), renders in the panel without a pause, and leaves a snapshot that
   * fits one sync request (SYNC_LIMITS.ticketRecordBytes). It is also above the largest single
   * message the other limits allow (100,000 characters, ids and author at 1,000: about 618,000 bytes
   * at six bytes each), so the first message is always kept.
   */
  transcriptBytes: 640 * 1024,
} as const;

/** What a transcript over the limits lost: stored on the ticket as `truncated` and shown in the panel. */
export interface TranscriptCut {
  /** Messages the adapter read, and how many of them were kept. */
  messagesRead: number;
  messagesKept: number;
  /** UTF-8 bytes of the messages read, as JSON. */
  bytesRead: number;
  /** Messages cut at `TICKET_LIMITS.messageChars` (by the adapter, which marks the cut with `…`). */
  messagesClipped: number;
}

interface MessageLike {
  text: string;
}

let encoder: TextEncoder | undefined;
/** Reused by `utf8Bytes`: encoding each message into a fresh array was most of what bounding a 5 MB ticket cost. */
let scratch = new Uint8Array(0);
const NON_ASCII = /[^\0-\x7f]/;
const SCRATCH_CHARS = 64 * 1024;

/** UTF-8 bytes of a string, as TextEncoder writes it. */
function utf8Bytes(text: string): number {
  // Most helpdesk text is ASCII, where bytes are characters; the check is a scan, with nothing made.
  if (!NON_ASCII.test(text)) return text.length;
  encoder ??= new TextEncoder();
  // A rare huge text gets an array of its own, so the scratch buffer stays small for the page's life.
  if (text.length > SCRATCH_CHARS) return encoder.encode(text).length;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8, so the scratch buffer holds the whole text.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  return encoder.encodeInto(text, scratch).written;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  // JSON.stringify gives undefined for undefined, a function or a symbol: TextEncoder counted that as ''.
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? 0 : utf8Bytes(json);
}

/** UTF-8 bytes of a transcript as JSON: what `TICKET_LIMITS.transcriptBytes` bounds. */
export function transcriptBytes(messages: readonly unknown[]): number {
  // `[`, `]` and a comma between messages, as JSON.stringify writes the array.
  let bytes = 2 + Math.max(0, messages.length - 1);
  for (const message of messages) bytes += jsonBytes(message);
  return bytes;
}

function isClipped(message: MessageLike): boolean {
  return message.text.length === TICKET_LIMITS.messageChars && message.text.endsWith('…');
}

/**
 * The first messages that fit `TICKET_LIMITS.transcriptBytes` (and `messages`), and what was cut,
 * or null as `cut` when nothing was. `earlier` is the cut an earlier pass recorded (the content
 * script's, when the store bounds the ticket again), so the counts still describe what was read.
 */
export function boundTranscript<M extends MessageLike>(messages: readonly M[], earlier?: TranscriptCut): { messages: M[]; cut: TranscriptCut | null } {
  const kept: M[] = [];
  let bytes = 2;
  let bytesRead = 2;
  let full = false;
  let clipped = 0;
  for (const [index, message] of messages.entries()) {
    const size = jsonBytes(message) + (index > 0 ? 1 : 0);
    bytesRead += size;
    if (isClipped(message)) clipped++;
    if (full || kept.length >= TICKET_LIMITS.messages || bytes + size > TICKET_LIMITS.transcriptBytes) {
      full = true;
      continue;
    }
    kept.push(message);
    bytes += size;
  }
  const cut: TranscriptCut = {
    messagesRead: Math.max(messages.length, earlier?.messagesRead ?? 0),
    messagesKept: kept.length,
    bytesRead: Math.max(bytesRead, earlier?.bytesRead ?? 0),
    messagesClipped: Math.max(clipped, earlier?.messagesClipped ?? 0),
  };
  const lost = cut.messagesKept < cut.messagesRead || cut.messagesClipped > 0;
  return { messages: kept, cut: lost ? cut : null };
}

/** The ticket with its transcript within the limits, carrying `truncated` when anything was cut. */
export function boundTicket<T extends { messages: MessageLike[]; truncated?: TranscriptCut }>(ticket: T): T {
  const { messages, cut } = boundTranscript(ticket.messages, ticket.truncated);
  if (!cut) return ticket;
  return { ...ticket, messages, truncated: cut };
}

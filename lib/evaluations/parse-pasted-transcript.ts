import type { MessageRole, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS } from '../schemas/ticket-limits';

/** `Dana: hello`, `[10:02] Alex Moreno: hi`, `Customer - hello` start a message. */
const SPEAKER_LINE = /^\s*(?:\[[^\]]{1,30}\]\s*)?([^:\-–\n]{1,60}?)\s*[:\-–]\s+(.*)$/;

function roleByName(author: string): MessageRole | null {
  if (/\b(customer|client|visitor|guest|user|caller|requester)\b/i.test(author)) return 'customer';
  if (/(bot|automat\w*|assistant|system)\b/i.test(author)) return 'bot';
  if (/\b(note|internal)\b/i.test(author)) return 'internal';
  if (/\b(agent|advisor|adviser|support|rep)\b/i.test(author)) return 'agent';
  return null;
}

/**
 * A conversation the reviewer pasted (from a chat export, an email thread, a call log) as
 * messages. A line that starts with a speaker's name and a colon starts a message; other lines
 * continue it. Roles come from names that say them (Customer, Agent, Bot, Note); otherwise the
 * first speaker is taken as the customer, who opens most support conversations, and everyone else
 * as agents. Text stays plain text.
 */
export function parsePastedTranscript(text: string): TranscriptMessage[] {
  const messages: { author: string; lines: string[] }[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const speaker = SPEAKER_LINE.exec(line);
    if (speaker?.[1] && speaker[2] !== undefined) messages.push({ author: speaker[1].trim(), lines: [speaker[2]] });
    else if (messages.length > 0) messages.at(-1)!.lines.push(line);
    else if (line.trim()) messages.push({ author: 'Unknown', lines: [line] });
  }
  const firstAuthor = messages[0]?.author;
  return messages.slice(0, TICKET_LIMITS.messages).map((message, index) => ({
    id: `pasted-${index + 1}`,
    author: message.author.slice(0, TICKET_LIMITS.fieldChars),
    role: roleByName(message.author) ?? (message.author === firstAuthor ? 'customer' : 'agent'),
    text: message.lines.join('\n').trim().slice(0, TICKET_LIMITS.messageChars),
  }));
}

import { BLANK_ANSWER, type Answer, type Evidence, type TranscriptMessage } from '../schemas';

/** The most evidence one answer keeps (the schema's limit). */
export const MAX_EVIDENCE_PER_ANSWER = 20;
const MAX_QUOTE_CHARS = 5_000;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Evidence from a message: the passage the reviewer selected in it, or the whole message when
 * nothing of it is selected (or the selection is not the message's own text, e.g. it ran across
 * into the next message).
 */
export function evidenceFromSelection(message: TranscriptMessage, selection: string): Evidence {
  const passage = squash(selection);
  const inMessage = passage !== '' && squash(message.text).includes(passage);
  const quote = (inMessage ? passage : squash(message.text)).slice(0, MAX_QUOTE_CHARS);
  return { messageId: message.id, quote, author: message.author, role: message.role, ...(message.at ? { at: message.at } : {}) };
}

/** The answer with the evidence added; the same passage of the same message is kept once. */
export function withEvidence(answer: Answer | undefined, evidence: Evidence): Answer {
  const current = answer ?? BLANK_ANSWER;
  const known = current.evidence.some((e) => e.messageId === evidence.messageId && e.quote === evidence.quote);
  if (known || evidence.quote === '') return current;
  if (current.evidence.length >= MAX_EVIDENCE_PER_ANSWER) {
    throw new RangeError(`A criterion keeps at most ${MAX_EVIDENCE_PER_ANSWER} pieces of evidence: remove one first.`);
  }
  return { ...current, evidence: [...current.evidence, evidence] };
}

export function withoutEvidence(answer: Answer, index: number): Answer {
  return { ...answer, evidence: answer.evidence.filter((_, i) => i !== index) };
}

/** A short form of a quote, for button names and lists. */
export function shortQuote(quote: string, chars = 40): string {
  return quote.length <= chars ? quote : `${quote.slice(0, chars - 1).trimEnd()}…`;
}

import type { CheckOutcome, TextSpan } from '../schemas';
import type { PreparedConversation } from './prepare';

/** What a check answers: its outcome, how sure it is (0–1), why, and the passages it relied on. */
export interface CheckResult {
  outcome: CheckOutcome;
  confidence: number;
  evidence: TextSpan[];
  /** The answer in a sentence for the reviewer, with the figures or words behind it. */
  reason: string;
}

export const MAX_EVIDENCE = 10;

export const span = (message: number, start: number, end: number): TextSpan => ({ message, start, end });

export function result(outcome: CheckOutcome, confidence: number, reason: string, evidence: TextSpan[] = []): CheckResult {
  return { outcome, confidence: Math.round(confidence * 100) / 100, reason, evidence: evidence.slice(0, MAX_EVIDENCE) };
}

export const cannotTell = (reason: string): CheckResult => result('unknown', 0, reason);

/** The answer of a check that reads English words, on a conversation that is not (or may not be) English. */
export function notEnglish(conversation: PreparedConversation, what: string): CheckResult | null {
  const { language } = conversation;
  if (language.english === true) return null;
  if (language.english === false) return cannotTell(`The conversation reads as ${language.name}; ${what} reads English only.`);
  return cannotTell(`Too little text to tell the conversation's language; ${what} reads English only.`);
}

/** The opening of a message up to its first sentence end or line break (at most `max` characters), for citing a whole message. */
export function opening(text: string, max = 80): { start: number; end: number } {
  const lead = text.length - text.trimStart().length;
  const rest = text.slice(lead, lead + max);
  const stop = rest.search(/[.!?](?=\s|$)|\n/);
  return { start: lead, end: lead + (stop === -1 ? rest.length : stop + 1) };
}

/** A quote for a reason: the passage, shortened. */
export function quoted(text: string, chars = 60): string {
  const squashed = text.replace(/\s+/g, ' ').trim();
  return `“${squashed.length <= chars ? squashed : `${squashed.slice(0, chars - 1).trimEnd()}…`}”`;
}

/** The sentence around a passage (from the previous sentence end to the next), for quoting a hit in context. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from = Math.max(before.search(/[^.!?\n]*$/), 0);
  const after = text.slice(end).search(/[.!?](?=\s|$)|\n/);
  return text.slice(from, after === -1 ? text.length : end + after + 1).trim();
}

import type { TextSpan } from '../schemas';
import { findAll } from './normal-text';
import { ESCALATION, FRUSTRATION } from './phrases';
import type { PreparedConversation, PreparedMessage } from './prepare';
import { span } from './result';

/** A customer message reads frustrated at or below this lexicon score (e.g. "terrible" −3, "angry … waste" −5). */
const FRUSTRATED_SCORE = -3;
/** Threats to take it further read as frustration too; "cancel my order" is routine and is not among them. */
const MOOD_WORDS = [...FRUSTRATION, ...ESCALATION];
const SHOUTING = /(?:\b[A-Z]{3,}\b[^a-z]*){2,}|[!?]{3,}/g;

export interface Mood {
  frustrated: boolean;
  /** The words, the shouting or (with the lexicon) the whole message that read frustrated. */
  evidence: TextSpan[];
  score: number;
}

/**
 * How a customer message reads: frustrated when it uses the words of frustration or escalation
 * QA Lens lists, or shouts (capitals, "!!!"). With `lexicon`, also when it scores low on the AFINN
 * lexicon: that finds unhappy customers in words no list holds ("ruined my week", "let down"), and
 * some who are not. Spotlight reads it, to send more conversations for a human look; the empathy
 * check does not, since it answers a criterion (see docs/benchmarks.md, section autoqa).
 */
export function customerMood(conversation: PreparedConversation, message: PreparedMessage, { lexicon = false } = {}): Mood {
  return conversation.memo(lexicon ? 'mood+lexicon' : 'mood', message, () => readMood(conversation, message, lexicon));
}

function readMood(conversation: PreparedConversation, message: PreparedMessage, lexicon: boolean): Mood {
  const words = findAll(message.normal, MOOD_WORDS).map((s) => span(message.index, s.start, s.end));
  const shouting = [...message.text.matchAll(SHOUTING)].map((m) => span(message.index, m.index, m.index + m[0].trimEnd().length));
  const score = lexicon ? conversation.sentiment(message) : 0;
  const byLexicon = lexicon && conversation.lexicon && score <= FRUSTRATED_SCORE;
  const evidence = [...words, ...shouting];
  if (byLexicon && evidence.length === 0) evidence.push(span(message.index, 0, message.text.length));
  return { frustrated: evidence.length > 0 || byLexicon, evidence, score };
}

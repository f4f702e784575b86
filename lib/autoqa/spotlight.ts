import type { Channel, SpotlightFlag, TextSpan } from '../schemas';
import { customerWaits, formatWait, RESPONSE_TARGETS } from './checks/response-times';
import { customerMood } from './mood';
import { findAll, matchCanonical } from './normal-text';
import { ESCALATION } from './phrases';
import type { PreparedConversation } from './prepare';
import { MAX_EVIDENCE, span } from './result';

const HOUR = 3600;

/** Past either figure a conversation is long for its channel; three or more agents means it was passed around. */
const LONG: Record<Channel, { messages: number; seconds: number }> = {
  chat: { messages: 30, seconds: HOUR },
  messaging: { messages: 30, seconds: 24 * HOUR },
  social: { messages: 20, seconds: 48 * HOUR },
  email: { messages: 10, seconds: 7 * 24 * HOUR },
  voice: { messages: 40, seconds: HOUR },
  other: { messages: 12, seconds: 7 * 24 * HOUR },
};
const MANY_AGENTS = 3;
/** Cancelling the relationship, not an order: "cancel my subscription", "close my account". */
const CHURN = / (?:cancel|cancelling|canceling|cancellation of|close|closing|terminate|terminating|end) (?:\w+ ){0,2}?(?:subscription|account|contract|membership|service|plan|policy|everything)(?= )/g;
/** CSAT on the 1–5 scale at or below which a conversation is flagged. */
export const LOW_CSAT = 2;

function negativeSentiment(conversation: PreparedConversation): SpotlightFlag | null {
  if (conversation.language.english !== true) return null;
  const moods = conversation.customerMessages.map((message) => ({ message, mood: customerMood(conversation, message, { lexicon: true }) }));
  const upset = moods.filter((m) => m.mood.frustrated);
  if (upset.length === 0) return null;
  const last = moods.at(-1)!;
  const improved = !last.mood.frustrated && last.message.index > upset.at(-1)!.message.index && (conversation.lexicon ? last.mood.score > 0 : /\b(thank|thanks|great|perfect|brilliant|awesome|works|worked|sorted)\b/i.test(last.message.text));
  const count = upset.length === 1 ? 'one message' : `${upset.length} messages`;
  // The reason names the words that read frustrated, not the messages: it is kept where transcripts are not.
  const words = [...new Set(upset.flatMap((m) => m.mood.evidence.filter((e) => e.end - e.start <= 40).map((e) => conversation.messages[e.message]!.text.slice(e.start, e.end).toLowerCase())))];
  const why = words.length ? words.slice(0, 4).map((w) => `“${w}”`).join(', ') : 'by the sentiment lexicon';
  return {
    kind: 'negative-sentiment',
    reason: `The customer reads frustrated in ${count} (${why}); ${improved ? 'it improved by the end' : 'it did not improve by the end'}.`,
    improved,
    evidence: upset.flatMap((m) => m.mood.evidence).slice(0, MAX_EVIDENCE),
  };
}

function escalation(conversation: PreparedConversation): SpotlightFlag | null {
  const hits = conversation.customerMessages.flatMap((m) =>
    [...findAll(m.normal, ESCALATION), ...matchCanonical(m.normal, CHURN)].map((s) => ({ message: m, ...s })),
  );
  if (hits.length === 0) return null;
  const words = [...new Set(hits.map((h) => h.message.text.slice(h.start, h.end).toLowerCase()))].slice(0, 4);
  return {
    kind: 'escalation',
    reason: `The customer uses escalation language: ${words.map((w) => `“${w}”`).join(', ')}.`,
    evidence: hits.slice(0, MAX_EVIDENCE).map((h) => span(h.message.index, h.start, h.end)),
  };
}

function longOrComplex(conversation: PreparedConversation): SpotlightFlag | null {
  const limits = LONG[conversation.channel];
  const talk = conversation.messages.filter((m) => m.role === 'customer' || m.role === 'agent');
  const times = talk.map((m) => m.at).filter((t) => t !== null);
  const seconds = times.length >= 2 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
  const agents = new Set(conversation.agentReplies.map((m) => m.author.trim().toLowerCase())).size;
  const reasons: string[] = [];
  if (talk.length >= limits.messages) reasons.push(`${talk.length} messages`);
  if (seconds >= limits.seconds) reasons.push(`${formatWait(seconds)} from first to last message`);
  if (agents >= MANY_AGENTS) reasons.push(`${agents} agents replied`);
  if ((conversation.reopens ?? 0) > 0) reasons.push(conversation.reopens === 1 ? 'reopened once' : `reopened ${conversation.reopens} times`);
  if (reasons.length === 0) return null;
  return { kind: 'long-or-complex', reason: `Long or complex for ${conversation.channel}: ${reasons.join(', ')}.`, evidence: [] };
}

function lowCsat(conversation: PreparedConversation): SpotlightFlag | null {
  if (conversation.csat === null || conversation.csat > LOW_CSAT) return null;
  return { kind: 'low-csat', reason: `The customer rated it ${conversation.csat} out of 5.`, evidence: [] };
}

function longSilence(conversation: PreparedConversation): SpotlightFlag | null {
  const limit = RESPONSE_TARGETS[conversation.channel]?.silence;
  if (limit === undefined) return null;
  const long = customerWaits(conversation).waits.filter((w) => w.seconds > limit);
  if (long.length === 0) return null;
  const longest = long.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const evidence: TextSpan[] = long.slice(0, MAX_EVIDENCE).map((w) => {
    const m = w.to ?? w.from;
    return span(m.index, 0, Math.min(m.text.length, 60));
  });
  const times = long.length === 1 ? 'once' : `${long.length} times`;
  return { kind: 'long-silence', reason: `The customer waited longer than ${formatWait(limit)} ${times}, at most ${formatWait(longest.seconds)}.`, evidence };
}

/** Why this conversation deserves a human look, if it does: each flag with its reason and evidence. */
export function spotlight(conversation: PreparedConversation): SpotlightFlag[] {
  return [negativeSentiment(conversation), escalation(conversation), longOrComplex(conversation), lowCsat(conversation), longSilence(conversation)].filter(
    (flag) => flag !== null,
  );
}

import type { Channel, MessageRole } from '../schemas';
import type { AutoQaConversation } from './conversation';
import { detectLanguage, type LanguageGuess } from './language';
import { normalise, type NormalText } from './normal-text';
import { sentimentScore } from './sentiment';

export interface PreparedMessage {
  /** Position in the conversation as given: evidence points at it. */
  index: number;
  role: MessageRole;
  author: string;
  text: string;
  /** Milliseconds since the epoch, or null without a readable time. */
  at: number | null;
  normal: NormalText;
}

export interface AnalysisOptions {
  /**
   * Whether customer mood and agent tone also read the AFINN sentiment lexicon (the default), or
   * only QA Lens's own word lists. The benchmark runs both, to show what the lexicon adds.
   */
  lexicon?: boolean;
}

/**
 * A conversation read once for every check: each message's canonical text, its time, and the
 * language. Sentiment is worked out on first use and kept, since several checks ask for it.
 */
export interface PreparedConversation {
  channel: Channel;
  customerName: string | null;
  messages: PreparedMessage[];
  /** Messages the customer sees from the support team (internal notes and bots left out). */
  agentReplies: PreparedMessage[];
  customerMessages: PreparedMessage[];
  language: LanguageGuess;
  csat: number | null;
  reopens: number | null;
  lexicon: boolean;
  sentiment(message: PreparedMessage): number;
  /** Works something out once per message and keeps it: several checks ask the same (a customer's mood, whether a reply reads as a note). */
  memo<T>(key: string, message: PreparedMessage, work: () => T): T;
}

const time = (iso: string | undefined) => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

export function prepare(conversation: AutoQaConversation, options: AnalysisOptions = {}): PreparedConversation {
  const messages = conversation.messages.map((m, index): PreparedMessage => ({
    index,
    role: m.role,
    author: m.author,
    text: m.text,
    at: time(m.time),
    normal: normalise(m.text),
  }));
  const agentReplies = messages.filter((m) => m.role === 'agent' && m.text.trim() !== '');
  const customerMessages = messages.filter((m) => m.role === 'customer' && m.text.trim() !== '');
  const scores = new Map<number, number>();
  const memos = new Map<string, unknown>();
  const lexicon = options.lexicon ?? true;
  return {
    channel: conversation.channel,
    customerName: conversation.customerName?.trim() || null,
    messages,
    agentReplies,
    customerMessages,
    language: detectLanguage(messages.filter((m) => m.role === 'customer' || m.role === 'agent').map((m) => m.text)),
    csat: conversation.csat ?? null,
    reopens: conversation.reopens ?? null,
    lexicon,
    sentiment(message) {
      let score = scores.get(message.index);
      if (score === undefined) {
        score = lexicon ? sentimentScore(message.text) : 0;
        scores.set(message.index, score);
      }
      return score;
    },
    memo<T>(key: string, message: PreparedMessage, work: () => T): T {
      const id = `${key}:${message.index}`;
      if (!memos.has(id)) memos.set(id, work());
      return memos.get(id) as T;
    },
  };
}

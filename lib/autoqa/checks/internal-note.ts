import type { TextSpan } from '../../schemas';
import { findAll, canonicalPhrase } from '../normal-text';
import type { PreparedConversation, PreparedMessage } from '../prepare';
import { notEnglish, result, span, type CheckResult } from '../result';

/** How internal notes open. */
const NOTE_OPENINGS = ['note', 'internal', 'internal note', 'note to self', 'fyi', 'for the team', 'team', 'nb', 'private note'].map(canonicalPhrase);
/** What notes say about the customer or to colleagues, never to the customer. */
const NOTE_TALK = [
  'the customer is', 'the customer says', 'the customer said', 'the customer wants', 'customer claims', 'the customer has been',
  'customer is being', 'cust is', 'cust wants', 'cx is', 'cx wants', 'the client is', 'can someone', 'can anyone', 'could someone',
  'pls check', 'please check with', 'escalating to tier', 'escalating to l2', 'escalate to l2', 'escalate to tier', 'tier 2', 'tier 3',
  'assigning to', 'reassigning to', 'handing over to', 'per sop', 'per the sop', 'jira', 'do not refund', 'flagged for fraud',
  'possible fraud', 'suspected fraud', 'note for', 'for whoever picks this up', 'whoever picks this up', 'left a voicemail',
  'he says', 'she says', 'he claims', 'she claims', 'they claim', 'keeps calling', 'difficult customer', 'rude customer',
  'angry customer', 'vip customer', 'chargeback risk', 'waiting on engineering', 'internal only', 'not for the customer',
].map(canonicalPhrase);
/** "@sam", "@Sam.Okafor": mentions of colleagues, which the helpdesks offer in notes only. */
const MENTION = /(?:^|\s)@[\p{L}][\p{L}\d._-]{1,40}/gu;

/** What in one public reply reads as an internal note, and why; nothing when it reads as written to the customer. */
export function noteSigns(conversation: PreparedConversation, reply: PreparedMessage): { evidence: TextSpan[]; why: string[] } {
  return conversation.memo('note-signs', reply, () => readNoteSigns(conversation, reply, internalNotes(conversation)));
}

function readNoteSigns(conversation: PreparedConversation, reply: PreparedMessage, notes: ReadonlySet<string>): { evidence: TextSpan[]; why: string[] } {
  const evidence: TextSpan[] = [];
  const why = new Set<string>();
  // The same text as an internal note of the ticket, in public, is the clearest sign; any language.
  if (notes.has(reply.normal.text.trim())) return { evidence: [span(reply.index, 0, reply.text.length)], why: ['repeats an internal note word for word'] };
  for (const m of reply.text.matchAll(MENTION)) {
    const at = m.index + m[0].indexOf('@');
    evidence.push(span(reply.index, at, m.index + m[0].length));
    why.add('mentions a colleague');
  }
  if (conversation.language.english === true) {
    const opener = findAll(reply.normal, NOTE_OPENINGS).find((s) => s.start < 3 && /^[\s\W]*\p{L}+[\s\p{L}]*[:\-–]/u.test(reply.text.slice(0, s.end + 2)));
    if (opener) {
      evidence.push(span(reply.index, opener.start, opener.end));
      why.add('opens like a note');
    }
    for (const s of findAll(reply.normal, NOTE_TALK)) {
      evidence.push(span(reply.index, s.start, s.end));
      why.add('talks about the customer or to colleagues');
    }
  }
  return { evidence, why: [...why] };
}

const NO_NOTES: ReadonlySet<string> = new Set();
/** The internal notes' texts, worked out once per conversation (kept against its first message). */
const internalNotes = (conversation: PreparedConversation): ReadonlySet<string> => {
  const first = conversation.messages[0];
  if (!first) return NO_NOTES;
  return conversation.memo('internal-notes', first, () => new Set(conversation.messages.filter((m) => m.role === 'internal').map((m) => m.normal.text.trim()).filter((t) => t.length > 20)));
};

/** No public agent reply reads as an internal note: addressed to colleagues, or about the customer in the third person. */
export function internalNoteAsReply(conversation: PreparedConversation): CheckResult {
  if (conversation.agentReplies.length === 0) return result('pass', 0.9, 'No public agent reply at all, so no note was sent as one.');
  const evidence: TextSpan[] = [];
  const why = new Set<string>();
  for (const reply of conversation.agentReplies) {
    const signs = noteSigns(conversation, reply);
    evidence.push(...signs.evidence);
    for (const w of signs.why) why.add(w);
  }
  if (evidence.length > 0) return result('fail', 0.85, `A public agent reply reads as an internal note: it ${[...why].join(', ')}.`, evidence);
  const language = notEnglish(conversation, 'the internal-note check');
  if (language) return language;
  return result('pass', 0.8, 'No public agent reply reads as an internal note.');
}

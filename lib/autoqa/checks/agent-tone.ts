import type { TextSpan } from '../../schemas';
import { findAll, findFirst } from '../normal-text';
import { BLUNT, COURTESY, CURT_REPLIES, DISPARAGING, PROFANITY } from '../phrases';
import type { PreparedConversation, PreparedMessage } from '../prepare';
import { notEnglish, cannotTell, quoted, result, span, type CheckResult } from '../result';

const BAD_WORDING = [...BLUNT, ...PROFANITY, ...DISPARAGING];
/** Acronyms agents write in capitals without shouting. */
const ACRONYMS = new Set(['FAQ', 'URL', 'PIN', 'SMS', 'VAT', 'USA', 'EUR', 'USD', 'GBP', 'API', 'iOS', 'APP', 'CEO', 'PDF', 'ETA', 'UPS', 'DHL', 'USPS', 'ASAP', 'SKU', 'IMEI', 'VPN', 'WIFI', 'OTP', 'TV', 'ID', 'UK', 'EU', 'CVV', 'IBAN', 'BIC', 'PST', 'EST', 'GMT', 'UTC', 'CET', 'AM', 'PM']);
const CAPS_WORD = /\b[A-Z]{3,}\b/g;

function shouting(reply: PreparedMessage): TextSpan[] {
  const words = [...reply.text.matchAll(CAPS_WORD)].filter((m) => !ACRONYMS.has(m[0]));
  const marks = [...reply.text.matchAll(/[!?]{2,}/g)];
  const spans = words.length >= 2 ? words.map((m) => span(reply.index, m.index, m.index + m[0].length)) : [];
  return [...spans, ...marks.map((m) => span(reply.index, m.index, m.index + m[0].length))];
}

/** A whole reply of a word or two, with no courtesy, answering a customer who wrote at length or asked. */
function curt(conversation: PreparedConversation, reply: PreparedMessage): boolean {
  const words = reply.normal.text.trim().split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 3 || !findFirst(reply.normal, CURT_REPLIES)) return false;
  if (findFirst(reply.normal, COURTESY)) return false;
  let asked: PreparedMessage | undefined;
  for (let i = reply.index - 1; i >= 0 && !asked; i--) if (conversation.messages[i]!.role === 'customer') asked = conversation.messages[i];
  return !!asked && (asked.text.includes('?') || asked.normal.text.trim().split(' ').length >= 8);
}

/**
 * No agent reply is dismissive, curt, shouting, swearing or disparaging. Rules only: the sentiment
 * lexicon reads an agent's "that sounds miserable" or "sorry for the damaged parcel" as negative.
 */
export function agentTone(conversation: PreparedConversation): CheckResult {
  if (conversation.agentReplies.length === 0) return cannotTell('No agent reply to judge.');
  const language = notEnglish(conversation, 'the tone check');
  if (language) return language;
  const found: { reply: PreparedMessage; why: string; evidence: TextSpan[]; sure: number }[] = [];
  for (const reply of conversation.agentReplies) {
    const blunt = findAll(reply.normal, BAD_WORDING);
    if (blunt.length) {
      found.push({ reply, why: `dismissive wording (${quoted(reply.text.slice(blunt[0]!.start, blunt[0]!.end), 30)})`, evidence: blunt.map((s) => span(reply.index, s.start, s.end)), sure: 0.85 });
      continue;
    }
    const loud = shouting(reply);
    if (loud.length) {
      found.push({ reply, why: 'shouting (capitals or repeated !?)', evidence: loud, sure: 0.75 });
      continue;
    }
    if (curt(conversation, reply)) {
      found.push({ reply, why: `a curt reply (${quoted(reply.text, 20)})`, evidence: [span(reply.index, 0, reply.text.length)], sure: 0.7 });
      continue;
    }
  }
  if (found.length === 0) return result('pass', 0.75, `None of the ${conversation.agentReplies.length} agent replies reads curt, dismissive or negative.`);
  const sure = Math.max(...found.map((f) => f.sure));
  return result('fail', sure, `An agent reply reads badly: ${found.slice(0, 2).map((f) => f.why).join('; ')}.`, found.flatMap((f) => f.evidence));
}

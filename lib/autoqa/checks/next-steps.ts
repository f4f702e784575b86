import { findFirst, matchCanonical } from '../normal-text';
import { customerMood } from '../mood';
import { BLUNT, HOLDING } from '../phrases';
import { noteSigns } from './internal-note';
import type { PreparedConversation } from '../prepare';
import { cannotTell, notEnglish, quoted, result, sentenceAround, span, type CheckResult } from '../result';

// Patterns over canonical text: lower case, words single-spaced, contractions written out.
const FUTURE_ACTION =
  / (?:i|we|our \w+(?: team)?|the \w+(?: team)?|they|someone|a colleague|an engineer|a technician|it|this|the (?:refund|replacement|order|parcel|package|payment|credit|money)) (?:will|are going to|am going to|is going to|should) (?:\w+ ){0,3}?(?:be |get |have )?\w+| you will (?:receive|get|see|hear|be)| (?:next step|next steps)| (?:follow up|get back to you|keep you (?:posted|updated|informed)|update you|be in touch|contact you|call you|email you)| (?:expect|expected)(?: to)? /g;
const TIMEFRAME =
  / (?:within|in|under|over) (?:the )?(?:next )?(?:\d+|a|an|one|two|three|four|five|six|seven|ten|twenty four|forty eight|a few|few) (?:\w+ )?(?:minutes?|hours?|days?|business days?|working days?|weeks?|months?)| \d+ (?:to )?\d* ?(?:business |working )?(?:days?|hours?|weeks?)| (?:by|before|on|until|no later than) (?:the )?(?:end of (?:the )?(?:day|week|month)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|\d{1,2}(?:st|nd|rd|th)?|january|february|march|april|may|june|july|august|september|october|november|december|noon|midday)| (?:today|tomorrow|tonight|this (?:morning|afternoon|evening|week)|next (?:week|monday|tuesday|wednesday|thursday|friday|business day|working day)|within the hour|24 hours|48 hours|eod|end of day)(?= )/g;
const RESOLVED =
  / (?:is|are) now (?:fixed|resolved|working|active|sorted|updated|cancelled|canceled|refunded|live|unlocked|back|restored|enabled|removed)| (?:has|have) been (?:refunded|processed|resolved|fixed|cancelled|canceled|reset|updated|issued|sent|credited|unlocked|restored|replaced|approved|applied|removed|changed|corrected|shipped|dispatched)| (?:i|we) (?:have|ve) (?:now )?(?:refunded|reset|updated|cancelled|canceled|processed|issued|sent|credited|fixed|resolved|unlocked|restored|replaced|applied|removed|changed|corrected|added|enabled|merged|extended|upgraded|reactivated)| you are all set| all sorted| that should (?:fix|solve|sort|do it)| should now (?:work|be|see)| it is done| (?:is|are) back (?:now|up|online)| working again/g;
const INSTRUCTION =
  / please (?:update|restart|reinstall|try|click|tap|go to|open|log out|log in|sign in|clear|reset|check|use|follow|reply|send|select|enter|install|download|visit|confirm)| (?:you can|you could) now /g;

/** The last agent replies are where next steps are stated; earlier promises may have been overtaken. */
const LAST_REPLIES = 2;

/**
 * The customer is told what happens next and by when, or the issue is settled in the contact (a
 * fix, a refund, an answer). It fails on a promise with no time frame, a refusal or brush-off, a
 * conversation that ends on a holding reply or on the customer's unanswered question or complaint.
 * Replies that read as internal notes tell the customer nothing and are left out.
 */
export function nextSteps(conversation: PreparedConversation): CheckResult {
  const language = notEnglish(conversation, 'the next-steps check');
  if (conversation.agentReplies.length === 0) return cannotTell('No agent reply to judge.');
  if (language) return language;
  const replies = conversation.agentReplies.filter((r) => noteSigns(conversation, r).evidence.length === 0).slice(-LAST_REPLIES);
  const first = (pattern: RegExp) => {
    for (const reply of [...replies].reverse()) {
      const [hit] = matchCanonical(reply.normal, pattern);
      if (hit) return { reply, ...hit };
    }
    return null;
  };
  const cite = (hit: NonNullable<ReturnType<typeof first>>) => span(hit.reply.index, hit.start, hit.end);
  const say = (hit: NonNullable<ReturnType<typeof first>>) => quoted(sentenceAround(hit.reply.text, hit.start, hit.end), 80);
  const action = first(FUTURE_ACTION);
  const when = first(TIMEFRAME);
  if (action && when) return result('pass', 0.8, `The agent says what happens next and when: ${say(action)}.`, [cite(action), cite(when)]);
  const resolved = first(RESOLVED);
  if (resolved) return result('pass', 0.75, `Resolved in the contact: ${say(resolved)}.`, [cite(resolved)]);
  const instruction = first(INSTRUCTION);
  if (instruction) return result('pass', 0.65, `The agent tells the customer what to do next: ${say(instruction)}.`, [cite(instruction)]);
  if (when) return result('pass', 0.6, `The agent says when: ${say(when)}.`, [cite(when)]);
  if (action) return result('fail', 0.65, `The agent says what happens next but not by when: ${say(action)}.`, [cite(action)]);
  for (const reply of [...replies].reverse()) {
    const refusal = findFirst(reply.normal, BLUNT);
    if (refusal) return result('fail', 0.6, `The agent brushes the request off: ${quoted(sentenceAround(reply.text, refusal.start, refusal.end), 80)}.`, [span(reply.index, refusal.start, refusal.end)]);
  }
  const last = replies.at(-1);
  const hold = last && findFirst(last.normal, HOLDING);
  if (!last) return result('fail', 0.6, 'The agent replies read as internal notes: the customer was told nothing.');
  const after = conversation.customerMessages.filter((m) => m.index > last.index).at(-1);
  if (after && (after.text.includes('?') || customerMood(conversation, after).frustrated)) {
    return result('fail', 0.55, `The customer's last message is left unanswered: ${quoted(after.text)}.`, [span(after.index, 0, after.text.length)]);
  }
  if (hold) return result('fail', 0.55, `The agent's replies end on a holding message: ${quoted(sentenceAround(last.text, hold.start, hold.end))}.`, [span(last.index, hold.start, hold.end)]);
  return result('pass', 0.55, 'The agent leaves no promise open and no question unanswered.');
}

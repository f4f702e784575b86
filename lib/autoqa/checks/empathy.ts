import { findFirst } from '../normal-text';
import { customerMood } from '../mood';
import { EMPATHY } from '../phrases';
import type { PreparedConversation } from '../prepare';
import { cannotTell, notEnglish, quoted, result, sentenceAround, span, type CheckResult } from '../result';

/** Empathy has to come soon after the frustration: in one of the next agent replies. */
const REPLIES_TO_ANSWER = 2;

/** Where the customer expresses frustration, the agent apologises or acknowledges it. */
export function empathy(conversation: PreparedConversation): CheckResult {
  const language = notEnglish(conversation, 'the empathy check');
  if (language) return language;
  const first = conversation.customerMessages.find((m) => customerMood(conversation, m).frustrated);
  const upset = first && { message: first, mood: customerMood(conversation, first) };
  if (!upset) return result('pass', 0.7, 'The customer expresses no frustration, so no apology was called for.');
  const after = conversation.agentReplies.filter((r) => r.index > upset.message.index).slice(0, REPLIES_TO_ANSWER);
  if (after.length === 0) return cannotTell('The customer expresses frustration and no agent reply follows.');
  const cited = upset.mood.evidence.slice(0, 3);
  for (const reply of after) {
    const hit = findFirst(reply.normal, EMPATHY);
    if (hit) {
      return result('pass', 0.85, `The customer is frustrated and the agent acknowledges it: ${quoted(sentenceAround(reply.text, hit.start, hit.end), 80)}.`, [
        ...cited,
        span(reply.index, hit.start, hit.end),
      ]);
    }
  }
  const words = cited.map((s) => quoted(conversation.messages[s.message]!.text.slice(s.start, s.end), 30)).join(', ');
  return result('fail', 0.8, `The customer is frustrated (${words}) and the next agent replies neither apologise nor acknowledge it.`, cited);
}

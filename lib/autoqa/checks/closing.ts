import { findFirst, matchCanonical } from '../normal-text';
import { CLOSING_THANKS, HAVE_A_GOOD, OFFERS_OF_HELP, SIGN_OFFS } from '../phrases';
import type { PreparedConversation } from '../prepare';
import { cannotTell, notEnglish, result, span, type CheckResult } from '../result';

/** The last replies make up the closing: a chat often offers help, hears "no thanks", then signs off. */
const CLOSING_REPLIES = 2;
/** "Thanks," closes only at the very end of the last reply. */
const TAIL_CHARS = 60;

/** The agent's last replies offer further help and sign off. */
export function closing(conversation: PreparedConversation): CheckResult {
  const replies = conversation.agentReplies.slice(-CLOSING_REPLIES);
  const last = replies.at(-1);
  if (!last) return cannotTell('No agent reply to judge.');
  const language = notEnglish(conversation, 'the closing check');
  if (language) return language;
  const found = (phrases: readonly string[]) => {
    for (const reply of [...replies].reverse()) {
      const hit = findFirst(reply.normal, phrases);
      if (hit) return span(reply.index, hit.start, hit.end);
    }
    return null;
  };
  const offer = found(OFFERS_OF_HELP);
  const thanks = findFirst(last.normal, CLOSING_THANKS);
  const haveAGood = [...replies].reverse().flatMap((r) => matchCanonical(r.normal, HAVE_A_GOOD).slice(0, 1).map((s) => span(r.index, s.start, s.end)))[0] ?? null;
  const signOff = found(SIGN_OFFS) ?? haveAGood ?? (thanks && thanks.end >= last.text.trimEnd().length - TAIL_CHARS ? span(last.index, thanks.start, thanks.end) : null);
  const evidence = [offer, signOff].filter((s) => s !== null);
  if (offer && signOff) return result('pass', 0.9, 'The agent offers further help and signs off.', evidence);
  if (offer) return result('fail', 0.7, 'The agent offers further help but does not sign off.', evidence);
  if (signOff) return result('fail', 0.7, 'The agent signs off without offering further help.', evidence);
  return result('fail', 0.85, 'The last agent replies neither offer further help nor sign off.', [span(last.index, Math.max(0, last.text.trimEnd().length - TAIL_CHARS), last.text.trimEnd().length)]);
}

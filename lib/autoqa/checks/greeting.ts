import { canonicalPhrase, find, findFirst } from '../normal-text';
import { GREETINGS } from '../phrases';
import type { PreparedConversation } from '../prepare';
import { cannotTell, notEnglish, opening, quoted, result, span, type CheckResult } from '../result';

/** A greeting counts only where a reply opens ("Thanks for waiting, Lee! …" included); the name may follow it. */
const GREETING_WITHIN = 40;
const NAME_WITHIN = 120;

/** The first agent reply greets the customer, by name where the name is known. */
export function greeting(conversation: PreparedConversation): CheckResult {
  const first = conversation.agentReplies[0];
  if (!first) return cannotTell('No agent reply to judge.');
  const language = notEnglish(conversation, 'the greeting check');
  if (language) return language;
  const hello = findFirst(first.normal, GREETINGS);
  const greets = hello && hello.start - (first.text.length - first.text.trimStart().length) < GREETING_WITHIN ? hello : null;
  if (!greets) {
    const { start, end } = opening(first.text);
    return result('fail', 0.9, `The first agent reply does not open with a greeting: ${quoted(first.text.slice(start, end))}.`, [span(first.index, start, end)]);
  }
  const evidence = [span(first.index, greets.start, greets.end)];
  const name = conversation.customerName;
  if (!name) return result('pass', 0.85, `The first agent reply greets the customer (${quoted(first.text.slice(greets.start, greets.end))}); their name is not known.`, evidence);
  const names = name.split(/[\s,]+/).filter((part) => part.length >= 2).map(canonicalPhrase);
  const used = names.flatMap((n) => find(first.normal, n, 1)).find((s) => s.start < NAME_WITHIN);
  if (!used) return result('fail', 0.8, `The first agent reply greets but does not use the customer's name (${name}).`, evidence);
  evidence.push(span(first.index, used.start, used.end));
  return result('pass', 0.95, `The first agent reply greets the customer by name: ${quoted(first.text.slice(greets.start, Math.max(greets.end, used.end)))}.`, evidence);
}

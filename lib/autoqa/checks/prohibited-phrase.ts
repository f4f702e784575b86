import type { CheckParams } from '../../schemas';
import { canonicalPhrase, findAll } from '../normal-text';
import { DEFAULT_PROHIBITED_PHRASES } from '../phrases';
import type { PreparedConversation } from '../prepare';
import { cannotTell, MAX_EVIDENCE, quoted, result, span, type CheckResult } from '../result';

/** The phrases a criterion looks for: the team's, plus the built-in English list unless turned off. */
export function prohibitedPhrases(params: CheckParams): { team: string[]; builtIn: string[] } {
  const team = [...new Set((params.phrases ?? []).map(canonicalPhrase).filter(Boolean))];
  const builtIn = params.includeDefaultPhrases === false ? [] : DEFAULT_PROHIBITED_PHRASES.map(canonicalPhrase);
  return { team, builtIn };
}

/** No agent reply uses a phrase on the team's list, in any of its variants. Internal notes are not read. */
export function prohibitedPhrase(conversation: PreparedConversation, params: CheckParams = {}): CheckResult {
  if (conversation.agentReplies.length === 0) return cannotTell('No agent reply to judge.');
  const { team, builtIn } = prohibitedPhrases(params);
  const english = conversation.language.english === true;
  // The built-in list is English: on another language only the team's own phrases are looked for.
  const phrases = [...new Set(english ? [...team, ...builtIn] : team)];
  if (phrases.length === 0) {
    return cannotTell(team.length === 0 && builtIn.length === 0 ? 'No prohibited phrases are set for this criterion.' : `The conversation reads as ${conversation.language.name}; the built-in list is English and the team has set no phrases of its own.`);
  }
  const hits = conversation.agentReplies.flatMap((reply) => findAll(reply.normal, phrases).map((s) => ({ ...s, reply })));
  if (hits.length > 0) {
    const said = [...new Set(hits.map((h) => quoted(h.reply.text.slice(h.start, h.end), 40)))].slice(0, 3).join(', ');
    return result('fail', 0.95, `An agent reply uses a prohibited phrase: ${said}.`, hits.slice(0, MAX_EVIDENCE).map((h) => span(h.reply.index, h.start, h.end)));
  }
  if (!english) return result('pass', 0.7, `None of the team's ${team.length} phrases appear; the built-in English list was not used on ${conversation.language.name}.`);
  return result('pass', 0.9, `None of the ${phrases.length} prohibited phrases appear in the agent replies.`);
}

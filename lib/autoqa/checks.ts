import type { AutoQaCheckId, CheckParams } from '../schemas';
import { CHECK_CATALOGUE, type CheckInfo } from './catalogue';
import { agentSharedPii } from './checks/agent-shared-pii';
import { agentTone } from './checks/agent-tone';
import { closing } from './checks/closing';
import { empathy } from './checks/empathy';
import { greeting } from './checks/greeting';
import { internalNoteAsReply } from './checks/internal-note';
import { nextSteps } from './checks/next-steps';
import { prohibitedPhrase } from './checks/prohibited-phrase';
import { firstResponse, longestSilence } from './checks/response-times';
import type { PreparedConversation } from './prepare';
import type { CheckResult } from './result';

export interface CheckDefinition extends CheckInfo {
  run: (conversation: PreparedConversation, params: CheckParams) => CheckResult;
}

const RUN: Record<AutoQaCheckId, CheckDefinition['run']> = {
  greeting,
  closing,
  empathy,
  'first-response': firstResponse,
  'longest-silence': longestSilence,
  'prohibited-phrase': prohibitedPhrase,
  'agent-tone': agentTone,
  'next-steps': nextSteps,
  'agent-shared-pii': agentSharedPii,
  'internal-note-as-reply': internalNoteAsReply,
};

/** Every check with the function that runs it, in catalogue order. */
export const CHECKS: readonly CheckDefinition[] = CHECK_CATALOGUE.map((info) => ({ ...info, run: RUN[info.id] }));

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function checkDefinition(id: AutoQaCheckId): CheckDefinition {
  return BY_ID.get(id)!;
}

import type { AutoQaCheckId, CheckParams } from '../schemas';
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

export interface CheckDefinition {
  id: AutoQaCheckId;
  label: string;
  /** What it checks, as a QA lead reads it in Settings. */
  description: string;
  /** Reads English words: answers "cannot tell" on other languages. */
  englishOnly: boolean;
  /** The parameters it reads (CheckParams fields). */
  params: readonly (keyof CheckParams)[];
  run: (conversation: PreparedConversation, params: CheckParams) => CheckResult;
}

/** Every check, in the order the CLI prints them and Settings lists them. */
export const CHECKS: readonly CheckDefinition[] = [
  { id: 'greeting', label: 'Greeting', description: 'The first agent reply greets the customer, by name where known.', englishOnly: true, params: [], run: greeting },
  { id: 'closing', label: 'Closing', description: 'The last agent replies offer further help and sign off.', englishOnly: true, params: [], run: closing },
  { id: 'empathy', label: 'Apology or empathy', description: 'Where the customer expresses frustration, the next agent replies apologise or acknowledge it.', englishOnly: true, params: [], run: empathy },
  { id: 'first-response', label: 'First response time', description: 'The first agent reply came within the target: 1 min on chat, 5 min on messaging, 1 h on social, 24 h on email, unless set here.', englishOnly: false, params: ['thresholdMinutes'], run: firstResponse },
  { id: 'longest-silence', label: 'Longest silence', description: 'The customer never waited longer than the target for a reply: 3 min on chat, 15 min on messaging, 4 h on social, 24 h on email, unless set here.', englishOnly: false, params: ['thresholdMinutes'], run: longestSilence },
  { id: 'prohibited-phrase', label: 'Prohibited phrases', description: 'No agent reply uses a phrase on the list, in any variant (case, spacing, punctuation, accents, contractions).', englishOnly: false, params: ['phrases', 'includeDefaultPhrases'], run: prohibitedPhrase },
  { id: 'agent-tone', label: 'Agent tone', description: 'No agent reply is dismissive, curt, shouting or negative.', englishOnly: true, params: [], run: agentTone },
  { id: 'next-steps', label: 'Next steps stated', description: 'The customer is told what happens next and by when, or the issue is resolved in the contact.', englishOnly: true, params: [], run: nextSteps },
  { id: 'agent-shared-pii', label: 'Personal data typed by the agent', description: 'No agent reply carries a card number, a password or PIN, a card security code or an SSN.', englishOnly: false, params: [], run: agentSharedPii },
  { id: 'internal-note-as-reply', label: 'Internal note sent as a reply', description: 'No public reply reads as a note to colleagues (mentions, "FYI team", the customer in the third person).', englishOnly: false, params: [], run: internalNoteAsReply },
];

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function checkDefinition(id: AutoQaCheckId): CheckDefinition {
  return BY_ID.get(id)!;
}

export const CHECK_LABELS = Object.fromEntries(CHECKS.map((c) => [c.id, c.label])) as Record<AutoQaCheckId, string>;

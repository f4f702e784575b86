import type { AutoQaCheckId, CheckParams } from '../schemas';

/**
 * What each automatic check is, for Settings, the panel and the dashboard. Kept apart from the
 * checks themselves so those pages can name checks without loading the language models.
 */
export interface CheckInfo {
  id: AutoQaCheckId;
  label: string;
  /** What it checks, as a QA lead reads it in Settings. */
  description: string;
  /** Reads English words: answers "cannot tell" on other languages. */
  englishOnly: boolean;
  /** The parameters it reads (CheckParams fields). */
  params: readonly (keyof CheckParams)[];
}

/** Every check, in the order the CLI prints them and Settings lists them. */
export const CHECK_CATALOGUE: readonly CheckInfo[] = [
  { id: 'greeting', label: 'Greeting', description: 'The first agent reply greets the customer, by name where known.', englishOnly: true, params: [] },
  { id: 'closing', label: 'Closing', description: 'The last agent replies offer further help and sign off.', englishOnly: true, params: [] },
  { id: 'empathy', label: 'Apology or empathy', description: 'Where the customer expresses frustration, the next agent replies apologise or acknowledge it.', englishOnly: true, params: [] },
  { id: 'first-response', label: 'First response time', description: 'The first agent reply came within the target: 1 min on chat, 5 min on messaging, 1 h on social, 24 h on email, unless set here.', englishOnly: false, params: ['thresholdMinutes'] },
  { id: 'longest-silence', label: 'Longest silence', description: 'The customer never waited longer than the target for a reply: 3 min on chat, 15 min on messaging, 4 h on social, 24 h on email, unless set here.', englishOnly: false, params: ['thresholdMinutes'] },
  { id: 'prohibited-phrase', label: 'Prohibited phrases', description: 'No agent reply uses a phrase on the list, in any variant (case, spacing, punctuation, accents, contractions).', englishOnly: false, params: ['phrases', 'includeDefaultPhrases'] },
  { id: 'agent-tone', label: 'Agent tone', description: 'No agent reply is dismissive, curt, shouting, swearing or disparaging.', englishOnly: true, params: [] },
  { id: 'next-steps', label: 'Next steps stated', description: 'The customer is told what happens next and by when, or the issue is settled in the contact.', englishOnly: true, params: [] },
  { id: 'agent-shared-pii', label: 'Personal data typed by the agent', description: 'No agent reply carries a card number, a password or PIN, a card security code or an SSN.', englishOnly: false, params: [] },
  { id: 'internal-note-as-reply', label: 'Internal note sent as a reply', description: 'No public reply reads as a note to colleagues (mentions, "FYI team", the customer in the third person).', englishOnly: false, params: [] },
];

export const CHECK_LABELS = Object.fromEntries(CHECK_CATALOGUE.map((c) => [c.id, c.label])) as Record<AutoQaCheckId, string>;

export function checkInfo(id: AutoQaCheckId): CheckInfo {
  return CHECK_CATALOGUE.find((c) => c.id === id)!;
}

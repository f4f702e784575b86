import { z } from 'zod';

/**
 * AutoQA: automatic checks over a conversation, run in the browser (lib/autoqa), and Spotlight
 * flags that point reviewers at the conversations most worth a look. These schemas are what a
 * scorecard, an evaluation and a ticket snapshot store of them; the checks themselves live in
 * lib/autoqa.
 */

/** Every automatic check, by the id that scorecards, the CLI's JSON and the AutoQA report use. */
export const AUTOQA_CHECK_IDS = [
  'greeting',
  'closing',
  'empathy',
  'first-response',
  'longest-silence',
  'prohibited-phrase',
  'agent-tone',
  'next-steps',
  'agent-shared-pii',
  'internal-note-as-reply',
] as const;
export const AutoQaCheckIdSchema = z.enum(AUTOQA_CHECK_IDS);
export type AutoQaCheckId = z.infer<typeof AutoQaCheckIdSchema>;

/** `unknown` is the check saying it cannot tell (no agent reply, no message times, another language): never a guess. */
export const CheckOutcomeSchema = z.enum(['pass', 'fail', 'unknown']);
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

/** A passage a check relied on: characters `start` (inclusive) to `end` (exclusive) of message number `message` (0-based). */
export const TextSpanSchema = z
  .object({
    message: z.number().int().nonnegative(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((span) => span.end >= span.start, 'a span ends at or after its start');
export type TextSpan = z.infer<typeof TextSpanSchema>;

const phrase = z.string().trim().min(1, 'a prohibited phrase cannot be blank').max(200);

/**
 * What a linked check is tuned with. One flat object: each check reads only its own fields
 * (`CHECK_PARAMETERS` in lib/autoqa says which), so a scorecard file stays readable.
 */
export const CheckParamsSchema = z.object({
  /** prohibited-phrase: the team's phrases. Case, spacing, punctuation, apostrophes, accents and contractions ("can't" = "cannot") are variants of one phrase. */
  phrases: z.array(phrase).max(200).optional(),
  /** prohibited-phrase: also look for QA Lens's built-in English list (on unless turned off). */
  includeDefaultPhrases: z.boolean().optional(),
  /** first-response, longest-silence: the longest acceptable wait in minutes, for every channel; absent: the per-channel default. */
  thresholdMinutes: z.number().positive('the threshold must be more than 0 minutes').max(60 * 24 * 60).optional(),
});
export type CheckParams = z.infer<typeof CheckParamsSchema>;

/** A scorecard criterion answered in advance by an automatic check. */
export const AutoCheckLinkSchema = z.object({
  check: AutoQaCheckIdSchema,
  params: CheckParamsSchema.default({}),
});
export type AutoCheckLink = z.infer<typeof AutoCheckLinkSchema>;

/**
 * What an answer keeps of the automatic check that proposed it, so the AutoQA report can tell how
 * far reviewers trust each check. The proposed option is kept beside the final one (the answer's
 * own `optionId`/`na`), and `changed` says whether the reviewer moved away from it.
 */
export const AutomaticAnswerSchema = z.object({
  check: AutoQaCheckIdSchema,
  outcome: CheckOutcomeSchema,
  /** 0–1: how sure the check was. */
  confidence: z.number().min(0).max(1),
  /** Why the check answered as it did, in a sentence shown to the reviewer. */
  reason: z.string().max(500).default(''),
  /** The scale option the check chose; absent when it could not tell. */
  proposedOptionId: z.string().max(80).optional(),
  /** The reviewer confirmed the proposal (or, for `unknown`, answered it themselves). */
  confirmed: z.boolean().default(false),
  /** The final answer differs from the proposal. Set as the reviewer answers, fixed at submission. */
  changed: z.boolean().default(false),
});
export type AutomaticAnswer = z.infer<typeof AutomaticAnswerSchema>;

/** Why a conversation deserves a human look. */
export const SPOTLIGHT_KINDS = ['negative-sentiment', 'escalation', 'long-or-complex', 'low-csat', 'long-silence'] as const;
export const SpotlightKindSchema = z.enum(SPOTLIGHT_KINDS);
export type SpotlightKind = z.infer<typeof SpotlightKindSchema>;

export const SPOTLIGHT_LABELS: Record<SpotlightKind, string> = {
  'negative-sentiment': 'Negative sentiment',
  escalation: 'Escalation language',
  'long-or-complex': 'Long or complex',
  'low-csat': 'Low CSAT',
  'long-silence': 'Long silence',
};

export const SpotlightFlagSchema = z.object({
  kind: SpotlightKindSchema,
  /** The reason in a sentence, with the figures behind it. */
  reason: z.string().max(500),
  /** negative-sentiment only: whether the customer's last messages read better than their worst. */
  improved: z.boolean().optional(),
  evidence: z.array(TextSpanSchema).max(10).default([]),
});
export type SpotlightFlag = z.infer<typeof SpotlightFlagSchema>;

/** The flags of one conversation; none is an empty list, not stored as absent. */
export const SpotlightFlagsSchema = z.array(SpotlightFlagSchema).max(SPOTLIGHT_KINDS.length);

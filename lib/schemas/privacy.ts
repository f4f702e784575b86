import { z } from 'zod';
import { PII_KINDS, type PiiKind } from '../privacy/pii-kinds';

export { PII_KINDS, type PiiKind };
export const PiiKindSchema = z.enum(PII_KINDS);

/**
 * A team's own pattern (a customer account number, a membership id). Checked for catastrophic
 * backtracking before it is used; see lib/privacy/custom-patterns.ts.
 */
export const CustomPatternSchema = z.object({
  id: z.string().min(1).max(80),
  /** Shown in the placeholder: `[<label>]`. Letters, digits, spaces and hyphens only. */
  label: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]{0,29}$/u, 'a label is 1–30 letters, digits, spaces or hyphens'),
  /** A JavaScript regular expression, without slashes or flags. */
  pattern: z.string().min(1).max(200),
  caseSensitive: z.boolean().default(false),
});
export type CustomPattern = z.infer<typeof CustomPatternSchema>;

/** Two-letter region codes (ISO 3166-1) phone numbers written without `+` are read in. */
export const PhoneRegionSchema = z.string().regex(/^[A-Z]{2}$/, 'a region is two capital letters, such as GB or US');

/** Days a kind of record is kept; null keeps it until someone deletes it. */
const RetentionDays = z.number().int().min(1).max(36_500).nullable();

export const RetentionSchema = z.object({
  /** Ticket snapshots (the conversation as read) are deleted this many days after they were read. */
  ticketDays: RetentionDays.default(null),
  /** Evaluations (and their acknowledgements and disputes) are deleted this many days after submission. */
  evaluationDays: RetentionDays.default(null),
});
export type Retention = z.infer<typeof RetentionSchema>;

/** What the team redacts and how long it keeps what it stores. */
export const PrivacySettingsSchema = z.object({
  /** Kinds of personal data the team chose to keep as written. Every kind is redacted unless listed. */
  keep: z.array(PiiKindSchema).max(PII_KINDS.length).default([]),
  phoneRegions: z.array(PhoneRegionSchema).min(1).max(10).default(['GB']),
  customPatterns: z.array(CustomPatternSchema).max(30).default([]),
  retention: RetentionSchema.default({ ticketDays: null, evaluationDays: null }),
});
export type PrivacySettings = z.infer<typeof PrivacySettingsSchema>;

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = PrivacySettingsSchema.parse({});

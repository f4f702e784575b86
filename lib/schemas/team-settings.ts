import { z } from 'zod';
import { DEFAULT_PRIVACY_SETTINGS, PrivacySettingsSchema } from './privacy';

/**
 * Where a root cause lies. Only `agent` causes are the agent's to fix; the others are systemic and
 * must not be scored as individual failings.
 */
export const RootCauseCategorySchema = z.enum(['agent', 'process', 'product', 'policy', 'tooling']);
export type RootCauseCategory = z.infer<typeof RootCauseCategorySchema>;

export const RootCauseSchema = z.object({
  id: z.string().min(1).max(80),
  label: z.string().trim().min(1).max(200),
  category: RootCauseCategorySchema,
});
export type RootCause = z.infer<typeof RootCauseSchema>;

export const DEFAULT_ROOT_CAUSES: RootCause[] = [
  { id: 'knowledge-gap', label: 'Knowledge gap', category: 'agent' },
  { id: 'skill-or-behaviour', label: 'Skill or behaviour', category: 'agent' },
  { id: 'did-not-follow-process', label: 'Did not follow the process', category: 'agent' },
  { id: 'unclear-process', label: 'Process unclear or missing', category: 'process' },
  { id: 'product-defect', label: 'Product defect or limitation', category: 'product' },
  { id: 'policy-constraint', label: 'Policy constraint', category: 'policy' },
  { id: 'tooling-problem', label: 'Tool or system problem', category: 'tooling' },
];

/** Rules the whole team works to. Local until team sync exists. */
export const TeamSettingsSchema = z.object({
  /** Ask for at least one strength and one improvement before a review is submitted. */
  requireBalancedFeedback: z.boolean().default(true),
  /** Feedback shorter than this many characters is flagged as too short to act on. */
  minFeedbackChars: z.number().int().min(0).max(1000).default(40),
  /** Working days (Monday–Friday) an agent has to acknowledge or dispute a review; 0 turns deadlines off. */
  acknowledgementWorkingDays: z.number().int().min(0).max(60).default(5),
  rootCauses: z
    .array(RootCauseSchema)
    .max(100)
    .refine((causes) => new Set(causes.map((c) => c.id)).size === causes.length, 'root cause ids must be unique')
    .default(DEFAULT_ROOT_CAUSES),
  /** What is redacted before anything is stored, and how long records are kept (Settings → Privacy). */
  privacy: PrivacySettingsSchema.default(DEFAULT_PRIVACY_SETTINGS),
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = TeamSettingsSchema.parse({});

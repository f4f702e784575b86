import { z } from 'zod';
import { AutoCheckLinkSchema } from './autoqa';
import { ChannelSchema, RecordId, Timestamp } from './common';

const id = z.string().min(1).max(80);
const label = z.string().trim().min(1).max(200);

export const ScaleOptionSchema = z.object({
  id,
  label,
  /** 0 = worst, 1 = best. The criterion contributes weight × value to the score. */
  value: z.number().min(0).max(1),
  /** Whether this outcome meets the standard; a critical criterion fails on any outcome that does not. */
  passes: z.boolean(),
});
export type ScaleOption = z.infer<typeof ScaleOptionSchema>;

export const ScaleSchema = z.discriminatedUnion('kind', [
  /** Yes / No. */
  z.object({ kind: z.literal('binary') }),
  /** 3-, 4- or 5-point rating; the upper half of the points pass. */
  z.object({ kind: z.literal('points'), points: z.union([z.literal(3), z.literal(4), z.literal(5)]) }),
  /** Labelled outcomes chosen by the QA lead, each with its own value and pass/fail mapping. */
  z.object({
    kind: z.literal('custom'),
    options: z
      .array(ScaleOptionSchema)
      .min(2)
      .max(10)
      .refine((options) => new Set(options.map((o) => o.id)).size === options.length, 'option ids must be unique'),
  }),
]);
export type Scale = z.infer<typeof ScaleSchema>;

export const CriticalitySchema = z.enum([
  /** An ordinary weighted criterion. */
  'none',
  /** Failing it fails the whole evaluation: score 0. */
  'evaluation',
  /** Failing it zeroes its section. */
  'section',
]);
export type Criticality = z.infer<typeof CriticalitySchema>;

export const CriterionSchema = z.object({
  id,
  title: label,
  /** The standard, as the reviewer should read it while scoring. */
  description: z.string().max(2000).default(''),
  weight: z.number().min(0).max(1000),
  scale: ScaleSchema,
  allowNa: z.boolean().default(false),
  critical: CriticalitySchema.default('none'),
  /** The automatic check that answers this criterion in advance, for the reviewer to confirm or change. */
  autoCheck: AutoCheckLinkSchema.optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const SectionSchema = z.object({
  id,
  title: label,
  /** Bonus criteria add to the score on top of the base sections (never above 100). */
  bonus: z.boolean().default(false),
  criteria: z.array(CriterionSchema).min(1).max(100),
});
export type Section = z.infer<typeof SectionSchema>;

const uniqueIds = (scorecard: { sections: Section[] }) => {
  const ids = scorecard.sections.flatMap((s) => [s.id, ...s.criteria.map((c) => c.id)]);
  return new Set(ids).size === ids.length;
};

/** The editable content of a scorecard: what its JSON file holds. */
export const ScorecardContentSchema = z
  .object({
    name: label,
    description: z.string().max(2000).default(''),
    /** Channels this scorecard is the default for. */
    channels: z.array(ChannelSchema).default([]),
    /** Minimum score (0–100) that passes. */
    passMark: z.number().min(0).max(100),
    sections: z.array(SectionSchema).min(1).max(50),
  })
  .refine(uniqueIds, { message: 'section and criterion ids must be unique', path: ['sections'] });
export type ScorecardContent = z.infer<typeof ScorecardContentSchema>;

/**
 * One immutable version of a scorecard. Editing a scorecard that evaluations use stores a new
 * version under the same `id`; evaluations pin `[id, version]`.
 */
export const ScorecardSchema = z.intersection(
  ScorecardContentSchema,
  z.object({
    id: RecordId,
    version: z.number().int().min(1),
    archived: z.boolean().default(false),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);
export type Scorecard = z.infer<typeof ScorecardSchema>;

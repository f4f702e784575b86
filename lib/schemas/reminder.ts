import { z } from 'zod';
import { Timestamp } from './common';

export const ReminderKindSchema = z.enum(['acknowledgement', 'follow-up']);
export type ReminderKind = z.infer<typeof ReminderKindSchema>;

/**
 * A reminder the background worker owes the user. Kept in the database, not in memory, so a
 * stopped worker or a restarted browser still shows each one once.
 */
export const ReminderSchema = z.object({
  /** `<kind>:<subject id>`: one reminder per deadline. */
  id: z.string().max(200),
  kind: ReminderKindSchema,
  /** The evaluation or coaching plan the reminder is about. */
  subjectId: z.string().max(64),
  dueAt: Timestamp,
  title: z.string().max(200),
  message: z.string().max(1000),
  /** When the notification was shown; null while pending. */
  notifiedAt: Timestamp.nullable().default(null),
});
export type Reminder = z.infer<typeof ReminderSchema>;

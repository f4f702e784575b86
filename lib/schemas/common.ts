import { z } from 'zod';

/** Record ids are UUID v7 strings (time-ordered, so new rows append to the primary index). */
export const RecordId = z.string().min(1).max(64);

/** Milliseconds since the Unix epoch. Every clock reading is passed in; schemas never read the clock. */
export const Timestamp = z.number().int().nonnegative();

export const ChannelSchema = z.enum(['email', 'chat', 'messaging', 'social', 'voice', 'other']);
export type Channel = z.infer<typeof ChannelSchema>;
export const CHANNELS = ChannelSchema.options;

/** How channels read in the interface and reports. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  chat: 'Chat',
  messaging: 'Messaging',
  social: 'Social',
  voice: 'Voice',
  other: 'Other',
};

export const RoleSchema = z.enum(['supervisor', 'agent', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

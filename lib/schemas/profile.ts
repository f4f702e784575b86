import { z } from 'zod';
import { RoleSchema } from './common';

/**
 * A name or email address the user appears under in a helpdesk, so the product can tell which
 * tickets and reviews are about them. `helpdesk` null means any helpdesk.
 */
export const HelpdeskIdentitySchema = z.object({
  helpdesk: z.string().max(40).nullable().default(null),
  value: z.string().trim().min(1).max(500),
});
export type HelpdeskIdentity = z.infer<typeof HelpdeskIdentitySchema>;

/** Who is using this browser profile: stamped on every evaluation they write. */
export const ProfileSchema = z.object({
  name: z.string().trim().max(200),
  role: RoleSchema,
  identities: z.array(HelpdeskIdentitySchema).max(50).default([]),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = { name: '', role: 'supervisor', identities: [] };

import { z } from 'zod';
import { RoleSchema } from './common';

/** Who is using this browser profile: stamped on every evaluation they write. */
export const ProfileSchema = z.object({
  name: z.string().trim().max(200),
  role: RoleSchema,
});
export type Profile = z.infer<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = { name: '', role: 'supervisor' };

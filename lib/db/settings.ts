import { DEFAULT_PROFILE, ProfileSchema, type Profile } from '../schemas';
import type { QaLensDatabase } from './database';

const PROFILE_KEY = 'profile';

export async function getProfile(db: QaLensDatabase): Promise<Profile> {
  const row = await db.settings.get(PROFILE_KEY);
  const parsed = ProfileSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_PROFILE;
}

export async function saveProfile(db: QaLensDatabase, profile: Profile): Promise<Profile> {
  const valid = ProfileSchema.parse(profile);
  await db.settings.put({ key: PROFILE_KEY, value: valid });
  return valid;
}

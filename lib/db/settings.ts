import { DEFAULT_PROFILE, DEFAULT_TEAM_SETTINGS, ProfileSchema, TeamSettingsSchema, type Profile, type TeamSettings } from '../schemas';
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

const TEAM_SETTINGS_KEY = 'team';

/** The team's rules; the defaults until someone changes them. */
export async function getTeamSettings(db: QaLensDatabase): Promise<TeamSettings> {
  const row = await db.settings.get(TEAM_SETTINGS_KEY);
  const parsed = TeamSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_TEAM_SETTINGS;
}

export async function saveTeamSettings(db: QaLensDatabase, settings: TeamSettings): Promise<TeamSettings> {
  const valid = TeamSettingsSchema.parse(settings);
  await db.settings.put({ key: TEAM_SETTINGS_KEY, value: valid });
  return valid;
}

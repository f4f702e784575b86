import { DEFAULT_PROFILE, DEFAULT_TEAM_SETTINGS, ProfileSchema, TeamSettingsSchema, type Profile, type TeamSettings } from '../schemas';
import { TEAM_SETTINGS_KEY as SHARED_TEAM_SETTINGS_KEY } from '../schemas';
import { put, recordChanges, writeTransaction } from './changes';
import type { QaLensDatabase } from './database';
import { getTeamLink } from './sync-state';

const PROFILE_KEY = 'profile';

/**
 * Who uses this browser. In a team, the name, role and helpdesk identities are the member's as the
 * team server keeps them, so "about me" matches the same way on every machine of that member.
 */
export async function getProfile(db: QaLensDatabase): Promise<Profile> {
  const [row, link] = await Promise.all([db.settings.get(PROFILE_KEY), getTeamLink(db)]);
  const parsed = ProfileSchema.safeParse(row?.value);
  const local = parsed.success ? parsed.data : DEFAULT_PROFILE;
  return link ? { name: link.member.name, role: link.member.role, identities: link.member.identities } : local;
}

export async function saveProfile(db: QaLensDatabase, profile: Profile): Promise<Profile> {
  const valid = ProfileSchema.parse(profile);
  await db.settings.put({ key: PROFILE_KEY, value: valid });
  return valid;
}

/** The settings row of the team's rules: the same key they sync under. */
const TEAM_SETTINGS_KEY = SHARED_TEAM_SETTINGS_KEY;

/** The team's rules; the defaults until someone changes them. */
export async function getTeamSettings(db: QaLensDatabase): Promise<TeamSettings> {
  const row = await db.settings.get(TEAM_SETTINGS_KEY);
  const parsed = TeamSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_TEAM_SETTINGS;
}

export async function saveTeamSettings(db: QaLensDatabase, settings: TeamSettings, now = Date.now()): Promise<TeamSettings> {
  const valid = TeamSettingsSchema.parse(settings);
  await writeTransaction(db, [db.settings], async () => {
    await db.settings.put({ key: TEAM_SETTINGS_KEY, value: valid });
    await recordChanges(db, [put('team-settings', valid)], 'own', now);
  });
  return valid;
}

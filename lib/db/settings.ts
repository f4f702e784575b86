import { DEFAULT_PROFILE, DEFAULT_TEAM_SETTINGS, ProfileSchema, TeamSettingsSchema, type Profile, type TeamSettings } from '../schemas';
import { TEAM_SETTINGS_KEY as SHARED_TEAM_SETTINGS_KEY } from '../schemas';
import type { PrivacySettings } from '../schemas';
import { audit, auditTables } from './audit';
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

export async function saveProfile(db: QaLensDatabase, profile: Profile, now = Date.now()): Promise<Profile> {
  const valid = ProfileSchema.parse(profile);
  await db.transaction('rw', auditTables(db), async () => {
    await db.settings.put({ key: PROFILE_KEY, value: valid });
    await audit(db, { action: 'settings.change', target: 'settings:profile', summary: `Profile saved: ${valid.name || 'no name'}, ${valid.role}, ${valid.identities.length} helpdesk ${valid.identities.length === 1 ? 'identity' : 'identities'}.` }, now);
  });
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
  return updateTeamSettings(db, () => settings, now);
}

/** Saves the Team rules form: every team setting but the privacy ones, which Settings → Privacy saves. */
export function saveTeamRules(db: QaLensDatabase, rules: TeamSettings, now = Date.now()): Promise<TeamSettings> {
  return updateTeamSettings(db, (current) => ({ ...rules, privacy: current.privacy }), now);
}

/** Saves Settings → Privacy: what is redacted and how long records are kept. */
export function savePrivacySettings(db: QaLensDatabase, privacy: PrivacySettings, now = Date.now()): Promise<TeamSettings> {
  return updateTeamSettings(db, (current) => ({ ...current, privacy }), now);
}

/**
 * Reads, changes and stores the team's settings in one transaction, so two sections of the settings
 * page saving at once cannot undo each other, and logs which settings changed.
 */
async function updateTeamSettings(db: QaLensDatabase, change: (current: TeamSettings) => TeamSettings, now: number): Promise<TeamSettings> {
  return writeTransaction(db, [db.settings], async () => {
    const current = await getTeamSettings(db);
    const valid = TeamSettingsSchema.parse(change(current));
    await db.settings.put({ key: TEAM_SETTINGS_KEY, value: valid });
    await recordChanges(db, [put('team-settings', valid)], 'own', now);
    const changed = (Object.keys(valid) as (keyof TeamSettings)[]).filter((key) => JSON.stringify(valid[key]) !== JSON.stringify(current[key]));
    if (changed.length > 0) await audit(db, { action: 'settings.change', target: 'settings:team', summary: `Team settings changed: ${changed.map((key) => SETTING_NAMES[key] ?? key).join(', ')}.` }, now);
    return valid;
  });
}

const SETTING_NAMES: Partial<Record<keyof TeamSettings, string>> = {
  requireBalancedFeedback: 'balanced feedback',
  minFeedbackChars: 'minimum feedback length',
  acknowledgementWorkingDays: 'days to acknowledge',
  rootCauses: 'root causes',
  privacy: 'privacy (redaction and retention)',
};

/** The team's redaction rules as stored, compiled once per change of the settings. */
import { redactionRules, type RedactionRules } from '../privacy';
import type { PrivacySettings } from '../schemas';
import type { QaLensDatabase } from './database';
import { getTeamSettings } from './settings';

let cached: { key: string; rules: RedactionRules & { refused: string[] } } | undefined;

export function rulesFor(privacy: PrivacySettings): RedactionRules & { refused: string[] } {
  const key = JSON.stringify(privacy);
  if (cached?.key !== key) cached = { key, rules: redactionRules(privacy) };
  return cached.rules;
}

/** Read before a write's transaction opens: a Dexie transaction must not wait on anything but Dexie. */
export async function getRedactionRules(db: QaLensDatabase): Promise<RedactionRules & { refused: string[] }> {
  return rulesFor((await getTeamSettings(db)).privacy);
}

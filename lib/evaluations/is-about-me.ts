import type { Person, Profile } from '../schemas';

const normalise = (text: string) => text.trim().toLocaleLowerCase();

/**
 * Whether a ticket's agent is the signed-in user: their display name, or one of the names and
 * email addresses they listed as theirs for that helpdesk (or for any helpdesk). Case and outer
 * spaces are ignored, since helpdesks print names as their admins typed them.
 */
export function isAboutMe(agent: Person | null, helpdesk: string, profile: Pick<Profile, 'name' | 'identities'>): boolean {
  if (!agent) return false;
  const mine = new Set(
    [profile.name, ...profile.identities.filter((i) => i.helpdesk === null || i.helpdesk === helpdesk).map((i) => i.value)]
      .map(normalise)
      .filter(Boolean),
  );
  return [agent.name, agent.email ?? ''].map(normalise).some((value) => value !== '' && mine.has(value));
}

import type { QaLensDatabase } from '@/lib/db';
import { linkTeam } from '@/lib/db/team-link';
import type { Role } from '@/lib/schemas';
import { freshDatabase } from './factories';

/** A browser linked to a team as a member of `role`, so its own writes are queued for the server. */
export async function joinedTeam(role: Role, name: string, now: number, db = freshDatabase()): Promise<QaLensDatabase> {
  await linkTeam(
    db,
    {
      serverUrl: 'http://127.0.0.1:8787',
      team: { id: 'team-1', name: 'Support' },
      member: { id: `member-${role}`, name, email: null, role, identities: [], active: true },
      token: 't'.repeat(40),
      expiresAt: now + 1e9,
      joinedAt: now,
    },
    crypto.randomUUID(),
    now,
  );
  return db;
}

/** The outbox as `<op> <kind> <key>` lines, in send order. */
export const queuedChanges = async (db: QaLensDatabase) => (await db.outbox.toArray()).map((e) => `${e.op} ${e.kind} ${e.key}`);

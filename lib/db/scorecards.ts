import { ScorecardContentSchema, type Scorecard, type ScorecardContent } from '../schemas';
import type { QaLensDatabase } from './database';
import { newId } from '../ids';
import { put, recordChanges, writeTransaction } from './changes';
import { getTeamLink } from './sync-state';

/** The newest version of every scorecard that is not archived, by name. */
export async function listScorecards(db: QaLensDatabase): Promise<Scorecard[]> {
  const latest = new Map<string, Scorecard>();
  for (const row of await db.scorecards.toArray()) {
    const seen = latest.get(row.id);
    if (!seen || row.version > seen.version) latest.set(row.id, row);
  }
  return [...latest.values()].filter((s) => !s.archived).sort((a, b) => a.name.localeCompare(b.name));
}

export function getScorecard(db: QaLensDatabase, id: string, version: number): Promise<Scorecard | undefined> {
  return db.scorecards.get([id, version]);
}

async function latestVersion(db: QaLensDatabase, id: string): Promise<Scorecard | undefined> {
  return db.scorecards.where('id').equals(id).reverse().sortBy('version').then((rows) => rows[0]);
}

/**
 * Saves a scorecard's content. A version that evaluations already use is never changed: the edit
 * becomes the next version, so old evaluations keep scoring against what the reviewer saw.
 */
export async function saveScorecard(
  db: QaLensDatabase,
  input: { id?: string; content: ScorecardContent },
  now: number,
): Promise<Scorecard> {
  const content = ScorecardContentSchema.parse(input.content);
  return writeTransaction(db, [db.scorecards, db.evaluations], async () => {
    const current = input.id ? await latestVersion(db, input.id) : undefined;
    if (!current) {
      const created: Scorecard = { ...content, id: input.id ?? newId(), version: 1, archived: false, createdAt: now, updatedAt: now };
      await db.scorecards.add(created);
      await recordChanges(db, [put('scorecard', created)], 'own', now);
      return created;
    }
    const inUse = await db.evaluations.where('[scorecardId+scorecardVersion]').equals([current.id, current.version]).count();
    const saved: Scorecard = inUse
      ? { ...content, id: current.id, version: current.version + 1, archived: false, createdAt: now, updatedAt: now }
      : { ...content, id: current.id, version: current.version, archived: current.archived, createdAt: current.createdAt, updatedAt: now };
    await db.scorecards.put(saved);
    await recordChanges(db, [put('scorecard', saved)], 'own', now);
    return saved;
  });
}

/** Hides a scorecard from new evaluations; its versions stay for the evaluations that use them. */
export async function archiveScorecard(db: QaLensDatabase, id: string, now: number): Promise<void> {
  await writeTransaction(db, [db.scorecards], async () => {
    const archived = (await db.scorecards.where('id').equals(id).toArray()).map((card) => ({ ...card, archived: true, updatedAt: now }));
    await db.scorecards.bulkPut(archived);
    await recordChanges(db, archived.map((card) => put('scorecard', card)), 'own', now);
  });
}

/**
 * Puts the bundled templates in a profile that has no scorecards yet. In a team, scorecards are
 * the admins' to set: an admin's browser seeds them for the team, everyone else's waits for them.
 */
export async function seedScorecards(db: QaLensDatabase, templates: readonly ScorecardContent[], now: number): Promise<void> {
  await writeTransaction(db, [db.scorecards, db.evaluations], async () => {
    if ((await db.scorecards.count()) > 0) return;
    const link = await getTeamLink(db);
    if (link && link.member.role !== 'admin') return;
    for (const content of templates) await saveScorecard(db, { content }, now);
  });
}

import type { Reminder } from '../schemas';
import type { PlannedReminder } from '../reminders/plan-reminders';
import type { QaLensDatabase } from './database';

/**
 * Makes the stored reminders exactly the planned ones, in one transaction. A reminder keeps its
 * `notifiedAt` while its due time is unchanged, so it is shown once; a moved deadline shows again.
 */
export function replaceReminders(db: QaLensDatabase, planned: PlannedReminder[]): Promise<Reminder[]> {
  return db.transaction('rw', db.reminders, async () => {
    const stored = new Map((await db.reminders.toArray()).map((r) => [r.id, r]));
    const next = planned.map((p): Reminder => {
      const previous = stored.get(p.id);
      return { ...p, notifiedAt: previous && previous.dueAt === p.dueAt ? previous.notifiedAt : null };
    });
    const keep = new Set(next.map((r) => r.id));
    await db.reminders.bulkDelete([...stored.keys()].filter((id) => !keep.has(id)));
    await db.reminders.bulkPut(next);
    return next;
  });
}

export async function markNotified(db: QaLensDatabase, ids: string[], now: number): Promise<void> {
  await db.reminders.where('id').anyOf(ids).modify({ notifiedAt: now });
}

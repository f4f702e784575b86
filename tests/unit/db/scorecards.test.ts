import { getScorecard, listScorecards, saveScorecard, seedScorecards, archiveScorecard } from '@/lib/db';
import { newDraft } from '@/lib/evaluations/new-draft';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';
import { chatTemplate, freshDatabase, ticket } from './factories';

describe('scorecard versions', () => {
  it('seeds the three templates once', async () => {
    const db = freshDatabase();
    await seedScorecards(db, SCORECARD_TEMPLATES, 1);
    await seedScorecards(db, SCORECARD_TEMPLATES, 2);
    expect((await listScorecards(db)).map((s) => s.name)).toEqual(['Chat & email quality', 'Complaint handling (HEAT)', 'Compliance']);
  });

  it('edits an unused scorecard in place', async () => {
    const db = freshDatabase();
    const created = await saveScorecard(db, { content: chatTemplate }, 1);
    const edited = await saveScorecard(db, { id: created.id, content: { ...chatTemplate, passMark: 70 } }, 2);
    expect(edited).toMatchObject({ id: created.id, version: 1, passMark: 70, createdAt: 1, updatedAt: 2 });
  });

  it('keeps a used version unchanged and saves the edit as the next version', async () => {
    const db = freshDatabase();
    const v1 = await saveScorecard(db, { content: chatTemplate }, 1);
    await db.evaluations.add(newDraft({ ticket, scorecard: v1, author: { name: 'Rae', role: 'supervisor', identities: [] }, now: 2 }));
    const v2 = await saveScorecard(db, { id: v1.id, content: { ...chatTemplate, passMark: 60 } }, 3);
    expect(v2.version).toBe(2);
    expect((await getScorecard(db, v1.id, 1))?.passMark).toBe(chatTemplate.passMark);
    expect((await listScorecards(db)).find((s) => s.id === v1.id)?.version).toBe(2);
  });

  it('refuses invalid content with the path of the problem', async () => {
    const db = freshDatabase();
    await expect(saveScorecard(db, { content: { ...chatTemplate, passMark: 140 } }, 1)).rejects.toThrow(/passMark/);
    expect(await db.scorecards.count()).toBe(0);
  });

  it('hides archived scorecards from the list but keeps their versions', async () => {
    const db = freshDatabase();
    const card = await saveScorecard(db, { content: chatTemplate }, 1);
    await archiveScorecard(db, card.id, 2);
    expect(await listScorecards(db)).toEqual([]);
    expect(await getScorecard(db, card.id, 1)).toBeDefined();
  });
});

import { Dexie } from 'dexie';
import { QaLensDatabase, SCHEMA_VERSION, listEvaluations } from '@/lib/db';
import { createTables } from '@/lib/db/migrations/001-create-tables';

/** Opens a database as version 1 of QA Lens would have, writes to it and closes it. */
async function seedVersion1(name: string) {
  const old = new Dexie(name);
  createTables(old);
  await old.open();
  const base = {
    kind: 'review',
    ticket: { key: 'zendesk:1', helpdesk: 'zendesk', ticketId: '1', url: 'https://acme.zendesk.com/agent/tickets/1', channel: 'email', subject: 'S', agent: null },
    scorecardId: 'card',
    scorecardVersion: 1,
    answers: {},
    strengths: '',
    improvements: '',
    author: { name: 'Rae', role: 'supervisor' },
    score: 90,
    passed: true,
    reviewSeconds: 30,
    createdAt: 1_000,
  };
  await old.table('evaluations').bulkAdd([
    { ...base, id: 'submitted-1', status: 'submitted', updatedAt: 5_000 },
    { ...base, id: 'draft-1', status: 'draft', score: null, passed: null, updatedAt: 7_000 },
  ]);
  old.close();
}

describe('schema migrations', () => {
  it('upgrades a version 1 database: submitted rows get their submission time, drafts none', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await seedVersion1(name);

    const db = new QaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.evaluations.get('submitted-1')).toMatchObject({ submittedAt: 5_000, score: 90 });
    expect(await db.evaluations.get('draft-1')).toMatchObject({ submittedAt: null, status: 'draft' });
    // The new index answers the dashboard's query.
    expect((await listEvaluations(db)).map((e) => e.id)).toEqual(['submitted-1']);
    db.close();

    const reopened = new QaLensDatabase(name);
    expect(await reopened.evaluations.count()).toBe(2);
    reopened.close();
  });

  it('numbers every migration file and registers each exactly once', async () => {
    const files = Object.keys(import.meta.glob('/lib/db/migrations/*.ts'));
    const numbers = files.map((f) => Number(/\/(\d{3})-[a-z-]+\.ts$/.exec(f)?.[1]));
    expect(numbers.sort()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });
});

import { getPanelTicketKpis, savePanelTicketKpis } from '@/lib/db';
import { TicketKpisSchema } from '@/lib/schemas';
import { freshDatabase } from './factories';

const kpis = (patch: object) => TicketKpisSchema.parse(patch);

describe('ticket KPIs entered in the panel', () => {
  it('keeps one record per ticket and updates it in place', async () => {
    const db = freshDatabase();
    const first = await savePanelTicketKpis(db, { ticketKey: 'zendesk:1001', agent: 'Alex Moreno', kpis: kpis({ csat: 3 }) }, 1_000);
    const second = await savePanelTicketKpis(db, { ticketKey: 'zendesk:1001', agent: 'Alex Moreno', kpis: kpis({ csat: 5, reopens: 1 }) }, 2_000);
    expect(second).toMatchObject({ id: first.id, scope: 'ticket', source: 'panel', createdAt: 1_000, updatedAt: 2_000 });
    expect(await db.kpis.count()).toBe(1);
    expect((await getPanelTicketKpis(db, 'zendesk:1001'))?.kpis).toMatchObject({ csat: 5, reopens: 1 });
    expect(await getPanelTicketKpis(db, 'zendesk:1002')).toBeUndefined();
  });

  it('leaves an imported record of the same ticket alone', async () => {
    const db = freshDatabase();
    const imported = { id: 'imported-1', scope: 'ticket' as const, ticketKey: 'zendesk:1001', agent: null, at: null, kpis: kpis({ csat: 1 }), source: 'import' as const, createdAt: 1, updatedAt: 1 };
    await db.kpis.add(imported);
    await savePanelTicketKpis(db, { ticketKey: 'zendesk:1001', agent: null, kpis: kpis({ csat: 4 }) }, 5);
    expect(await db.kpis.get('imported-1')).toEqual(imported);
    expect((await getPanelTicketKpis(db, 'zendesk:1001'))?.kpis.csat).toBe(4);
  });
});

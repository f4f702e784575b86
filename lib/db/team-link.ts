/**
 * Joining and leaving a team, as far as this browser's database goes: the link row, the members,
 * and the first upload of what this member already has.
 */
import { TEAM_SETTINGS_KEY, type Member, type SyncKind } from '../schemas';
import { put, recordChanges, writeTransaction, type RecordChange } from './changes';
import type { QaLensDatabase } from './database';
import { getTeamSettings } from './settings';
import { IDLE_STATUS, type TeamLinkRow } from './sync-state';

/** Every shared record this browser holds, as changes (the team server sorts out what it already has). */
async function everythingShared(db: QaLensDatabase): Promise<RecordChange[]> {
  const [scorecards, evaluations, tickets, acknowledgements, disputes, plans, kpis, team, monitoringPlans, samples, sessions] = await Promise.all([
    db.scorecards.toArray(),
    db.evaluations.filter((e) => e.status !== 'draft').toArray(),
    db.tickets.toArray(),
    db.acknowledgements.toArray(),
    db.disputes.toArray(),
    db.coachingPlans.toArray(),
    db.kpis.toArray(),
    db.settings.get(TEAM_SETTINGS_KEY),
    db.monitoringPlans.toArray(),
    db.samples.toArray(),
    db.calibrationSessions.toArray(),
  ]);
  const cited = new Set(evaluations.map((e) => e.ticket.key));
  const of = <K extends SyncKind>(kind: K, rows: readonly unknown[]) => rows.map((row) => put(kind, row as never));
  return [
    ...of('scorecard', scorecards),
    ...of('ticket', tickets.filter((t) => cited.has(t.key))),
    ...of('evaluation', evaluations),
    ...of('acknowledgement', acknowledgements),
    ...of('dispute', disputes),
    ...of('coaching-plan', plans),
    ...of('kpi', kpis),
    ...of('monitoring-plan', monitoringPlans),
    ...of('sample', samples),
    ...of('calibration-session', sessions),
    ...(team ? [put('team-settings', await getTeamSettings(db))] : []),
  ];
}

/**
 * Links this browser to a team and queues what the member already has and may share, so a
 * supervisor who scored alone until today brings their reviews along. One transaction: a worker
 * stopped half-way leaves the browser unlinked, with nothing queued.
 */
export function linkTeam(db: QaLensDatabase, link: Omit<TeamLinkRow, 'key' | 'cursor'>, clientId: string, now: number): Promise<void> {
  const tables = [db.scorecards, db.evaluations, db.tickets, db.acknowledgements, db.disputes, db.coachingPlans, db.kpis, db.settings, db.members, db.monitoringPlans, db.samples, db.calibrationSessions];
  return writeTransaction(db, tables, async () => {
    await db.outbox.clear();
    // A new client for every membership: its mutation ids start at 1, as the server expects of a
    // client it has not seen, and a browser that left and joined again is never taken for its old self.
    await db.syncState.put({ key: 'client', clientId, nextMutationId: 1 });
    await db.syncState.put({ ...link, key: 'link', cursor: 0 });
    await db.syncState.put({ ...IDLE_STATUS, phase: 'syncing' });
    await db.members.clear();
    await db.members.put(link.member);
    await recordChanges(db, await everythingShared(db), 'own', now);
  });
}

/** Leaves the team: the link, the client, the queue and the members go; every record stays in this browser. */
export function unlinkTeam(db: QaLensDatabase): Promise<void> {
  return db.transaction('rw', [db.syncState, db.outbox, db.members], async () => {
    await db.syncState.bulkDelete(['link', 'status', 'client']);
    await db.outbox.clear();
    await db.members.clear();
  });
}

export function listMembers(db: QaLensDatabase): Promise<Member[]> {
  return db.members.toArray();
}

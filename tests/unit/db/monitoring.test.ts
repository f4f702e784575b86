import { calibrationResults } from '@/lib/calibration/session-results';
import { importCalibrationScores, listCalibrationEvaluations, openSessionFor, planCalibrationImport, saveSession } from '@/lib/db/calibration';
import { drawFollowUpSample, drawPlanSample, listSamples, loadPool, replaceSampledTicket, savePlan } from '@/lib/db/monitoring';
import { recordSeenTicket } from '@/lib/db/panel-plans';
import { linkTeam } from '@/lib/db/team-link';
import type { CalibrationSession, Evaluation, ImportedTicket } from '@/lib/schemas';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';
import { plan } from '../sampling/sampling-factories';
import { freshDatabase, ticket } from './factories';

const NOW = Date.UTC(2025, 4, 10, 12);
const LEAD = { name: 'Lead', role: 'supervisor' as const };

function imported(id: string, agent: string, channel: ImportedTicket['channel'] = 'email'): ImportedTicket {
  return { key: `zendesk:${id}`, helpdesk: 'zendesk', ticketId: id, url: `https://acme.zendesk.com/agent/tickets/${id}`, channel, agent, createdAt: NOW - 86_400_000, complexity: null, reopened: null, complaint: null, importedAt: NOW };
}

async function withPool() {
  const db = freshDatabase();
  await db.importedTickets.bulkAdd([...Array.from({ length: 8 }, (_, i) => imported(String(100 + i), 'Ana')), ...Array.from({ length: 8 }, (_, i) => imported(String(200 + i), 'Ben'))]);
  await savePlan(db, plan({ channels: ['email'], quotas: [{ agent: 'Ana', channel: 'email', complexity: null, count: 3 }, { agent: 'Ben', channel: 'email', complexity: null, count: 3 }] }), NOW);
  return db;
}

async function joinAsSupervisor(db: ReturnType<typeof freshDatabase>) {
  await linkTeam(
    db,
    { serverUrl: 'http://127.0.0.1:8787', team: { id: 't', name: 'Support' }, member: { id: 'm', name: 'Lead', email: null, role: 'supervisor', identities: [], active: true }, token: 't'.repeat(40), expiresAt: NOW + 1e9, joinedAt: NOW },
    crypto.randomUUID(),
    NOW,
  );
}

describe('monitoring plans in the database', () => {
  it('records each ticket the panel reads once, for the pool', async () => {
    const db = freshDatabase();
    await recordSeenTicket(db, ticket, NOW);
    await recordSeenTicket(db, { ...ticket, agent: { name: 'Sam Okafor' } }, NOW + 5);
    const seen = await db.seenTickets.toArray();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ firstSeenAt: NOW, lastSeenAt: NOW + 5, agent: 'Sam Okafor' });
    expect(await loadPool(db)).toHaveLength(1);
  });

  it('draws and stores a sample per stratum with its seed; the same seed redraws the same tickets', async () => {
    const db = await withPool();
    const first = await drawPlanSample(db, 'plan-may', { seed: 77, by: LEAD, now: NOW });
    expect(first.samples.map((s) => [s.stratum.agent, s.seed, s.items.filter((i) => i.state === 'sampled').length])).toEqual([
      ['Ana', 77, 3],
      ['Ben', 77, 3],
    ]);
    const keys = (await listSamples(db)).flatMap((s) => s.items.map((i) => i.key)).sort();
    const again = await drawPlanSample(db, 'plan-may', { seed: 77, by: LEAD, now: NOW + 1 });
    expect(again.samples.flatMap((s) => s.items.map((i) => i.key)).sort()).toEqual(keys);
    expect(await db.samples.count()).toBe(2);
  });

  it('keeps the sample once a sampled ticket was reviewed, and says why', async () => {
    const db = await withPool();
    const { samples } = await drawPlanSample(db, 'plan-may', { seed: 1, by: LEAD, now: NOW });
    const sampled = samples[0]!.items.find((i) => i.state === 'sampled')!;
    await db.evaluations.add(makeEvaluation({ id: 'done-1', ticketId: sampled.ticketId, submittedAt: NOW + 10 }));
    await expect(drawPlanSample(db, 'plan-may', { seed: 2, by: LEAD, now: NOW + 20 })).rejects.toThrow(/1 sampled ticket is already reviewed, so the sample stays: replace single tickets instead/);
  });

  it('replaces a ticket with the next backup and logs why; in a team, the new sample is queued for the server', async () => {
    const db = await withPool();
    await joinAsSupervisor(db);
    const { samples } = await drawPlanSample(db, 'plan-may', { seed: 5, by: LEAD, now: NOW });
    const sample = samples[0]!;
    const out = sample.items.find((i) => i.state === 'sampled')!;
    const next = await replaceSampledTicket(db, sample.id, out.key, { reason: 'Spam', by: 'Lead', now: NOW + 1 });
    expect(next.items.find((i) => i.key === out.key)?.state).toBe('replaced');
    expect((await db.samples.get(sample.id))!.log.at(-1)).toMatchObject({ action: 'replaced', reason: 'Spam', key: out.key });
    const kinds = (await db.outbox.toArray()).map((e) => `${e.op} ${e.kind}`);
    expect(kinds).toContain('put monitoring-plan');
    expect(kinds.filter((k) => k === 'put sample')).toHaveLength(3);
  });

  it('draws a coaching follow-up of the agent’s tickets since coaching started', async () => {
    const db = await withPool();
    await db.coachingPlans.add({
      id: 'coach-1',
      agent: { name: 'Ben' },
      createdBy: LEAD,
      sourceEvaluationId: null,
      metric: { kind: 'qa-score' },
      baseline: { value: 70, sampleSize: 5, from: 0, to: NOW - 2 * 86_400_000 },
      target: 85,
      goal: '',
      actions: [],
      startAt: NOW - 2 * 86_400_000,
      dueAt: NOW + 1e9,
      followUpAt: NOW + 1e9,
      outcome: null,
      createdAt: 0,
      updatedAt: 0,
    });
    const { samples } = await drawFollowUpSample(db, { planId: 'plan-may', coachingPlanId: 'coach-1', count: 4, seed: 3, by: LEAD, now: NOW });
    expect(samples[0]).toMatchObject({ purpose: 'follow-up', coachingPlanId: 'coach-1', stratum: { agent: 'Ben' } });
    expect(samples[0]!.items.filter((i) => i.state === 'sampled').every((i) => i.agent === 'Ben')).toBe(true);
  });
});

describe('calibration sessions in the database', () => {
  const card = makeScorecard();
  const session: CalibrationSession = {
    id: 'cal-1',
    name: 'May calibration',
    scorecardId: card.id,
    scorecardVersion: 1,
    tickets: [{ key: 'zendesk:1001', helpdesk: 'zendesk', ticketId: '1001', url: '', channel: 'email', subject: 'S', agent: { name: 'Sam' } }],
    participants: ['Lead', 'Rita', 'Sol'],
    benchmark: 'Lead',
    status: 'open',
    notes: '',
    createdBy: LEAD,
    createdAt: NOW,
    updatedAt: NOW,
  };

  it('imports other reviewers’ scores as the session’s calibration scores, refusing what does not belong', async () => {
    const db = freshDatabase();
    await saveSession(db, session, NOW);
    const read: Evaluation[] = [
      { ...makeEvaluation({ id: 'rita-1', reviewer: 'Rita', ticketId: '1001' }), kind: 'calibration' },
      makeEvaluation({ id: 'sol-review', reviewer: 'Sol', ticketId: '1001', choices: { greeting: 'no' } }),
      makeEvaluation({ id: 'visitor', reviewer: 'Visitor', ticketId: '1001' }),
      makeEvaluation({ id: 'other-ticket', reviewer: 'Rita', ticketId: '9999' }),
    ];
    const plan = planCalibrationImport(session, read, () => 'new-id');
    expect(plan.accepted.map((e) => [e.id, e.kind, e.calibrationSessionId])).toEqual([
      ['rita-1', 'calibration', 'cal-1'],
      ['new-id', 'calibration', 'cal-1'],
    ]);
    expect(plan.refused.map((r) => r.reason)).toEqual(['Visitor is not a participant of this session', "ticket 9999 is not one of this session's tickets"]);
    await importCalibrationScores(db, plan.accepted, NOW);
    const stored = await listCalibrationEvaluations(db);
    expect(calibrationResults(session, card, stored).submittedBy).toEqual([0, 1, 1]);
    await expect(importCalibrationScores(db, plan.accepted, NOW)).rejects.toThrow(/already stored: nothing was imported/);
  });

  it('tells the panel which open session a participant scores a ticket for', async () => {
    const db = freshDatabase();
    await saveSession(db, session, NOW);
    expect((await openSessionFor(db, 'zendesk:1001', 'rita'))?.id).toBe('cal-1');
    expect(await openSessionFor(db, 'zendesk:1001', 'Visitor')).toBeUndefined();
    await saveSession(db, { ...session, status: 'closed' }, NOW + 1);
    expect(await openSessionFor(db, 'zendesk:1001', 'Rita')).toBeUndefined();
  });

  it('refuses a benchmark who is not a participant', async () => {
    await expect(saveSession(freshDatabase(), { ...session, benchmark: 'Nobody' }, NOW)).rejects.toThrow(/The benchmark reviewer must be one of the participants/);
  });
});

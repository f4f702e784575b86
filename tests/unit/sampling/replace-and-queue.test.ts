import { drawSample } from '@/lib/sampling/draw-sample';
import { assignmentOf, doneLookup, planProgress, queueFor } from '@/lib/sampling/progress';
import { replaceItem } from '@/lib/sampling/replace-item';
import type { Evaluation, Sample } from '@/lib/schemas';
import { DAY, NOW, plan, samplesOf, tickets } from './sampling-factories';

const POOL = [...tickets(12, 'Ana', 'email'), ...tickets(6, 'Ana', 'chat', { csat: 5 }), ...tickets(12, 'Ben', 'email'), ...tickets(4, 'Ben', 'chat')];
const drawn = () => samplesOf(drawSample({ plan: plan(), pool: POOL, seed: 2025, now: NOW, reviewed: new Set() }));
const stratum = (samples: Sample[], key: string) => samples.find((s) => s.stratum.key === key)!;

function review(ticketKey: string, submittedAt: number, kind: Evaluation['kind'] = 'review'): Evaluation {
  return {
    id: `ev-${ticketKey}-${submittedAt}`,
    kind,
    status: 'submitted',
    ticket: { key: ticketKey, helpdesk: 'zendesk', ticketId: ticketKey.split(':')[1]!, url: '', channel: 'email', subject: '', agent: null },
    scorecardId: 'card',
    scorecardVersion: 1,
    answers: {},
    strengths: '',
    improvements: '',
    author: { name: 'Rita', role: 'supervisor' },
    score: 80,
    passed: true,
    reviewSeconds: 0,
    acknowledgeBy: null,
    history: [],
    createdAt: submittedAt,
    updatedAt: submittedAt,
    submittedAt,
  };
}

describe('replacing a sampled ticket', () => {
  it('takes the next backup of the same stratum, for the same reviewer, and logs who, when and why', () => {
    const sample = stratum(drawn(), 'ana|email|*');
    const out = sample.items.find((i) => i.state === 'sampled')!;
    const firstBackup = sample.items.find((i) => i.state === 'backup' && i.order === 4)!;
    const next = replaceItem(sample, out.key, { reason: 'Test ticket from the onboarding team', by: 'Lead', now: NOW + DAY });
    expect(next.items.find((i) => i.key === out.key)).toMatchObject({ state: 'replaced', replacement: { reason: 'Test ticket from the onboarding team', by: 'Lead', replacedBy: firstBackup.key } });
    expect(next.items.find((i) => i.key === firstBackup.key)).toMatchObject({ state: 'sampled', replaces: out.key, reviewer: out.reviewer });
    expect(next.items.filter((i) => i.state === 'sampled')).toHaveLength(4);
    expect(next.log.at(-1)).toEqual({ at: NOW + DAY, by: 'Lead', action: 'replaced', key: out.key, replacementKey: firstBackup.key, reason: 'Test ticket from the onboarding team' });
    expect(next.log[0]).toMatchObject({ action: 'drawn', key: 'ana|email|*', reason: 'seed 2025' });
  });

  it.each([
    ['without a reason', (s: Sample) => s.items.find((i) => i.state === 'sampled')!.key, '  ', /Say why this ticket is replaced/],
    ['a backup', (s: Sample) => s.items.find((i) => i.state === 'backup')!.key, 'Spam', /is not a sampled ticket \(it is a backup\)/],
    ['a ticket not in the sample', () => 'zendesk:nope', 'Spam', /is not in this sample/],
  ])('refuses %s', (_, pick, reason, message) => {
    const sample = stratum(drawn(), 'ana|email|*');
    expect(() => replaceItem(sample, pick(sample), { reason, by: 'Lead', now: NOW })).toThrow(message);
  });

  it('says so when the stratum has no backup left', () => {
    let sample = stratum(drawn(), 'ben|chat|*');
    // Four tickets for a quota of two: two backups, then none.
    for (let i = 0; i < 2; i++) sample = replaceItem(sample, sample.items.find((it) => it.state === 'sampled')!.key, { reason: 'Spam', by: 'Lead', now: NOW });
    expect(() => replaceItem(sample, sample.items.find((it) => it.state === 'sampled')!.key, { reason: 'Spam', by: 'Lead', now: NOW })).toThrow(/No backup left for Ben in this stratum/);
  });
});

describe('queues and progress', () => {
  it('a reviewer’s queue holds their sampled tickets not yet reviewed; a review submitted since the draw takes one out', () => {
    const samples = drawn();
    const ritas = queueFor('Rita', samples, doneLookup([]));
    expect(ritas.length).toBeGreaterThan(0);
    expect(ritas.every(({ item }) => item.reviewer === 'Rita' && item.state === 'sampled')).toBe(true);
    const first = ritas[0]!.item.key;
    const after = queueFor('Rita', samples, doneLookup([review(first, NOW + DAY)]));
    expect(after.map((q) => q.item.key)).toEqual(ritas.slice(1).map((q) => q.item.key));
  });

  it('a review from before the draw, a self-assessment or a calibration score does not finish a sampled ticket', () => {
    const samples = drawn();
    const key = queueFor('Rita', samples, doneLookup([]))[0]!.item.key;
    const done = doneLookup([review(key, NOW - DAY), review(key, NOW + DAY, 'self-assessment'), review(key, NOW + DAY, 'calibration')]);
    expect(queueFor('Rita', samples, done)[0]!.item.key).toBe(key);
  });

  it.each([
    // days of May (31) gone by, reviews done of Ana's 4 email tickets, behind?
    [1, 0, false],
    [16, 1, true],
    [16, 2, false],
    [31, 3, true],
    [31, 4, false],
  ])('%i days into the month with %i of 4 done: behind schedule %s', (days, count, behind) => {
    const samples = drawn();
    const now = Date.UTC(2025, 4, 1) + days * DAY;
    const keys = stratum(samples, 'ana|email|*').items.filter((i) => i.state === 'sampled').map((i) => i.key).slice(0, count);
    const row = planProgress(plan(), samples, doneLookup(keys.map((k) => review(k, NOW + 1))), now).find((r) => r.agent === 'Ana' && r.channel === 'email')!;
    expect(row).toMatchObject({ quota: 4, done: count, behind });
  });

  it('the panel learns which plan, stratum and quota a sampled ticket counts toward', () => {
    const samples = drawn();
    const item = stratum(samples, 'ben|email|*').items.find((i) => i.state === 'sampled')!;
    const found = assignmentOf(item.key, [plan()], samples, doneLookup([]), NOW)!;
    expect(found.plan.name).toBe('May monitoring');
    expect(found.item.reviewer).toBe(item.reviewer);
    expect(found.progress).toMatchObject({ agent: 'Ben', channel: 'email', quota: 4, done: 0 });
    expect(assignmentOf('zendesk:unknown', [plan()], samples, doneLookup([]), NOW)).toBeUndefined();
  });
});

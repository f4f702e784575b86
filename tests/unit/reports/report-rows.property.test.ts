/**
 * The report rows the database keeps give the same reports as the full evaluations, whatever was
 * written, edited, pulled or deleted, in whatever batches, and whatever the filter. Two checks:
 * the stored rows against rows freshly projected from the stored evaluations (so the upkeep in
 * `recordChanges` and the batched build lose nothing), and the headline, criteria and root causes
 * against a plain recount over the full evaluations (so the projection loses nothing reports need):
 * calibration left out unless the kind filter asks, the Spotlight filter read off the ticket's flags,
 * the per-agent sums behind the interval columns, the list's status, and the AutoQA report's counts.
 */
import fc from 'fast-check';
import { put, recordChanges, remove, writeTransaction, type ChangeOrigin } from '@/lib/db/changes';
import { buildReportRows, readReportRows } from '@/lib/db/report-rows';
import { EMPTY_FILTER, filterEvaluations, rowMatcher, type EvaluationFilter } from '@/lib/dashboard/filter-evaluations';
import { buildAutoQaReport } from '@/lib/reports/autoqa-report';
import { buildReport, type ReportInput } from '@/lib/reports/build-report';
import { answerRecord, copyRow, reportRows, type ReportRow } from '@/lib/reports/report-row';
import { DEFAULT_ROOT_CAUSES, SPOTLIGHT_KINDS, type AutomaticAnswer, type Channel, type Evaluation, type EvaluationKind, type EvaluationStatus, type Scorecard, type SpotlightKind } from '@/lib/schemas';
import { scaleOptions } from '@/lib/scoring';
import { freshDatabase } from '../db/factories';
import { makeScorecard } from '../dashboard/factories';
import { reportEvaluation } from './report-factories';

const v1 = makeScorecard();
// Version 2 drops "clarify" and makes "tone" critical: criteria keys span versions, critical ones differ.
const v2: Scorecard = {
  ...v1,
  version: 2,
  sections: v1.sections.map((s) => ({
    ...s,
    criteria: s.criteria.filter((c) => c.id !== 'clarify').map((c) => (c.id === 'tone' ? { ...c, critical: 'section' as const } : c)),
  })),
};
const SCORECARDS = [v1, v2];
/** Version 3 is pinned by some evaluations but not stored: reports must cope with an unknown scorecard. */
const scorecardFor = (id: string, version: number) => SCORECARDS.find((s) => s.id === id && s.version === version);

const DAY = 86_400_000;
const START = new Date(2025, 2, 1).getTime();
const AGENTS = ['Ana', 'Ben', 'Cleo'];
const REVIEWERS = ['Rita', 'Sam'];
const CHANNELS: Channel[] = ['email', 'chat', 'voice'];
const KINDS: EvaluationKind[] = ['review', 'review', 'self-assessment', 'calibration'];
const CAUSES = ['knowledge-gap', 'unclear-process', 'retired-cause'];
const STATUSES: Exclude<EvaluationStatus, 'draft'>[] = ['submitted', 'submitted', 'acknowledged', 'disputed', 'resolved'];
/** Automatic proposals on two criteria: a check's outcome, and whether the reviewer moved away from it. */
const autoArb = fc.option(fc.record({ outcome: fc.constantFrom<AutomaticAnswer['outcome']>('pass', 'fail', 'unknown'), changed: fc.boolean() }), { nil: undefined });

const choice = fc.constantFrom('yes', 'no', 'na', 'none', 'bogus');
const tone = fc.constantFrom('1', '2', '3', '4', 'na', 'none');

/** A random evaluation of one of a few tickets; `none` leaves a criterion unanswered, `bogus` picks an option the scale lacks. */
const evaluationArb = (id: string) =>
  fc
    .record({
      ticket: fc.integer({ min: 1, max: 12 }),
      agent: fc.constantFrom(...AGENTS, null),
      reviewer: fc.constantFrom(...REVIEWERS),
      channel: fc.constantFrom(...CHANNELS),
      kind: fc.constantFrom(...KINDS),
      version: fc.constantFrom(1, 1, 2, 3),
      // Within 40 days, at a few fixed times of day: evaluations often share a millisecond.
      at: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, 9.5 * 3600_000, 23.99 * 3600_000)).map(([d, t]) => START + d * DAY + t),
      // Mostly submitted; some drafts, which no report counts.
      submitted: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      choices: fc.record({ greeting: choice, clarify: choice, accurate: choice, tone, proactive: choice }),
      causes: fc.dictionary(fc.constantFrom('greeting', 'accurate', 'tone', 'gone'), fc.subarray(CAUSES, { minLength: 1 })),
      reviewSeconds: fc.constantFrom(0, 45, 300),
      status: fc.constantFrom(...STATUSES),
      // Flags of the ticket, a kind sometimes twice (two reasons for one kind), or none at all.
      spotlight: fc.option(fc.array(fc.constantFrom(...SPOTLIGHT_KINDS), { maxLength: 3 }), { nil: undefined }),
      auto: fc.record({ greeting: autoArb, tone: autoArb }),
    })
    .map((r): Evaluation => {
      const scorecard = r.version === 3 ? { ...v1, version: 3 } : scorecardFor(v1.id, r.version)!;
      const choices = Object.fromEntries(Object.entries(r.choices).map(([c, o]) => [c, o === 'none' ? 'yes' : o]));
      const evaluation = reportEvaluation({
        id,
        ticketId: String(r.ticket),
        subject: `Ticket ${r.ticket} ${r.channel}`,
        agent: r.agent,
        reviewer: r.reviewer,
        channel: r.channel,
        kind: r.kind,
        submittedAt: r.submitted ? r.at : null,
        choices,
        rootCauses: r.causes,
        reviewSeconds: r.reviewSeconds,
        scorecard,
      });
      const answers = { ...evaluation.answers };
      for (const [criterionId, option] of Object.entries(r.choices)) {
        // Unanswered: no option chosen, though root causes may still be named on it.
        if (option === 'none') answers[criterionId] = { na: false, comment: '', evidence: [], rootCauses: r.causes[criterionId] ?? [] };
      }
      // Causes on a criterion the scorecard does not have ("gone").
      for (const [criterionId, causes] of Object.entries(r.causes)) answers[criterionId] ??= { na: false, comment: '', evidence: [], rootCauses: causes };
      const checks = { greeting: 'greeting', tone: 'agent-tone' } as const;
      for (const [criterionId, auto] of Object.entries(r.auto)) {
        if (!auto || !answers[criterionId]) continue;
        const check = checks[criterionId as keyof typeof checks];
        answers[criterionId] = { ...answers[criterionId]!, auto: { check, ...auto, confidence: 0.8, reason: 'why', confirmed: true } };
      }
      const spotlight = r.spotlight?.map((kind) => ({ kind, reason: kind, evidence: [] }));
      return { ...evaluation, status: r.submitted ? r.status : 'draft', ticket: { ...evaluation.ticket, spotlight }, answers };
    });

type Step = { op: 'put'; origin: ChangeOrigin; evaluations: Evaluation[] } | { op: 'delete'; ids: number[] } | { op: 'status'; id: number };

const idOf = (n: number) => `ev-${String(n).padStart(3, '0')}`;

/** A few evaluations, or more than the upkeep looks up one by one (it then walks the index once). */
const someIds = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 3 }),
  fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 51, maxLength: 70, size: 'max' }),
);

const steps = fc.array(
  fc.oneof(
    // A write of one evaluation (a submit, an edit after a dispute, a pull) or of many (an import, a restore, a pull page).
    fc
      .tuple(fc.constantFrom<ChangeOrigin>('own', 'derived', 'remote'), someIds)
      .chain(([origin, ids]) => fc.tuple(fc.constant(origin), fc.tuple(...ids.map((n) => evaluationArb(idOf(n)))))),
    fc.record({ op: fc.constant('delete' as const), ids: someIds }),
    fc.record({ op: fc.constant('status' as const), id: fc.integer({ min: 0, max: 90 }) }),
  ),
  { minLength: 1, maxLength: 8 },
).map((list) => list.map((s): Step => (Array.isArray(s) ? { op: 'put', origin: s[0], evaluations: s[1] } : s)));

const filterArb: fc.Arbitrary<EvaluationFilter> = fc.record({
  search: fc.constantFrom('', '', 'ticket 1', 'CHAT', 'rita', 'ana', 'zendesk:3'),
  agent: fc.constantFrom('', '', ...AGENTS),
  channel: fc.constantFrom<Channel | ''>('', '', ...CHANNELS),
  helpdesk: fc.constantFrom('', 'zendesk', 'freshdesk'),
  scorecard: fc.constantFrom('', '', v1.id, `${v1.id}@1`, `${v1.id}@2`, `${v1.id}@3`),
  reviewer: fc.constantFrom('', '', ...REVIEWERS),
  kind: fc.constantFrom<EvaluationKind | ''>('', '', 'review', 'self-assessment', 'calibration'),
  result: fc.constantFrom('all' as const, 'all' as const, 'passed' as const, 'not-passed' as const),
  from: fc.constantFrom('', '2025-03-01', '2025-03-10', '2025-03-25'),
  to: fc.constantFrom('', '2025-03-09', '2025-03-31', '2025-04-15'),
  spotlight: fc.constantFrom<SpotlightKind | ''>('', '', ...SPOTLIGHT_KINDS),
});

async function apply(db: ReturnType<typeof freshDatabase>, step: Step, n: number): Promise<void> {
  await writeTransaction(db, [db.evaluations], async () => {
    if (step.op === 'put') {
      await db.evaluations.bulkPut(step.evaluations);
      await recordChanges(db, step.evaluations.map((e) => put('evaluation', e)), step.origin, n);
    } else if (step.op === 'delete') {
      // Erasure or a pulled delete: the caller removes the evaluations, then records it.
      const ids = step.ids.map(idOf);
      await db.evaluations.bulkDelete(ids);
      await recordChanges(db, ids.map((id) => remove('evaluation', id)), 'remote', n);
    } else {
      const stored = await db.evaluations.get(idOf(step.id));
      if (!stored || stored.status === 'draft') return;
      const acknowledged: Evaluation = { ...stored, status: 'acknowledged', updatedAt: stored.updatedAt + 1 };
      await db.evaluations.put(acknowledged);
      await recordChanges(db, [put('evaluation', acknowledged)], 'derived', n);
    }
  });
}

const inOrder = (rows: ReportRow[]) => rows.sort((a, b) => a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const input = (filter: EvaluationFilter, grain: 'week' | 'month'): ReportInput => ({ filter, grain, scorecardFor, rootCauses: DEFAULT_ROOT_CAUSES, kpis: [] });

/** The filter read the plain way, off a full evaluation. */
function plainMatch(e: Evaluation, f: EvaluationFilter): boolean {
  if (e.status === 'draft' || e.submittedAt === null) return false;
  const agent = e.ticket.agent?.name ?? '';
  const needle = f.search.trim().toLocaleLowerCase();
  const [id, version] = f.scorecard.split('@');
  const local = new Date(e.submittedAt);
  const dayKey = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  return (
    (!f.agent || agent === f.agent) &&
    (!f.channel || e.ticket.channel === f.channel) &&
    (!f.helpdesk || e.ticket.helpdesk === f.helpdesk) &&
    (!f.reviewer || e.author.name === f.reviewer) &&
    (!f.kind || e.kind === f.kind) &&
    (!id || (e.scorecardId === id && (version === undefined || String(e.scorecardVersion) === version))) &&
    (f.result === 'all' || e.passed === (f.result === 'passed')) &&
    (!f.spotlight || (e.ticket.spotlight ?? []).some((flag) => flag.kind === f.spotlight)) &&
    (!f.from || dayKey >= f.from) &&
    (!f.to || dayKey <= f.to) &&
    (!needle || [e.ticket.ticketId, e.ticket.key, e.ticket.subject, agent, e.author.name].some((t) => t.toLocaleLowerCase().includes(needle)))
  );
}

/** The headline, criteria, root causes, per-agent sums and AutoQA counts recounted the plain way, from full evaluations. */
function recount(evaluations: readonly Evaluation[], filter: EvaluationFilter) {
  // Calibration scores count only when the kind filter asks for them.
  const listed = evaluations.filter((e) => plainMatch(e, filter));
  const counted = listed.filter((e) => e.kind !== 'calibration' || filter.kind === 'calibration');
  const chosen = (e: Evaluation, scorecard: Scorecard) =>
    scorecard.sections.flatMap((section) =>
      section.criteria.map((criterion) => {
        const answer = e.answers[criterion.id];
        const option = answer && !answer.na && answer.optionId !== undefined ? scaleOptions(criterion.scale).find((o) => o.id === answer.optionId) : undefined;
        return { key: `${scorecard.id}:${criterion.id}`, critical: criterion.critical !== 'none', option, causes: answer?.rootCauses ?? [] };
      }),
    );
  let scored = 0;
  let scoreSum = 0;
  let known = 0;
  let criticalFails = 0;
  const criteria = new Map<string, { rated: number; failed: number }>();
  const causes = new Map<string, number>();
  const agents = new Map<string, { n: number; sum: number; sumSquares: number; passes: number; verdicts: number }>();
  for (const e of counted) {
    if (e.kind !== 'calibration') {
      const totals = agents.get(e.ticket.agent?.name ?? '') ?? { n: 0, sum: 0, sumSquares: 0, passes: 0, verdicts: 0 };
      agents.set(e.ticket.agent?.name ?? '', totals);
      if (e.score !== null) Object.assign(totals, { n: totals.n + 1, sum: totals.sum + e.score, sumSquares: totals.sumSquares + e.score * e.score });
      if (e.passed !== null) Object.assign(totals, { passes: totals.passes + (e.passed ? 1 : 0), verdicts: totals.verdicts + 1 });
    }
    if (e.score !== null) {
      scored += 1;
      scoreSum += e.score;
    }
    const scorecard = scorecardFor(e.scorecardId, e.scorecardVersion);
    const answers = scorecard ? chosen(e, scorecard) : Object.values(e.answers).map((a) => ({ key: '', critical: false, option: undefined, causes: a.rootCauses }));
    if (scorecard) {
      known += 1;
      if (answers.some((a) => a.critical && a.option && !a.option.passes)) criticalFails += 1;
    }
    for (const a of answers) {
      for (const cause of a.causes) causes.set(cause, (causes.get(cause) ?? 0) + 1);
      if (!scorecard) continue;
      // Every criterion of a scorecard in the period gets a row, rated or not.
      const totals = criteria.get(a.key) ?? { rated: 0, failed: 0 };
      criteria.set(a.key, totals);
      if (!a.option) continue;
      totals.rated += 1;
      totals.failed += a.option.passes ? 0 : 1;
    }
  }
  const automatic = new Map<string, { automatic: number; kept: number }>();
  for (const e of listed) {
    const scorecard = scorecardFor(e.scorecardId, e.scorecardVersion);
    for (const [criterionId, answer] of Object.entries(e.answers)) {
      const criterion = scorecard?.sections.flatMap((s) => s.criteria).find((c) => c.id === criterionId);
      const rated = criterion && !answer.na && scaleOptions(criterion.scale).some((o) => o.id === answer.optionId);
      // An N/A counts as such even when the scorecard version is gone; an option only when it rates.
      if (!answer.auto || (!answer.na && !rated)) continue;
      const totals = automatic.get(answer.auto.check) ?? { automatic: 0, kept: 0 };
      automatic.set(answer.auto.check, { automatic: totals.automatic + 1, kept: totals.kept + (answer.auto.changed ? 0 : 1) });
    }
  }
  return {
    listed: listed.map((e) => e.id).sort(),
    agents: Object.fromEntries(agents),
    automatic: Object.fromEntries(automatic),
    evaluations: counted.length,
    meanScore: scored ? scoreSum / scored : null,
    criticalFailRate: known ? (100 * criticalFails) / known : null,
    criteria: Object.fromEntries([...criteria].map(([key, t]) => [key, { rated: t.rated, failRate: t.rated ? (100 * t.failed) / t.rated : null }])),
    causes: Object.fromEntries(causes),
  };
}

describe('report rows', () => {
  it('give the same reports as the full evaluations, for random writes, deletes and filters', async () => {
    await fc.assert(
      fc.asyncProperty(steps, fc.array(filterArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('week' as const, 'month' as const), fc.boolean(), async (writes, filters, grain, buildFirst) => {
        const db = freshDatabase();
        // Either a fresh profile (rows kept from the first write), or one upgraded with evaluations already stored (rows built after).
        if (buildFirst) await buildReportRows(db);
        for (const [n, step] of writes.entries()) await apply(db, step, n);
        if (!buildFirst) await buildReportRows(db, undefined, 7);

        const stored = (await readReportRows(db))!;
        const evaluations = await db.evaluations.toArray();
        const fresh = inOrder(reportRows(evaluations));
        const plain = (rows: ReportRow[]) => rows.map((row) => ({ ...copyRow(row), answers: answerRecord(row.answers) }));
        expect(plain(stored)).toEqual(plain(fresh));

        for (const filter of filters) {
          const fromStore = buildReport(stored, input(filter, grain));
          expect(fromStore).toEqual(buildReport(fresh, input(filter, grain)));
          const listed = filterEvaluations(stored, filter);
          expect(listed.map((r) => [r.id, r.status])).toEqual(filterEvaluations(fresh, filter).map((r) => [r.id, r.status]));
          const autoQa = buildAutoQaReport(stored.filter(rowMatcher(filter)), scorecardFor);
          expect(autoQa).toEqual(buildAutoQaReport(fresh.filter(rowMatcher(filter)), scorecardFor));

          const plain = recount(evaluations, { ...filter });
          expect(listed.map((r) => r.id).sort()).toEqual(plain.listed);
          expect(listed.map((r) => r.status)).toEqual(listed.map((r) => evaluations.find((e) => e.id === r.id)!.status));
          expect(Object.fromEntries(autoQa.map((row) => [row.check, { automatic: row.automatic, kept: row.kept }]))).toEqual(plain.automatic);
          const sums = Object.fromEntries(fromStore.agents.map((a) => [a.name, { ...a.sums.scores, passes: a.sums.passes, verdicts: a.sums.verdicts }]));
          expect(Object.keys(sums).sort()).toEqual(Object.keys(plain.agents).sort());
          for (const [name, want] of Object.entries(plain.agents)) {
            const got = sums[name]!;
            expect([got.n, got.passes, got.verdicts]).toEqual([want.n, want.passes, want.verdicts]);
            expect(got.sum).toBeCloseTo(want.sum, 9);
            expect(got.sumSquares).toBeCloseTo(want.sumSquares, 9);
          }
          const { current } = fromStore.headline;
          expect(current.evaluations).toBe(plain.evaluations);
          if (plain.meanScore === null) expect(current.meanScore).toBeNull();
          else expect(current.meanScore).toBeCloseTo(plain.meanScore, 9);
          if (plain.criticalFailRate === null) expect(current.criticalFailRate).toBeNull();
          else expect(current.criticalFailRate).toBeCloseTo(plain.criticalFailRate, 9);
          expect(Object.fromEntries(fromStore.criteria.map((c) => [c.key, { rated: c.rated, failRate: c.failRate }]))).toEqual(plain.criteria);
          expect(Object.fromEntries(fromStore.rootCauses.map((c) => [c.id, c.count]))).toEqual(plain.causes);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('are none in an empty profile, and its headline counts nothing', async () => {
    const db = freshDatabase();
    await buildReportRows(db);
    expect(await readReportRows(db)).toEqual([]);
    expect(buildReport([], input(EMPTY_FILTER, 'week')).headline.current.evaluations).toBe(0);
    db.close();
  });
});

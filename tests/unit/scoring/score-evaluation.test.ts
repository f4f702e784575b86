import { describe, expect, it } from 'vitest';
import type { Criterion, ScorecardContent, Section } from '../../../lib/schemas';
import type { ScoredAnswer } from '../../../lib/scoring';
import { scoreEvaluation } from '../../../lib/scoring';

function criterion(id: string, title: string, extra: Partial<Criterion> = {}): Criterion {
  return { id, title, description: '', weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none', ...extra };
}

function section(id: string, title: string, criteria: Criterion[], bonus = false): Section {
  return { id, title, bonus, criteria };
}

function card(passMark: number, sections: Section[]): ScorecardContent {
  return { name: 'Test card', description: '', channels: [], passMark, sections };
}

// Tables mix rows with different keys, so TypeScript infers the missing ones as undefined.
type Choices = Record<string, string | undefined>;

/** 'na' means an N/A answer, '-' no answer at all, anything else an option id. */
function answersFrom(choices: Choices): Record<string, ScoredAnswer> {
  const answers: Record<string, ScoredAnswer> = {};
  for (const [id, choice] of Object.entries(choices)) {
    if (choice === undefined || choice === '-') continue;
    answers[id] = choice === 'na' ? { na: true } : { optionId: choice, na: false };
  }
  return answers;
}

// Base weights: greeting 1 + clarify 1 + accurate 3 + tone 2 + identity 1 = 8 weighted points.
const support = card(80, [
  section('opening', 'Opening', [
    criterion('greeting', 'Greeting'),
    criterion('clarify', 'Asked clarifying questions', { allowNa: true }),
  ]),
  section('resolution', 'Resolution', [
    criterion('accurate', 'Accurate answer', { weight: 3 }),
    criterion('tone', 'Tone', { weight: 2, scale: { kind: 'points', points: 4 } }),
  ]),
  section('process', 'Process', [
    criterion('identity', 'Verified identity before disclosure', { critical: 'evaluation' }),
  ]),
  section('extra', 'Extra mile', [criterion('proactive', 'Proactive help')], true),
]);

const ALL_BEST = { greeting: 'yes', clarify: 'yes', accurate: 'yes', tone: '4', identity: 'yes', proactive: 'no' };
const scoreSupport = (changes: Choices = {}) =>
  scoreEvaluation(support, answersFrom({ ...ALL_BEST, ...changes }));

describe('scoreEvaluation: weighted score', () => {
  it.each([
    { name: 'every item met', changes: {}, score: 100, passed: true },
    { name: 'a No on a weight-1 item (7 of 8)', changes: { greeting: 'no' }, score: 87.5, passed: true },
    { name: 'a No on the weight-3 item (5 of 8)', changes: { accurate: 'no' }, score: 62.5, passed: false },
    { name: 'tone Good on 4 points, 2/3 of weight 2 (7.33 of 8)', changes: { tone: '3' }, score: 91.67, passed: true },
    { name: 'tone Needs improvement, 1/3 of weight 2 (6.67 of 8)', changes: { tone: '2' }, score: 83.33, passed: true },
    { name: 'tone Poor and greeting No (5 of 8)', changes: { tone: '1', greeting: 'no' }, score: 62.5, passed: false },
    {
      name: 'only the critical item met (1 of 8)',
      changes: { greeting: 'no', clarify: 'no', accurate: 'no', tone: '1' },
      score: 12.5,
      passed: false,
    },
    { name: 'N/A left out of both sums (7 of 7)', changes: { clarify: 'na' }, score: 100, passed: true },
    { name: 'N/A plus a No (6 of 7)', changes: { clarify: 'na', greeting: 'no' }, score: 85.71, passed: true },
    { name: 'N/A where not allowed counts as unanswered (7 of 7)', changes: { greeting: 'na' }, score: 100, passed: true },
    { name: 'unknown option counts as unanswered (5 of 5)', changes: { accurate: 'maybe' }, score: 100, passed: true },
    { name: 'nothing answered', changes: Object.fromEntries(Object.keys(ALL_BEST).map((id) => [id, '-'])), score: null, passed: null },
    {
      name: 'everything N/A or unanswered',
      changes: { greeting: '-', clarify: 'na', accurate: '-', tone: '-', identity: '-', proactive: '-' },
      score: null,
      passed: null,
    },
  ])('$name → $score', ({ changes, score, passed }) => {
    const result = scoreSupport(changes);
    expect(result.score).toBe(score);
    expect(result.passed).toBe(passed);
  });

  it('reports what was left unanswered', () => {
    const result = scoreSupport({ greeting: 'na', accurate: 'maybe', proactive: '-' });
    expect(result.unanswered).toEqual(['greeting', 'accurate', 'proactive']);
    expect(result.complete).toBe(false);
    expect(scoreSupport({ clarify: 'na' }).complete).toBe(true);
  });

  it('describes each criterion', () => {
    const result = scoreSupport({ greeting: 'no', clarify: 'na', tone: '3', accurate: '-', proactive: 'yes' });
    const byId = Object.fromEntries(result.criteria.map((c) => [c.criterionId, c]));
    expect(byId.greeting).toMatchObject({ state: 'rated', optionLabel: 'No', value: 0, passes: false, earned: 0, possible: 1 });
    expect(byId.clarify).toMatchObject({ state: 'na', optionLabel: 'N/A', value: null, passes: null, earned: 0, possible: 0 });
    expect(byId.accurate).toMatchObject({ state: 'unanswered', optionLabel: null, earned: 0, possible: 0 });
    expect(byId.tone).toMatchObject({ state: 'rated', optionLabel: 'Good', sectionId: 'resolution', weight: 2, possible: 2 });
    expect(byId.tone?.earned).toBeCloseTo(4 / 3);
    expect(byId.proactive).toMatchObject({ state: 'rated', bonus: true, earned: 1, possible: 0 });
  });

  it('gives per-section results', () => {
    const result = scoreSupport({ greeting: 'no', tone: '3' });
    expect(result.sections.map((s) => [s.sectionId, s.earned, s.possible, s.score])).toEqual([
      ['opening', 1, 2, 50],
      ['resolution', 3 + 4 / 3, 5, 86.67],
      ['process', 1, 1, 100],
      ['extra', 0, 1, 0],
    ]);
    expect(result.baseEarned).toBeCloseTo(5 + 4 / 3);
    expect(result.basePossible).toBe(8);
  });
});

describe('scoreEvaluation: critical criteria', () => {
  it.each([
    { name: 'everything else perfect', changes: { identity: 'no' } },
    { name: 'even with the bonus earned', changes: { identity: 'no', proactive: 'yes' } },
    { name: 'with other items failing too', changes: { identity: 'no', greeting: 'no' } },
  ])('an evaluation-critical No scores 0 and fails, $name', ({ changes }) => {
    const result = scoreSupport(changes);
    expect(result.score).toBe(0);
    expect(result.passed).toBe(false);
    expect(result.failedOnCritical).toBe(true);
    expect(result.criticalFailures).toEqual([
      { criterionId: 'identity', title: 'Verified identity before disclosure', level: 'evaluation' },
    ]);
  });

  // Escalation: escalated 1 + notes 1; Resolution: fixed 2. Without zeroing, a missed escalation would be 3 of 4.
  const escalation = card(75, [
    section('escalation', 'Escalation', [
      criterion('escalated', 'Escalated per policy', { critical: 'section', allowNa: true }),
      criterion('notes', 'Notes'),
    ]),
    section('resolution', 'Resolution', [criterion('fixed', 'Fixed', { weight: 2 })]),
  ]);

  it.each([
    { name: 'missed escalation zeroes its section (0 of 2 + 2 of 2)', choices: { escalated: 'no', notes: 'yes', fixed: 'yes' }, score: 50, zeroed: true },
    { name: 'escalated but no notes is an ordinary miss (3 of 4)', choices: { escalated: 'yes', notes: 'no', fixed: 'yes' }, score: 75, zeroed: false },
    { name: 'escalation N/A is not a failure (1 of 1 + 2 of 2)', choices: { escalated: 'na', notes: 'yes', fixed: 'yes' }, score: 100, zeroed: false },
  ])('$name', ({ choices, score, zeroed }) => {
    const result = scoreEvaluation(escalation, answersFrom(choices));
    expect(result.score).toBe(score);
    expect(result.sections[0]?.zeroedByCritical).toBe(zeroed);
    expect(result.sections[1]).toMatchObject({ earned: 2, possible: 2, zeroedByCritical: false });
    expect(result.failedOnCritical).toBe(false);
  });

  it('lists a section-level failure without failing the evaluation outright', () => {
    const result = scoreEvaluation(escalation, answersFrom({ escalated: 'no', notes: 'yes', fixed: 'yes' }));
    expect(result.sections[0]).toMatchObject({ earned: 0, possible: 2, score: 0, zeroedByCritical: true });
    expect(result.criteria.find((c) => c.criterionId === 'notes')?.earned).toBe(0);
    expect(result.criticalFailures).toEqual([{ criterionId: 'escalated', title: 'Escalated per policy', level: 'section' }]);
    expect(result.passed).toBe(false);
  });

  it('treats a custom outcome that is worth points but does not pass as a failure', () => {
    const rights = card(100, [
      section('consumer-rights', 'Consumer rights', [
        criterion('rights', 'Refund rights', {
          weight: 2,
          critical: 'section',
          scale: {
            kind: 'custom',
            options: [
              { id: 'accurate', label: 'Accurate', value: 1, passes: true },
              { id: 'incomplete', label: 'Incomplete', value: 0.5, passes: false },
            ],
          },
        }),
        criterion('route', 'Escalation route'),
      ]),
      section('records', 'Records', [criterion('recorded', 'Recorded')]),
    ]);
    const result = scoreEvaluation(rights, answersFrom({ rights: 'incomplete', route: 'yes', recorded: 'yes' }));
    expect(result.score).toBe(25); // 0 of 3 + 1 of 1
    expect(result.criteria[0]).toMatchObject({ value: 0.5, passes: false, criticalFailed: true, earned: 0 });
  });

  it('fails on a weight-0 critical item even when nothing else is rated', () => {
    const c = card(80, [
      section('s', 'Checks', [criterion('gdpr', 'GDPR', { weight: 0, critical: 'evaluation' }), criterion('other', 'Other')]),
    ]);
    expect(scoreEvaluation(c, answersFrom({ gdpr: 'no' }))).toMatchObject({ score: 0, passed: false, failedOnCritical: true });
    expect(scoreEvaluation(c, answersFrom({ gdpr: 'yes' }))).toMatchObject({ score: null, passed: null });
  });
});

describe('scoreEvaluation: bonus', () => {
  it.each([
    { name: 'lifts a 7 of 8 to 8 of 8', changes: { greeting: 'no', proactive: 'yes' }, score: 100, passed: true },
    { name: 'lifts a 5 of 8 to 6 of 8', changes: { accurate: 'no', proactive: 'yes' }, score: 75, passed: false },
    { name: 'is capped at 100 (9 of 8)', changes: { proactive: 'yes' }, score: 100, passed: true },
    { name: 'is capped at 100 (8.33 of 8)', changes: { tone: '3', proactive: 'yes' }, score: 100, passed: true },
    { name: 'cannot rescue a critical failure', changes: { identity: 'no', proactive: 'yes' }, score: 0, passed: false },
  ])('$name', ({ changes, score, passed }) => {
    const result = scoreSupport(changes);
    expect(result.score).toBe(score);
    expect(result.passed).toBe(passed);
  });

  it('keeps bonus points out of the possible points', () => {
    const result = scoreSupport({ accurate: 'no', proactive: 'yes' });
    expect(result).toMatchObject({ baseEarned: 5, basePossible: 8, bonusEarned: 1 });
  });
});

describe('scoreEvaluation: pass mark and weights', () => {
  const five = card(
    80,
    [section('checks', 'Checks', ['a', 'b', 'c', 'd', 'e'].map((id) => criterion(id, id.toUpperCase())))],
  );

  it.each([
    { yes: 5, score: 100, passed: true },
    { yes: 4, score: 80, passed: true }, // exactly at the pass mark passes
    { yes: 3, score: 60, passed: false },
    { yes: 0, score: 0, passed: false },
  ])('$yes of 5 at pass mark 80 → $score', ({ yes, score, passed }) => {
    const choices = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id, i) => [id, i < yes ? 'yes' : 'no']));
    const result = scoreEvaluation(five, answersFrom(choices));
    expect(result.score).toBe(score);
    expect(result.passed).toBe(passed);
  });

  const apology = card(75, [
    section('apologise', 'Apologise', [
      criterion('apology', 'Apology', {
        scale: {
          kind: 'custom',
          options: [
            { id: 'sincere', label: 'Sincere and specific', value: 1, passes: true },
            { id: 'generic', label: 'Generic', value: 0.5, passes: true },
            { id: 'none', label: 'None', value: 0, passes: false },
          ],
        },
      }),
      criterion('summary', 'Summary'),
    ]),
  ]);

  it.each([
    { apology: 'sincere', summary: 'yes', score: 100, passed: true },
    { apology: 'generic', summary: 'yes', score: 75, passed: true },
    { apology: 'none', summary: 'yes', score: 50, passed: false },
    { apology: 'sincere', summary: 'no', score: 50, passed: false },
  ])('custom outcome $apology with summary $summary → $score', ({ apology: a, summary, score, passed }) => {
    const result = scoreEvaluation(apology, answersFrom({ apology: a, summary }));
    expect(result.score).toBe(score);
    expect(result.passed).toBe(passed);
  });

  const weighted = card(80, [section('s', 'Checks', [criterion('a', 'A'), criterion('zero', 'Zero', { weight: 0 })])]);

  it.each([
    { choices: { a: 'yes', zero: 'no' }, score: 100 },
    { choices: { a: 'no', zero: 'yes' }, score: 0 },
    { choices: { zero: 'yes' }, score: null },
  ])('weight-0 items contribute nothing: $choices → $score', ({ choices, score }) => {
    expect(scoreEvaluation(weighted, answersFrom(choices)).score).toBe(score);
  });
});

describe('scoreEvaluation: arithmetic', () => {
  it('shows two of three points without floating-point noise', () => {
    const three = card(80, [section('greeting', 'Greeting', [criterion('a', 'A'), criterion('b', 'B'), criterion('c', 'C')])]);
    const result = scoreEvaluation(three, answersFrom({ a: 'yes', b: 'yes', c: 'no' }));
    expect(result.score).toBe(66.67);
    expect(result.arithmetic).toEqual([
      'Greeting: 2 of 3 points (66.67%)',
      'Base: 2 of 3 weighted points = 66.67%',
      'Score: 66.67',
      'Pass mark 80: not passed',
    ]);
  });

  it('shows the base, the bonus and the pass mark', () => {
    const lines = scoreSupport({ accurate: 'no', tone: '3', proactive: 'yes' }).arithmetic;
    expect(lines).toContain('Resolution: 1.33 of 5 points (26.67%)');
    expect(lines).toContain('Extra mile (bonus): 1 of 1 point (100%)');
    expect(lines).toContain('Base: 4.33 of 8 weighted points = 54.17%');
    expect(lines).toContain('Bonus: +1 point → 66.67%');
    expect(lines).toContain('Pass mark 80: not passed');
    expect(lines.join('\n')).not.toMatch(/\d\.\d{3}/);
  });

  it('says when the bonus is capped', () => {
    expect(scoreSupport({ proactive: 'yes' }).arithmetic).toContain('Bonus: +1 point → 112.5%, capped at 100%');
  });

  it('names the critical failure', () => {
    const lines = scoreSupport({ identity: 'no' }).arithmetic;
    expect(lines).toContain('Critical failure: Verified identity before disclosure → score 0');
    expect(lines).toContain('Score: 0');
    expect(lines).toContain('Pass mark 80: not passed');
  });

  it('names the zeroed section', () => {
    const c = card(75, [
      section('escalation', 'Escalation', [criterion('escalated', 'Escalated per policy', { critical: 'section' }), criterion('notes', 'Notes')]),
    ]);
    const lines = scoreEvaluation(c, answersFrom({ escalated: 'no', notes: 'yes' })).arithmetic;
    expect(lines).toContain('Escalation: 0 of 2 points (0%) (zeroed: critical failure on Escalated per policy)');
    expect(lines).toContain('Critical failure: Escalated per policy → Escalation scores 0');
  });

  it('says there is no score yet when nothing is rated', () => {
    const lines = scoreEvaluation(support, {}).arithmetic;
    expect(lines).toContain('Opening: nothing rated');
    expect(lines).toContain('Base: nothing rated yet, so no score');
    expect(lines.some((l) => l.startsWith('Pass mark'))).toBe(false);
  });

  it('says when the pass mark is met', () => {
    expect(scoreSupport({ greeting: 'no' }).arithmetic.slice(-3)).toEqual([
      'Base: 7 of 8 weighted points = 87.5%',
      'Score: 87.5',
      'Pass mark 80: passed',
    ]);
  });
});

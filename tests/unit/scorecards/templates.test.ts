import { BLANK_ANSWER } from '@/lib/schemas';
import { describe, expect, it } from 'vitest';
import { ScorecardContentSchema, type Answer, type ScorecardContent } from '../../../lib/schemas';
import { SCORECARD_TEMPLATES } from '../../../lib/scorecards/templates';
import { scaleOptions, scoreEvaluation } from '../../../lib/scoring';

function bestAnswers(scorecard: ScorecardContent): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const criterion of scorecard.sections.flatMap((s) => s.criteria)) {
    const best = scaleOptions(criterion.scale).reduce((a, b) => (b.value > a.value ? b : a));
    answers[criterion.id] = { ...BLANK_ANSWER, optionId: best.id };
  }
  return answers;
}

const byName = (name: string) => {
  const template = SCORECARD_TEMPLATES.find((t) => t.name === name);
  if (!template) throw new Error(`no template named ${name}`);
  return template;
};

describe('SCORECARD_TEMPLATES', () => {
  it('offers the three standard templates', () => {
    expect(SCORECARD_TEMPLATES.map((t) => t.name)).toEqual(['Chat & email quality', 'Complaint handling (HEAT)', 'Compliance']);
  });

  it.each(SCORECARD_TEMPLATES.map((t) => [t.name, t] as const))('%s is a valid scorecard, unchanged by parsing', (_, template) => {
    expect(ScorecardContentSchema.parse(template)).toEqual(template);
  });

  it.each(SCORECARD_TEMPLATES.map((t) => [t.name, t] as const))('%s scores 100 when every item is at its best', (_, template) => {
    const result = scoreEvaluation(template, bestAnswers(template));
    expect(result).toMatchObject({ score: 100, passed: true, complete: true, failedOnCritical: false });
  });

  it.each(SCORECARD_TEMPLATES.map((t) => [t.name, t] as const))('%s has kebab-case ids and a description for every item', (_, template) => {
    for (const section of template.sections) {
      expect(section.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const criterion of section.criteria) {
        expect(criterion.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(criterion.description.length).toBeGreaterThan(20);
      }
    }
  });

  it('starts the chat & email card with the greeting', () => {
    expect(byName('Chat & email quality').sections[0]?.criteria[0]?.title).toBe('Greeting and personalisation');
  });

  it('fails a compliance evaluation when identity was not verified', () => {
    const compliance = byName('Compliance');
    const result = scoreEvaluation(compliance, { ...bestAnswers(compliance), 'identity-verified': { optionId: 'no', na: false } });
    expect(result).toMatchObject({ score: 0, passed: false, failedOnCritical: true });
    expect(result.criticalFailures).toEqual([
      { criterionId: 'identity-verified', title: 'Identity verified before disclosing account details', level: 'evaluation' },
    ]);
  });

  it('fails a compliance evaluation on incomplete refund information, zeroing only Consumer rights', () => {
    const compliance = byName('Compliance');
    const result = scoreEvaluation(compliance, { ...bestAnswers(compliance), 'rights-information': { optionId: 'incomplete', na: false } });
    // Data protection 5 of 5, consumer rights zeroed to 0 of 3, records 1 of 1 → 6 of 9.
    expect(result.score).toBe(66.67);
    expect(result.passed).toBe(false);
    expect(result.sections.find((s) => s.sectionId === 'consumer-rights')?.zeroedByCritical).toBe(true);
  });

  it('passes a HEAT evaluation with a generic apology', () => {
    const heat = byName('Complaint handling (HEAT)');
    const result = scoreEvaluation(heat, { ...bestAnswers(heat), apology: { optionId: 'generic', na: false } });
    // 10.5 of 11 weighted points.
    expect(result.score).toBe(95.45);
    expect(result.passed).toBe(true);
  });

  it('zeroes Take action in a HEAT evaluation when a required escalation was missed', () => {
    const heat = byName('Complaint handling (HEAT)');
    const result = scoreEvaluation(heat, { ...bestAnswers(heat), 'escalated-per-policy': { optionId: 'no', na: false } });
    // Hear 2 + Empathise 1 + Apologise 1 kept; Take action's 7 points zeroed → 4 of 11.
    expect(result.score).toBe(36.36);
    expect(result.passed).toBe(false);
    expect(result.sections.find((s) => s.sectionId === 'take-action')?.zeroedByCritical).toBe(true);
  });
});

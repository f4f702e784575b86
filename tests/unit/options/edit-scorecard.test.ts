import {
  addCriterion,
  addOutcome,
  addSection,
  blankScorecard,
  changeScale,
  contentIds,
  finalizeIds,
  kebabCase,
  moveCriterion,
  moveItem,
  moveSection,
  removeCriterion,
  removeOutcome,
  removeSection,
  scaleChoice,
  setChannel,
  setCriterionScale,
  toContent,
  uniqueId,
  updateCriterion,
  updateOutcome,
  updateSection,
  type IdSuffix,
} from '../../../lib/options/edit-scorecard';
import { ScorecardContentSchema, type Scale, type ScorecardContent } from '../../../lib/schemas';
import { SCORECARD_TEMPLATES } from '../../../lib/scorecards/templates';

/** Predictable suffixes: a, b, c, … */
function counter(): IdSuffix {
  let n = 0;
  return () => String.fromCharCode(97 + n++);
}

function card(): ScorecardContent {
  const criterion = (id: string, title: string) => ({
    id,
    title,
    description: '',
    weight: 1,
    scale: { kind: 'binary' } as Scale,
    allowNa: false,
    critical: 'none' as const,
  });
  return {
    name: 'Card',
    description: '',
    channels: [],
    passMark: 80,
    sections: [
      { id: 'opening', title: 'Opening', bonus: false, criteria: [criterion('greeting', 'Greeting'), criterion('name-used', 'Name used')] },
      { id: 'closing', title: 'Closing', bonus: false, criteria: [criterion('sign-off', 'Sign-off')] },
      { id: 'extra', title: 'Extra', bonus: true, criteria: [criterion('proactive', 'Proactive')] },
    ],
  };
}

const titles = (c: ScorecardContent) => c.sections.map((s) => s.title);
const criterionTitles = (c: ScorecardContent, si: number) => c.sections[si]!.criteria.map((x) => x.title);

describe('ids', () => {
  it('kebab-cases titles, folding accents and punctuation', () => {
    expect(kebabCase('Greeting & personalisation!')).toBe('greeting-personalisation');
    expect(kebabCase('  Café — “Tone”  ')).toBe('cafe-tone');
    expect(kebabCase('***')).toBe('');
    expect(kebabCase('x'.repeat(100))).toHaveLength(60);
  });

  it('adds a suffix only while the id is taken', () => {
    const next = counter();
    expect(uniqueId('Greeting', new Set(), 'criterion', next)).toBe('greeting');
    expect(uniqueId('Greeting', new Set(['greeting']), 'criterion', next)).toBe('greeting-a');
    expect(uniqueId('', new Set(), 'criterion', next)).toBe('criterion');
  });

  it('uses 8 random characters by default', () => {
    expect(uniqueId('Greeting', new Set(['greeting']), 'criterion')).toMatch(/^greeting-[0-9a-f]{8}$/);
  });
});

describe('toContent and blankScorecard', () => {
  it('strips the stored fields and copies deeply', () => {
    const template = SCORECARD_TEMPLATES[0]!;
    const stored = { ...template, id: 'x', version: 2, archived: false, createdAt: 1, updatedAt: 2 };
    const content = toContent(stored);
    expect(content).toEqual(template);
    expect(content).not.toHaveProperty('version');
    content.sections[0]!.title = 'Changed';
    expect(template.sections[0]!.title).toBe('Opening');
  });

  it('starts a new scorecard with one section and one criterion, and no name', () => {
    const blank = blankScorecard(counter());
    expect(blank.name).toBe('');
    expect(blank.sections).toHaveLength(1);
    expect(blank.sections[0]!.criteria).toHaveLength(1);
    expect(ScorecardContentSchema.safeParse({ ...blank, name: 'Named' }).success).toBe(true);
  });
});

describe('sections', () => {
  it('adds a section with a criterion and ids unused elsewhere', () => {
    const next = addSection(addSection(card(), counter()), counter());
    expect(next.sections).toHaveLength(5);
    expect(contentIds(next).size).toBe(3 + 4 + 2 * 2);
    expect(ScorecardContentSchema.safeParse(next).success).toBe(true);
  });

  it('renames and flags a section without touching the input', () => {
    const before = card();
    const next = updateSection(before, 1, { title: 'Wrap-up', bonus: true });
    expect(next.sections[1]).toMatchObject({ id: 'closing', title: 'Wrap-up', bonus: true });
    expect(before.sections[1]!.title).toBe('Closing');
  });

  it('moves a section up and down, and ignores moves off either end', () => {
    expect(titles(moveSection(card(), 1, -1))).toEqual(['Closing', 'Opening', 'Extra']);
    expect(titles(moveSection(card(), 1, 1))).toEqual(['Opening', 'Extra', 'Closing']);
    expect(titles(moveSection(card(), 0, -1))).toEqual(['Opening', 'Closing', 'Extra']);
    expect(titles(moveSection(card(), 2, 1))).toEqual(['Opening', 'Closing', 'Extra']);
  });

  it('removes a section', () => {
    expect(titles(removeSection(card(), 0))).toEqual(['Closing', 'Extra']);
  });
});

describe('criteria', () => {
  it('adds a criterion to the end of one section', () => {
    const next = addCriterion(card(), 1, counter());
    expect(criterionTitles(next, 1)).toEqual(['Sign-off', 'New criterion']);
    expect(next.sections[1]!.criteria[1]).toMatchObject({ id: 'new-criterion', weight: 1, scale: { kind: 'binary' } });
    const again = addCriterion(next, 1, counter());
    expect(again.sections[1]!.criteria[2]!.id).toBe('new-criterion-a');
  });

  it('updates one criterion', () => {
    const next = updateCriterion(card(), 0, 1, { title: 'Used the name', weight: 3, allowNa: true, critical: 'section' });
    expect(next.sections[0]!.criteria[1]).toMatchObject({ id: 'name-used', title: 'Used the name', weight: 3, allowNa: true, critical: 'section' });
    expect(next.sections[0]!.criteria[0]!.title).toBe('Greeting');
  });

  it('moves a criterion within its section', () => {
    expect(criterionTitles(moveCriterion(card(), 0, 0, 1), 0)).toEqual(['Name used', 'Greeting']);
    expect(criterionTitles(moveCriterion(card(), 0, 1, -1), 0)).toEqual(['Name used', 'Greeting']);
    expect(criterionTitles(moveCriterion(card(), 0, 1, 1), 0)).toEqual(['Greeting', 'Name used']);
  });

  it('removes a criterion', () => {
    expect(criterionTitles(removeCriterion(card(), 0, 0), 0)).toEqual(['Name used']);
  });

  it('moveItem leaves out-of-range indexes alone', () => {
    expect(moveItem([1, 2, 3], 5, -1)).toEqual([1, 2, 3]);
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
  });
});

describe('channels', () => {
  it('keeps channels in canonical order without repeats', () => {
    let next = setChannel(card(), 'voice', true);
    next = setChannel(next, 'email', true);
    next = setChannel(next, 'email', true);
    expect(next.channels).toEqual(['email', 'voice']);
    expect(setChannel(next, 'email', false).channels).toEqual(['voice']);
  });
});

describe('scales', () => {
  it('names the choice of a scale', () => {
    expect(scaleChoice({ kind: 'binary' })).toBe('binary');
    expect(scaleChoice({ kind: 'points', points: 4 })).toBe('points-4');
    expect(scaleChoice({ kind: 'custom', options: [] })).toBe('custom');
  });

  it('switches between built-in scales', () => {
    expect(changeScale({ kind: 'binary' }, 'points-5')).toEqual({ kind: 'points', points: 5 });
    expect(changeScale({ kind: 'points', points: 3 }, 'binary')).toEqual({ kind: 'binary' });
  });

  it('starts custom outcomes from the current scale', () => {
    expect(changeScale({ kind: 'binary' }, 'custom')).toEqual({
      kind: 'custom',
      options: [
        { id: 'yes', label: 'Yes', value: 1, passes: true },
        { id: 'no', label: 'No', value: 0, passes: false },
      ],
    });
    const fromPoints = changeScale({ kind: 'points', points: 3 }, 'custom');
    expect(fromPoints.kind === 'custom' && fromPoints.options.map((o) => o.label)).toEqual(['Not met', 'Partly met', 'Met']);
  });

  it('keeps a scale when the same choice is made again', () => {
    const custom: Scale = { kind: 'custom', options: [{ id: 'a', label: 'A', value: 1, passes: true }] };
    expect(changeScale(custom, 'custom')).toBe(custom);
  });

  it('adds, edits and removes custom outcomes', () => {
    let next = setCriterionScale(card(), 0, 0, 'custom');
    next = addOutcome(next, 0, 0, counter());
    next = updateOutcome(next, 0, 0, 2, { label: 'Partly', value: 0.5, passes: true });
    const scale = next.sections[0]!.criteria[0]!.scale;
    expect(scale).toEqual({
      kind: 'custom',
      options: [
        { id: 'yes', label: 'Yes', value: 1, passes: true },
        { id: 'no', label: 'No', value: 0, passes: false },
        { id: 'outcome-3', label: 'Partly', value: 0.5, passes: true },
      ],
    });
    next = removeOutcome(next, 0, 0, 1);
    const after = next.sections[0]!.criteria[0]!.scale;
    expect(after.kind === 'custom' && after.options.map((o) => o.id)).toEqual(['yes', 'outcome-3']);
  });

  it('ignores outcome edits on a built-in scale', () => {
    const before = card();
    expect(addOutcome(before, 0, 0).sections[0]!.criteria[0]!.scale).toEqual({ kind: 'binary' });
  });
});

describe('finalizeIds', () => {
  it('derives ids of a new scorecard from the final titles', () => {
    let draft = blankScorecard(counter());
    draft = updateSection(draft, 0, { title: 'Opening' });
    draft = updateCriterion(draft, 0, 0, { title: 'Greeting & name' });
    draft = addCriterion(draft, 0, counter());
    draft = updateCriterion(draft, 0, 1, { title: 'Opening' });
    const final = finalizeIds(draft, null, counter());
    expect(final.sections[0]!.id).toBe('opening');
    expect(final.sections[0]!.criteria.map((c) => c.id)).toEqual(['greeting-name', 'opening-a']);
  });

  it('keeps the ids of an existing scorecard, even when renamed', () => {
    const original = card();
    const draft = updateCriterion(updateSection(original, 0, { title: 'Hello' }), 0, 0, { title: 'Warm welcome' });
    expect(finalizeIds(draft, original, counter())).toEqual(draft);
  });

  it('never reuses an id of the original for a new item', () => {
    const original = card();
    let draft = removeCriterion(original, 0, 0);
    draft = addCriterion(draft, 0, counter());
    draft = updateCriterion(draft, 0, 1, { title: 'Greeting' });
    const final = finalizeIds(draft, original, counter());
    expect(final.sections[0]!.criteria.map((c) => c.id)).toEqual(['name-used', 'greeting-a']);
  });

  it('names new custom outcomes after their labels, and keeps existing ones', () => {
    const original = setCriterionScale(card(), 0, 0, 'custom');
    let draft = addOutcome(original, 0, 0, counter());
    draft = updateOutcome(draft, 0, 0, 2, { label: 'Partly met' });
    draft = updateOutcome(draft, 0, 0, 0, { label: 'Fully' });
    const scale = finalizeIds(draft, original, counter()).sections[0]!.criteria[0]!.scale;
    expect(scale.kind === 'custom' && scale.options.map((o) => o.id)).toEqual(['yes', 'no', 'partly-met']);
  });

  it('produces a valid scorecard from a heavily edited draft', () => {
    const original = SCORECARD_TEMPLATES[1]!;
    let draft = toContent(original);
    draft = addSection(draft);
    draft = updateSection(draft, draft.sections.length - 1, { title: 'Hear' });
    draft = addCriterion(draft, 0);
    draft = updateCriterion(draft, 0, 2, { title: 'Let customer explain without interruption' });
    draft = moveSection(draft, draft.sections.length - 1, -1);
    const final = finalizeIds(draft, original);
    expect(ScorecardContentSchema.safeParse(final).success).toBe(true);
    expect(final.sections.at(-2)!.id).toMatch(/^hear-[0-9a-f]{8}$/);
  });
});

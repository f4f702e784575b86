/**
 * Pure editing operations on a draft scorecard: data in, new data out, never mutating the input.
 * The settings page's editor keeps a `ScorecardContent` draft and replaces it with the result of
 * one of these after every change.
 *
 * Ids: sections, criteria and custom outcomes added while editing get a provisional id so lists
 * keep stable keys; `finalizeIds` turns those into kebab-case ids derived from their final titles
 * when the scorecard is saved. Ids that the saved scorecard already had never change, so
 * evaluations and reports that refer to them keep working across versions.
 */
import {
  CHANNELS,
  type Channel,
  type Criterion,
  type Scale,
  type ScaleOption,
  type Scorecard,
  type ScorecardContent,
  type Section,
} from '../schemas';
import { scaleOptions } from '../scoring/scale-options';

/** Returns a short random string used to tell apart ids that would otherwise collide. */
export type IdSuffix = () => string;

export const randomSuffix: IdSuffix = () => crypto.randomUUID().slice(0, 8);

/** Longest id base taken from a title; the schema allows 80 characters including the suffix. */
const MAX_ID_BASE = 60;

/** "Greeting & personalisation!" → "greeting-personalisation". Accents are folded to ASCII. */
export function kebabCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_BASE)
    .replace(/-+$/, '');
}

/** kebab-case of the title (or the fallback), plus `-<suffix>` while that id is taken. */
export function uniqueId(title: string, taken: ReadonlySet<string>, fallback: string, suffix: IdSuffix = randomSuffix): string {
  const base = kebabCase(title) || fallback;
  let id = base;
  while (taken.has(id)) id = `${base}-${suffix()}`;
  return id;
}

/** Every section and criterion id of a scorecard: they share one namespace. */
export function contentIds(content: ScorecardContent): Set<string> {
  return new Set(content.sections.flatMap((s) => [s.id, ...s.criteria.map((c) => c.id)]));
}

/** The editable content of a stored scorecard version (no id, version or timestamps), as a deep copy. */
export function toContent(scorecard: ScorecardContent | Scorecard): ScorecardContent {
  const { name, description, channels, passMark, sections } = scorecard;
  return structuredClone({ name, description, channels, passMark, sections });
}

export function blankCriterion(taken: ReadonlySet<string>, suffix: IdSuffix = randomSuffix): Criterion {
  return {
    id: uniqueId('New criterion', taken, 'criterion', suffix),
    title: 'New criterion',
    description: '',
    weight: 1,
    scale: { kind: 'binary' },
    allowNa: false,
    critical: 'none',
  };
}

export function blankSection(taken: ReadonlySet<string>, suffix: IdSuffix = randomSuffix): Section {
  const id = uniqueId('New section', taken, 'section', suffix);
  return { id, title: 'New section', bonus: false, criteria: [blankCriterion(new Set([...taken, id]), suffix)] };
}

/** What "New scorecard" starts from: one section with one yes/no criterion, and no name yet. */
export function blankScorecard(suffix: IdSuffix = randomSuffix): ScorecardContent {
  return { name: '', description: '', channels: [], passMark: 80, sections: [blankSection(new Set(), suffix)] };
}

// ---- Lists ----

/** A copy of `items` with the item at `index` moved by `delta` places; unchanged when it would leave the list. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  const copy = [...items];
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return copy;
  const [item] = copy.splice(index, 1) as [T];
  copy.splice(to, 0, item);
  return copy;
}

function replaceAt<T>(items: readonly T[], index: number, update: (item: T) => T): T[] {
  return items.map((item, i) => (i === index ? update(item) : item));
}

function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

// ---- Scorecard fields ----

export function updateScorecard(
  content: ScorecardContent,
  patch: Partial<Pick<ScorecardContent, 'name' | 'description' | 'passMark'>>,
): ScorecardContent {
  return { ...content, ...patch };
}

/** Turns a default channel on or off, keeping channels in their canonical order. */
export function setChannel(content: ScorecardContent, channel: Channel, on: boolean): ScorecardContent {
  const chosen = new Set(content.channels);
  if (on) chosen.add(channel);
  else chosen.delete(channel);
  return { ...content, channels: CHANNELS.filter((c) => chosen.has(c)) };
}

// ---- Sections ----

export function addSection(content: ScorecardContent, suffix: IdSuffix = randomSuffix): ScorecardContent {
  return { ...content, sections: [...content.sections, blankSection(contentIds(content), suffix)] };
}

export function updateSection(
  content: ScorecardContent,
  sectionIndex: number,
  patch: Partial<Pick<Section, 'title' | 'bonus'>>,
): ScorecardContent {
  return { ...content, sections: replaceAt(content.sections, sectionIndex, (s) => ({ ...s, ...patch })) };
}

export function removeSection(content: ScorecardContent, sectionIndex: number): ScorecardContent {
  return { ...content, sections: removeAt(content.sections, sectionIndex) };
}

export function moveSection(content: ScorecardContent, sectionIndex: number, delta: -1 | 1): ScorecardContent {
  return { ...content, sections: moveItem(content.sections, sectionIndex, delta) };
}

// ---- Criteria ----

function updateCriteria(
  content: ScorecardContent,
  sectionIndex: number,
  update: (criteria: Criterion[]) => Criterion[],
): ScorecardContent {
  return {
    ...content,
    sections: replaceAt(content.sections, sectionIndex, (s) => ({ ...s, criteria: update(s.criteria) })),
  };
}

export function addCriterion(content: ScorecardContent, sectionIndex: number, suffix: IdSuffix = randomSuffix): ScorecardContent {
  const criterion = blankCriterion(contentIds(content), suffix);
  return updateCriteria(content, sectionIndex, (criteria) => [...criteria, criterion]);
}

export function updateCriterion(
  content: ScorecardContent,
  sectionIndex: number,
  criterionIndex: number,
  patch: Partial<Omit<Criterion, 'id'>>,
): ScorecardContent {
  return updateCriteria(content, sectionIndex, (criteria) => replaceAt(criteria, criterionIndex, (c) => ({ ...c, ...patch })));
}

export function removeCriterion(content: ScorecardContent, sectionIndex: number, criterionIndex: number): ScorecardContent {
  return updateCriteria(content, sectionIndex, (criteria) => removeAt(criteria, criterionIndex));
}

/** Moves a criterion up or down within its section. */
export function moveCriterion(content: ScorecardContent, sectionIndex: number, criterionIndex: number, delta: -1 | 1): ScorecardContent {
  return updateCriteria(content, sectionIndex, (criteria) => moveItem(criteria, criterionIndex, delta));
}

// ---- Scales ----

export type ScaleChoice = 'binary' | 'points-3' | 'points-4' | 'points-5' | 'custom';

export const SCALE_CHOICES: readonly { value: ScaleChoice; label: string }[] = [
  { value: 'binary', label: 'Yes / No' },
  { value: 'points-3', label: '3-point' },
  { value: 'points-4', label: '4-point' },
  { value: 'points-5', label: '5-point' },
  { value: 'custom', label: 'Custom outcomes' },
];

export function scaleChoice(scale: Scale): ScaleChoice {
  switch (scale.kind) {
    case 'binary':
      return 'binary';
    case 'points':
      return `points-${scale.points}`;
    case 'custom':
      return 'custom';
  }
}

/**
 * The scale for a choice. Switching to custom outcomes starts from the outcomes of the current
 * scale (Yes / No, or the point labels), so the QA lead edits rather than types from nothing.
 */
export function changeScale(scale: Scale, choice: ScaleChoice): Scale {
  if (choice === scaleChoice(scale)) return scale;
  switch (choice) {
    case 'binary':
      return { kind: 'binary' };
    case 'points-3':
      return { kind: 'points', points: 3 };
    case 'points-4':
      return { kind: 'points', points: 4 };
    case 'points-5':
      return { kind: 'points', points: 5 };
    case 'custom':
      return { kind: 'custom', options: scaleOptions(scale).map((o) => ({ ...o })) };
  }
}

export function setCriterionScale(content: ScorecardContent, sectionIndex: number, criterionIndex: number, choice: ScaleChoice): ScorecardContent {
  return updateCriteria(content, sectionIndex, (criteria) =>
    replaceAt(criteria, criterionIndex, (c) => ({ ...c, scale: changeScale(c.scale, choice) })),
  );
}

function updateOutcomes(
  content: ScorecardContent,
  sectionIndex: number,
  criterionIndex: number,
  update: (options: ScaleOption[]) => ScaleOption[],
): ScorecardContent {
  return updateCriteria(content, sectionIndex, (criteria) =>
    replaceAt(criteria, criterionIndex, (c) => (c.scale.kind === 'custom' ? { ...c, scale: { kind: 'custom', options: update(c.scale.options) } } : c)),
  );
}

/** Adds an outcome worth 0 that does not pass; no-op unless the criterion has custom outcomes. */
export function addOutcome(content: ScorecardContent, sectionIndex: number, criterionIndex: number, suffix: IdSuffix = randomSuffix): ScorecardContent {
  return updateOutcomes(content, sectionIndex, criterionIndex, (options) => {
    const label = `Outcome ${options.length + 1}`;
    const id = uniqueId(label, new Set(options.map((o) => o.id)), 'outcome', suffix);
    return [...options, { id, label, value: 0, passes: false }];
  });
}

export function updateOutcome(
  content: ScorecardContent,
  sectionIndex: number,
  criterionIndex: number,
  outcomeIndex: number,
  patch: Partial<Omit<ScaleOption, 'id'>>,
): ScorecardContent {
  return updateOutcomes(content, sectionIndex, criterionIndex, (options) => replaceAt(options, outcomeIndex, (o) => ({ ...o, ...patch })));
}

export function removeOutcome(content: ScorecardContent, sectionIndex: number, criterionIndex: number, outcomeIndex: number): ScorecardContent {
  return updateOutcomes(content, sectionIndex, criterionIndex, (options) => removeAt(options, outcomeIndex));
}

// ---- Ids on save ----

/**
 * Gives every section, criterion and custom outcome that `original` (the stored version being
 * edited, or null for a new scorecard) did not have an id derived from its final title, and keeps
 * every id it did have. Ids already used by `original` are never handed to a new item.
 */
export function finalizeIds(content: ScorecardContent, original: ScorecardContent | null, suffix: IdSuffix = randomSuffix): ScorecardContent {
  const originalIds = original ? contentIds(original) : new Set<string>();
  const originalOutcomes = new Map<string, Set<string>>();
  for (const criterion of original?.sections.flatMap((s) => s.criteria) ?? []) {
    originalOutcomes.set(criterion.id, new Set(scaleOptions(criterion.scale).map((o) => o.id)));
  }

  // Kept ids first, so a new item never takes an id an existing one keeps.
  const kept = (id: string) => originalIds.has(id);
  const taken = new Set(originalIds);
  for (const section of content.sections) {
    if (kept(section.id)) taken.add(section.id);
    for (const criterion of section.criteria) if (kept(criterion.id)) taken.add(criterion.id);
  }
  const assign = (id: string, title: string, fallback: string) => {
    if (kept(id)) return id;
    const next = uniqueId(title, taken, fallback, suffix);
    taken.add(next);
    return next;
  };

  return {
    ...content,
    sections: content.sections.map((section) => {
      const sectionId = assign(section.id, section.title, 'section');
      return {
        ...section,
        id: sectionId,
        criteria: section.criteria.map((criterion) => {
          const id = assign(criterion.id, criterion.title, 'criterion');
          return { ...criterion, id, scale: finalizeOutcomeIds(criterion.scale, kept(criterion.id) ? originalOutcomes.get(id) : undefined, suffix) };
        }),
      };
    }),
  };
}

function finalizeOutcomeIds(scale: Scale, originalIds: ReadonlySet<string> | undefined, suffix: IdSuffix): Scale {
  if (scale.kind !== 'custom') return scale;
  const keep = (id: string) => originalIds?.has(id) ?? false;
  const taken = new Set(scale.options.map((o) => o.id).filter(keep));
  const options = scale.options.map((option) => {
    if (keep(option.id)) return option;
    const id = uniqueId(option.label, taken, 'outcome', suffix);
    taken.add(id);
    return { ...option, id };
  });
  return { kind: 'custom', options };
}

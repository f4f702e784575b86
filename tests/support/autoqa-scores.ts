import { analyseConversation, type AnalysisOptions } from '../../lib/autoqa';
import { AUTOQA_CHECK_IDS, SPOTLIGHT_KINDS, type AutoQaCheckId, type CheckOutcome, type SpotlightKind } from '../../lib/schemas';
import { TEAM_PHRASES, type LabelledConversation } from '../fixtures/autoqa/labelled-set';

export interface ClassScores {
  /** Of the conversations the check answered with this outcome, the share labelled so. Null with none answered. */
  precision: number | null;
  /** Of the conversations labelled with this outcome, the share the check found. Null with none labelled. */
  recall: number | null;
}

export interface CheckScores {
  fail: ClassScores;
  pass: ClassScores;
  /** Share of all conversations where the check's outcome (cannot tell included) equals the label. */
  accuracy: number;
  labelled: Record<CheckOutcome, number>;
  misses: { id: string; expected: CheckOutcome; got: CheckOutcome; reason: string }[];
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

function classScores(pairs: readonly { expected: CheckOutcome; got: CheckOutcome }[], outcome: CheckOutcome): ClassScores {
  const predicted = pairs.filter((p) => p.got === outcome).length;
  const actual = pairs.filter((p) => p.expected === outcome).length;
  const right = pairs.filter((p) => p.got === outcome && p.expected === outcome).length;
  return { precision: ratio(right, predicted), recall: ratio(right, actual) };
}

/** Each check's and each Spotlight flag's precision and recall over the labelled set, as the panel runs them. */
export function scoreLabelledSet(set: readonly LabelledConversation[], options: AnalysisOptions = {}) {
  const params = { 'prohibited-phrase': { phrases: TEAM_PHRASES } };
  const analyses = set.map((item) => ({ item, analysis: analyseConversation(item.conversation, params, options) }));
  const checks = {} as Record<AutoQaCheckId, CheckScores>;
  for (const id of AUTOQA_CHECK_IDS) {
    const pairs = analyses.map(({ item, analysis }) => ({ id: item.id, expected: item.expected[id], got: analysis.checks[id].outcome, reason: analysis.checks[id].reason }));
    const labelled = { pass: 0, fail: 0, unknown: 0 };
    for (const p of pairs) labelled[p.expected]++;
    checks[id] = {
      fail: classScores(pairs, 'fail'),
      pass: classScores(pairs, 'pass'),
      accuracy: pairs.filter((p) => p.expected === p.got).length / pairs.length,
      labelled,
      misses: pairs.filter((p) => p.expected !== p.got),
    };
  }
  const spotlight = {} as Record<SpotlightKind, ClassScores & { labelled: number; misses: string[] }>;
  for (const kind of SPOTLIGHT_KINDS) {
    const pairs = analyses.map(({ item, analysis }) => ({
      id: item.id,
      expected: item.spotlight.includes(kind),
      got: analysis.spotlight.some((f) => f.kind === kind),
    }));
    const right = pairs.filter((p) => p.expected && p.got).length;
    spotlight[kind] = {
      precision: ratio(right, pairs.filter((p) => p.got).length),
      recall: ratio(right, pairs.filter((p) => p.expected).length),
      labelled: pairs.filter((p) => p.expected).length,
      misses: pairs.filter((p) => p.expected !== p.got).map((p) => `${p.id} (${p.expected ? 'missed' : 'extra'})`),
    };
  }
  return { checks, spotlight, conversations: set.length };
}

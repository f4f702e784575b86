import type { Criticality, Scorecard } from '../../lib/schemas';

/**
 * The scorecard the 100k-evaluation benches score with: `criteria` binary criteria `c0`, `c1`…, in
 * four sections, none N/A-able; `critical` says which criteria fail the evaluation.
 */
export function benchScorecard(criteria: number, critical: (criterionId: string) => Criticality = () => 'none'): Scorecard {
  const ids = Array.from({ length: criteria }, (_, i) => `c${i}`);
  const perSection = criteria / 4;
  return {
    id: 'bench-card',
    version: 1,
    name: 'Bench card',
    description: '',
    channels: [],
    passMark: 80,
    archived: false,
    createdAt: 0,
    updatedAt: 0,
    sections: [0, 1, 2, 3].map((s) => ({
      id: `s${s}`,
      title: `Section ${s}`,
      bonus: false,
      criteria: ids.slice(s * perSection, (s + 1) * perSection).map((id) => ({
        id,
        title: `Criterion ${id}`,
        description: '',
        weight: 1,
        scale: { kind: 'binary' as const },
        allowNa: false,
        critical: critical(id),
      })),
    })),
  };
}

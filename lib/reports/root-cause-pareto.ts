import type { RootCause, RootCauseCategory } from '../schemas';
import type { ReportRow } from './report-row';

export interface RootCauseRow {
  id: string;
  /** The team's label; the id itself when the team no longer lists the cause. */
  label: string;
  /** null when the team no longer lists the cause. */
  category: RootCauseCategory | null;
  /** Only `agent` causes are the agent's to fix; the rest are systemic. */
  agentControllable: boolean;
  /** Answers that named this cause. */
  count: number;
  /** Share of all cause mentions, and the running total down the sorted list (the Pareto line), 0–100. */
  share: number;
  cumulativeShare: number;
}

/** How often each root cause was named on answers: a Pareto of why criteria are missed. */
export class RootCauseAccumulator {
  private readonly counts = new Map<string, number>();

  /** Counts the causes named on one answer. */
  addCauses(causes: readonly string[]): void {
    for (let i = 0; i < causes.length; i++) this.counts.set(causes[i]!, (this.counts.get(causes[i]!) ?? 0) + 1);
  }

  /** Counts every answer's causes, for evaluations whose scorecard version is not stored. */
  add(evaluation: ReportRow): void {
    evaluation.answers.forEach((answer) => this.addCauses(answer.rootCauses));
  }

  /** Most frequent first (ties by label), each with its share and the cumulative share. */
  rows(causes: readonly RootCause[]): RootCauseRow[] {
    const known = new Map(causes.map((c) => [c.id, c]));
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    let running = 0;
    return [...this.counts]
      .map(([id, count]) => ({ id, count, cause: known.get(id) }))
      .sort((a, b) => b.count - a.count || (a.cause?.label ?? a.id).localeCompare(b.cause?.label ?? b.id))
      .map(({ id, count, cause }) => {
        running += count;
        return {
          id,
          label: cause?.label ?? id,
          category: cause?.category ?? null,
          agentControllable: cause?.category === 'agent',
          count,
          share: (100 * count) / total,
          cumulativeShare: (100 * running) / total,
        };
      });
  }
}

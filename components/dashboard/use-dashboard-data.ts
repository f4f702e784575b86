import { useEffect, useState } from 'preact/hooks';
import type { Evaluation, Scorecard } from '../../lib/schemas';
import type { DashboardClient } from './dashboard-client';

export const scorecardKey = (id: string, version: number) => `${id}@${version}`;

export type DashboardData =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; evaluations: Evaluation[]; scorecards: ReadonlyMap<string, Scorecard> };

/** Loads the evaluations and every scorecard version they pinned, once. */
export function useDashboardData(client: DashboardClient): DashboardData {
  const [data, setData] = useState<DashboardData>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    (async () => {
      const evaluations = await client.listEvaluations();
      const pinned = new Map(evaluations.map((e) => [scorecardKey(e.scorecardId, e.scorecardVersion), e] as const));
      const scorecards = new Map<string, Scorecard>();
      await Promise.all(
        [...pinned].map(async ([key, e]) => {
          const scorecard = await client.getScorecard(e.scorecardId, e.scorecardVersion);
          if (scorecard) scorecards.set(key, scorecard);
        }),
      );
      if (live) setData({ state: 'ready', evaluations, scorecards });
    })().catch((error: unknown) => {
      if (live) setData({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [client]);

  return data;
}

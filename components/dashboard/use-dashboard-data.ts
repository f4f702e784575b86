import { useEffect, useState } from 'preact/hooks';
import type { Evaluation, KpiRecord, Scorecard, TeamSettings } from '../../lib/schemas';
import type { DashboardClient } from './dashboard-client';

export const scorecardKey = (id: string, version: number) => `${id}@${version}`;

export interface LoadedData {
  evaluations: Evaluation[];
  scorecards: ReadonlyMap<string, Scorecard>;
  kpis: KpiRecord[];
  settings: TeamSettings;
}

export type DashboardData = { state: 'loading' } | { state: 'error'; message: string } | ({ state: 'ready' } & LoadedData);

type DataClient = Pick<DashboardClient, 'listEvaluations' | 'getScorecard' | 'listKpis' | 'getTeamSettings' | 'onDataChanged'>;

/** What the reports read: a pull that brings only, say, members leaves the dashboard as it is. */
const REPORTED = new Set(['evaluation', 'scorecard', 'kpi', 'team-settings', 'acknowledgement', 'dispute']);

/**
 * Loads the evaluations, every scorecard version they pinned, the KPI records and team settings;
 * again when the team server brings records the reports read (the filters stay as they are).
 */
export function useDashboardData(client: DataClient): DashboardData {
  const [data, setData] = useState<DashboardData>({ state: 'loading' });
  const [revision, setRevision] = useState(0);
  useEffect(() => client.onDataChanged?.((kinds) => kinds.some((k) => REPORTED.has(k)) && setRevision((r) => r + 1)), [client]);

  useEffect(() => {
    let live = true;
    (async () => {
      const [evaluations, kpis, settings] = await Promise.all([client.listEvaluations(), client.listKpis(), client.getTeamSettings()]);
      const pinned = new Map(evaluations.map((e) => [scorecardKey(e.scorecardId, e.scorecardVersion), e] as const));
      const scorecards = new Map<string, Scorecard>();
      await Promise.all(
        [...pinned].map(async ([key, e]) => {
          const scorecard = await client.getScorecard(e.scorecardId, e.scorecardVersion);
          if (scorecard) scorecards.set(key, scorecard);
        }),
      );
      if (live) setData({ state: 'ready', evaluations, scorecards, kpis, settings });
    })().catch((error: unknown) => {
      if (live) setData({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [client, revision]);

  return data;
}

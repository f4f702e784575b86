import { useEffect, useState } from 'preact/hooks';
import type { BuildProgress } from '../../lib/db/report-rows';
import type { ScorecardPin } from '../../lib/reports/criterion-outcomes';
import type { ReportRow } from '../../lib/reports/report-row';
import type { Evaluation, KpiRecord, Scorecard, TeamSettings } from '../../lib/schemas';
import type { DashboardClient } from './dashboard-client';

export const scorecardKey = (id: string, version: number) => `${id}@${version}`;

interface Context {
  scorecards: ReadonlyMap<string, Scorecard>;
  kpis: KpiRecord[];
  settings: TeamSettings;
}

/** The dashboard's first load: no KPI records, which only later reports read (`useKpiRecords`). */
export interface LoadedData extends Omit<Context, 'kpis'> {
  rows: ReportRow[];
}

export interface LoadedEvaluations extends Context {
  evaluations: Evaluation[];
}

export type Loaded<T> =
  | { state: 'loading'; building?: BuildProgress }
  | { state: 'error'; message: string }
  | ({ state: 'ready' } & T);

export type DashboardData = Loaded<LoadedData>;

type ContextClient = Pick<DashboardClient, 'getScorecard' | 'listKpis' | 'getTeamSettings' | 'onDataChanged'>;

/** What the reports read: a pull that brings only, say, members leaves the dashboard as it is. */
const REPORTED = new Set(['evaluation', 'scorecard', 'kpi', 'team-settings', 'acknowledgement', 'dispute']);

/**
 * Loads records, every scorecard version they pinned, the KPI records and team settings; again
 * when the team server brings records the reports read (the filters, kept by the page, stay).
 */
function useLoaded<R extends ScorecardPin, T>(
  client: ContextClient,
  load: (onBuild: (progress: BuildProgress) => void) => Promise<R[]>,
  done: (records: R[], context: Context) => T,
  { withKpis = true } = {},
): Loaded<T> {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const [revision, setRevision] = useState(0);
  useEffect(() => client.onDataChanged?.((kinds) => kinds.some((k) => REPORTED.has(k)) && setRevision((r) => r + 1)), [client]);

  useEffect(() => {
    let live = true;
    (async () => {
      const [records, kpis, settings] = await Promise.all([
        load((building) => live && setData({ state: 'loading', building })),
        withKpis ? client.listKpis() : [],
        client.getTeamSettings(),
      ]);
      const pinned = new Map<string, R>();
      for (const record of records) pinned.set(scorecardKey(record.scorecardId, record.scorecardVersion), record);
      const scorecards = new Map<string, Scorecard>();
      await Promise.all(
        [...pinned].map(async ([key, e]) => {
          const scorecard = await client.getScorecard(e.scorecardId, e.scorecardVersion);
          if (scorecard) scorecards.set(key, scorecard);
        }),
      );
      if (live) setData({ state: 'ready', ...done(records, { scorecards, kpis, settings }) });
    })().catch((error: unknown) => {
      if (live) setData({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [client, revision]);

  return data;
}

/**
 * The dashboard's data: report rows, not full evaluations (those are read one at a time when
 * opened), and no KPI records: the headline needs none, and reading a year of them took as long
 * as a quarter of the first load (docs/benchmarks.md); `useKpiRecords` reads them later.
 */
export function useDashboardData(client: Pick<DashboardClient, 'listReportRows'> & ContextClient): DashboardData {
  return useLoaded(client, (onBuild) => client.listReportRows(onBuild), (rows, { scorecards, settings }) => ({ rows, scorecards, settings }), { withKpis: false });
}

/**
 * Every KPI record, read once `when` turns true (the dashboard: once the criteria are on screen)
 * and again whenever `data` is reloaded (a change the reports read, KPI records included).
 * Undefined until read; an error leaves the KPI figures empty rather than the dashboard broken.
 */
export function useKpiRecords(client: Pick<DashboardClient, 'listKpis'>, data: unknown, when: boolean): Loaded<{ kpis: KpiRecord[] }> {
  const [loaded, setLoaded] = useState<{ data: unknown; value: Loaded<{ kpis: KpiRecord[] }> }>();
  // Read once per load of the data: a filter change, which redoes the criteria, reads none again.
  const need = when && loaded?.data !== data;
  useEffect(() => {
    if (!need) return;
    let live = true;
    client
      .listKpis()
      .then((kpis) => live && setLoaded({ data, value: { state: 'ready', kpis } }))
      .catch((error: unknown) => live && setLoaded({ data, value: { state: 'error', message: error instanceof Error ? error.message : String(error) } }));
    return () => {
      live = false;
    };
  }, [client, data, need]);
  return loaded && loaded.data === data ? loaded.value : { state: 'loading' };
}

/** Full evaluations with the same context, for pages that quote answers (the review pack). */
export function useEvaluationData(client: Pick<DashboardClient, 'listEvaluations'> & ContextClient): Loaded<LoadedEvaluations> {
  return useLoaded(client, () => client.listEvaluations(), (evaluations, context) => ({ evaluations, ...context }));
}

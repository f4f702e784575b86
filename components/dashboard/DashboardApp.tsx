import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  agentOptions,
  channelOptions,
  DEFAULT_SORT,
  EMPTY_FILTER,
  evaluationMatcher,
  filterEvaluations,
  helpdeskOptions,
  isFiltered,
  nextSort,
  reviewerOptions,
  scorecardOptions,
  type EvaluationFilter,
  type EvaluationRow,
  type EvaluationSort,
} from '../../lib/dashboard/filter-evaluations';
import { buildAutoQaReport } from '../../lib/reports/autoqa-report';
import { buildReport } from '../../lib/reports/build-report';
import { criteriaIndex } from '../../lib/reports/criterion-outcomes';
import { drillMatcher, type Drill } from '../../lib/reports/drill';
import type { TrendGrain } from '../../lib/reports/time-buckets';
import type { Evaluation } from '../../lib/schemas';
import { PageNav } from '../shared/PageNav';
import type { CsvIoClient } from './csv-io-client';
import { CsvExportDialog } from './CsvExportDialog';
import { CsvImportDialog } from './CsvImportDialog';
import type { DashboardClient } from './dashboard-client';
import { EvaluationDetail } from './EvaluationDetail';
import { EvaluationTable } from './EvaluationTable';
import { FilterBar, type FilterOptions } from './FilterBar';
import { scorecardLabel } from './format';
import { AutoQaReport } from './AutoQaReport';
import { ReportsView } from './ReportsView';
import { scorecardKey, useDashboardData, type LoadedData } from './use-dashboard-data';
import { measured } from '../../lib/measured';

export const EMPTY_MESSAGE = 'No evaluations yet. Open a ticket in your helpdesk and score it in the QA Lens panel.';

/** Rows the list shows at first and adds per "Show more": enough to scan, few enough to render at once. */
export const LIST_PAGE = 100;

/** `csv` adds CSV export and import; without it the dashboard only reads. */
export function DashboardApp({ client, csv }: { client: DashboardClient; csv?: CsvIoClient }) {
  // An import changes the data: a new generation reloads it.
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <PageNav current="dashboard" />
      <main class="dashboard">
        <h1>Evaluations</h1>
        {csv && (
          <div class="page-toolbar">
            <CsvImportDialog client={csv} onImported={() => setGeneration((g) => g + 1)} />
          </div>
        )}
        <DashboardContent key={generation} client={client} csv={csv} />
      </main>
    </>
  );
}

function DashboardContent({ client, csv }: { client: DashboardClient; csv?: CsvIoClient }) {
  const data = useDashboardData(client);
  return (
    <>
      {data.state === 'loading' && <p class="muted">Loading evaluations…</p>}
      {data.state === 'error' && (
        <p class="error" role="alert">
          Could not load evaluations: {data.message}
        </p>
      )}
      {data.state === 'ready' &&
        (data.evaluations.length === 0 ? <p class="empty">{EMPTY_MESSAGE}</p> : <Dashboard csv={csv} data={data} />)}
    </>
  );
}


function useFilterOptions(evaluations: readonly Evaluation[], scorecards: LoadedData['scorecards']): FilterOptions {
  return useMemo(() => {
    // A scorecard's name from any stored version of it, for the "all versions" entry.
    const names = new Map([...scorecards.values()].map((s) => [s.id, s.name]));
    return {
      agents: agentOptions(evaluations),
      channels: channelOptions(evaluations),
      helpdesks: helpdeskOptions(evaluations),
      reviewers: reviewerOptions(evaluations),
      scorecards: scorecardOptions(evaluations).map((o) => {
        const name = (o.version === undefined ? names.get(o.scorecardId) : scorecards.get(scorecardKey(o.scorecardId, o.version))?.name) ?? '';
        return { value: o.value, label: o.version === undefined ? `${name || 'Unknown scorecard'} (all versions)` : scorecardLabel(name, o.version) };
      }),
    };
  }, [evaluations, scorecards]);
}

/**
 * Filters, reports and the evaluation list, or one evaluation opened from the list. The filters
 * apply to every report and to the list; a click on a figure narrows the list to the evaluations
 * behind it. Filters, sort and that narrowing survive opening an evaluation and going back.
 */
function Dashboard({ csv, data }: { csv?: CsvIoClient; data: LoadedData }) {
  const { evaluations, scorecards, kpis, settings } = data;
  const [filter, setFilter] = useState<EvaluationFilter>(EMPTY_FILTER);
  const [grain, setGrain] = useState<TrendGrain>('week');
  const [drill, setDrill] = useState<{ drill: Drill; label: string } | undefined>();
  const [sort, setSort] = useState<EvaluationSort>(DEFAULT_SORT);
  const [shown, setShown] = useState(LIST_PAGE);
  const [openId, setOpenId] = useState<string | undefined>();
  const [returnFocusId, setReturnFocusId] = useState<string | undefined>();
  const listHeading = useRef<HTMLHeadingElement>(null);

  const scorecardFor = (id: string, version: number) => scorecards.get(scorecardKey(id, version));
  const options = useFilterOptions(evaluations, scorecards);
  const reportInput = { filter, grain, scorecardFor, rootCauses: settings.rootCauses, kpis };
  // Two passes, each measured on its own: the headline and trend need only the critical criteria;
  // the weakest-criteria and root-cause reports walk every answer. A grain change redoes the first only.
  const overview = useMemo(
    () => measured('qa-lens:dashboard-report', () => buildReport(evaluations, { ...reportInput, parts: 'overview' })),
    [evaluations, filter, grain, scorecards, settings, kpis],
  );
  const criteriaReport = useMemo(
    () => measured('qa-lens:dashboard-criteria', () => buildReport(evaluations, { ...reportInput, parts: 'criteria' })),
    [evaluations, filter, scorecards, settings],
  );
  const report = { ...overview, criteria: criteriaReport.criteria, rootCauses: criteriaReport.rootCauses };
  const autoQa = useMemo(
    () => measured('qa-lens:dashboard-autoqa', () => buildAutoQaReport(evaluations.filter(evaluationMatcher(filter)), scorecardFor)),
    [evaluations, filter, scorecards],
  );
  const rows = useMemo(() => {
    const filtered = filterEvaluations(evaluations, filter, sort, (id, version) => scorecardFor(id, version)?.name);
    if (!drill) return filtered;
    const behind = drillMatcher(drill.drill, criteriaIndex(scorecardFor));
    return filtered.filter((row) => behind(row.evaluation));
  }, [evaluations, filter, sort, scorecards, drill]);

  const changeFilter = (next: EvaluationFilter) => {
    setFilter(next);
    setDrill(undefined);
    setShown(LIST_PAGE);
  };
  const showBehind = (next: Drill, label: string) => {
    setDrill({ drill: next, label });
    setShown(LIST_PAGE);
  };
  useEffect(() => {
    if (drill) listHeading.current?.focus();
  }, [drill]);

  const opened = openId === undefined ? undefined : evaluations.find((e) => e.id === openId);
  if (opened) {
    return (
      <EvaluationDetail
        evaluation={opened}
        scorecard={scorecardFor(opened.scorecardId, opened.scorecardVersion)}
        onBack={() => {
          setReturnFocusId(opened.id);
          setOpenId(undefined);
        }}
      />
    );
  }

  const filtered = isFiltered(filter);

  return (
    <>
      <FilterBar filter={filter} options={options} today={new Date()} onChange={changeFilter} onClear={filtered ? () => changeFilter(EMPTY_FILTER) : undefined} />
      <ReportsView report={report} grain={grain} onGrain={setGrain} days={filter} onDrill={showBehind} />
      <AutoQaReport rows={autoQa} />
      <section class="evaluation-list" aria-labelledby="list-heading">
        <h2 id="list-heading" ref={listHeading} tabIndex={-1}>
          {drill ? `Evaluations behind: ${drill.label}` : 'Evaluation list'}
        </h2>
        <div class="list-toolbar">
          <p class="summary" role="status">
            {summary(rows, evaluations.length, filtered || drill !== undefined)}
          </p>
          {drill && (
            <button type="button" onClick={() => setDrill(undefined)}>
              Show all evaluations
            </button>
          )}
          {csv && <CsvExportDialog client={csv} filter={filter} filteredCount={rows.length} scorecards={[...scorecards.values()]} />}
        </div>
        {rows.length > 0 ? (
          <>
            <EvaluationTable
              rows={rows.slice(0, shown)}
              sort={sort}
              onSort={(key) => setSort((current) => nextSort(current, key))}
              onOpen={setOpenId}
              focusEvaluationId={returnFocusId}
            />
            {rows.length > shown && (
              <button type="button" class="show-more" onClick={() => setShown((n) => n + LIST_PAGE)}>
                Show more evaluations ({rows.length - shown} more)
              </button>
            )}
          </>
        ) : (
          <p class="empty">No evaluations match these filters.</p>
        )}
      </section>
    </>
  );
}

function summary(rows: readonly EvaluationRow[], total: number, filtered: boolean): string {
  const noun = (n: number) => (n === 1 ? 'evaluation' : 'evaluations');
  return filtered ? `${rows.length} of ${total} ${noun(total)}` : `${rows.length} ${noun(rows.length)}`;
}

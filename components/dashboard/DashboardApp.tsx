import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  agentOptions,
  channelOptions,
  DEFAULT_SORT,
  EMPTY_FILTER,
  filterRows,
  helpdeskOptions,
  isFiltered,
  listLine,
  nextSort,
  reviewerOptions,
  rowMatcher,
  scorecardOptions,
  type EvaluationFilter,
  type EvaluationSort,
} from '../../lib/dashboard/filter-evaluations';
import { buildAutoQaReport } from '../../lib/reports/autoqa-report';
import { addKpis, buildKpiPart, buildReport, reportWindow, rowsWithin } from '../../lib/reports/build-report';
import { criteriaIndex } from '../../lib/reports/criterion-outcomes';
import { drillMatcher, type Drill } from '../../lib/reports/drill';
import type { ReportRow } from '../../lib/reports/report-row';
import type { TrendGrain } from '../../lib/reports/time-buckets';
import type { Evaluation } from '../../lib/schemas';
import { PageNav } from '../shared/PageNav';
import type { CsvIoClient } from './csv-io-client';
import { CsvExportDialog } from './CsvExportDialog';
import { CsvImportDialog } from './CsvImportDialog';
import type { DashboardClient } from './dashboard-client';
import { RetentionNotice } from './RetentionNotice';
import { EvaluationDetail } from './EvaluationDetail';
import { EvaluationTable } from './EvaluationTable';
import { FilterBar, type FilterOptions } from './FilterBar';
import { scorecardLabel } from './format';
import { AutoQaReport } from './AutoQaReport';
import { ReportsView } from './ReportsView';
import { useAfterPaint } from './use-after-paint';
import { scorecardKey, useDashboardData, useKpiRecords, type LoadedData } from './use-dashboard-data';
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
        <RetentionNotice client={client} />
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
      {data.state === 'loading' && (data.building ? <BuildProgressNote built={data.building.built} total={data.building.total} /> : <p class="muted">Loading evaluations…</p>)}
      {data.state === 'error' && (
        <p class="error" role="alert">
          Could not load evaluations: {data.message}
        </p>
      )}
      {data.state === 'ready' &&
        (data.rows.length === 0 ? <p class="empty">{EMPTY_MESSAGE}</p> : <Dashboard client={client} csv={csv} data={data} />)}
    </>
  );
}

/** Shown once, after an update, while the report rows of evaluations stored before it are built. */
function BuildProgressNote({ built, total }: { built: number; total: number }) {
  return (
    <div class="build-progress" role="status">
      <label class="field">
        <span>Preparing reports for {total.toLocaleString()} evaluations (once, after an update)</span>
        <progress max={Math.max(total, 1)} value={built} />
      </label>
      <p class="muted">
        {built.toLocaleString()} of {total.toLocaleString()} done.
      </p>
    </div>
  );
}


function useFilterOptions(evaluations: readonly ReportRow[], scorecards: LoadedData['scorecards']): FilterOptions {
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
function Dashboard({ client, csv, data }: { client: DashboardClient; csv?: CsvIoClient; data: LoadedData }) {
  const { rows: evaluations, scorecards, settings } = data;
  const [filter, setFilter] = useState<EvaluationFilter>(EMPTY_FILTER);
  const [grain, setGrain] = useState<TrendGrain>('week');
  const [drill, setDrill] = useState<{ drill: Drill; label: string } | undefined>();
  const [sort, setSort] = useState<EvaluationSort>(DEFAULT_SORT);
  const [shown, setShown] = useState(LIST_PAGE);
  const [openId, setOpenId] = useState<string | undefined>();
  const opened = useOpenedEvaluation(client, openId);
  const [returnFocusId, setReturnFocusId] = useState<string | undefined>();
  const listHeading = useRef<HTMLHeadingElement>(null);

  const scorecardFor = (id: string, version: number) => scorecards.get(scorecardKey(id, version));
  const scorecardName = (id: string, version: number) => scorecardFor(id, version)?.name;
  const options = useFilterOptions(evaluations, scorecards);
  const reportInput = { filter, grain, scorecardFor, rootCauses: settings.rootCauses, kpis: [] };
  // Only the rows of the period and the one before it: a period filter walks its own days.
  const windowed = useMemo(() => rowsWithin(evaluations, reportWindow(filter)), [evaluations, filter.from, filter.to]);
  // Two passes, each measured on its own: the headline and trend need only the critical criteria and
  // are worked out first; the weakest-criteria and root-cause reports walk every answer, so they are
  // worked out once the headline is on screen. A grain change redoes the first only.
  const overview = useMemo(
    () => measured('qa-lens:dashboard-report', () => buildReport(windowed, { ...reportInput, parts: 'overview' })),
    [windowed, filter, grain, scorecards, settings],
  );
  const criteriaReport = useAfterPaint(
    () => measured('qa-lens:dashboard-criteria', () => buildReport(windowed, { ...reportInput, parts: 'criteria' })),
    [windowed, filter, scorecards, settings],
  );
  // KPI records come third: only the KPI columns and QA vs CSAT read them, and reading a year of
  // them cost the headline about a quarter of its time. Read once per load, paired after the criteria.
  const kpiRecords = useKpiRecords(client, data, criteriaReport !== undefined);
  const kpis = kpiRecords.state === 'ready' ? kpiRecords.kpis : undefined;
  const kpiPart = useAfterPaint(
    () => measured('qa-lens:dashboard-kpis', () => buildKpiPart(windowed, { ...reportInput, kpis: kpis! })),
    [windowed, filter, grain, kpis],
    kpis !== undefined,
  );
  const withCriteria = { ...overview, criteria: criteriaReport?.criteria ?? [], rootCauses: criteriaReport?.rootCauses ?? [] };
  const report = kpiPart ? addKpis(withCriteria, kpiPart) : withCriteria;
  const kpiState = kpiRecords.state === 'error' ? { error: kpiRecords.message } : kpiPart ? 'ready' : 'pending';
  // The AutoQA report walks every answer too: it follows the criteria, once they are on screen.
  const autoQa = useAfterPaint(
    () => measured('qa-lens:dashboard-autoqa', () => buildAutoQaReport(windowed.filter(rowMatcher(filter)), scorecardFor)),
    [windowed, filter, scorecards],
    criteriaReport !== undefined,
  );
  // Effects run once the render is painted: these marks tell devtools and `npm run bench` when each
  // stage reached the screen (from navigation start).
  useEffect(() => void performance.mark('qa-lens:headline-shown'), [overview]);
  useEffect(() => void (criteriaReport && performance.mark('qa-lens:criteria-shown')), [criteriaReport]);
  // The list filters and sorts the rows as they are (no copies; a sort of rows already in date
  // order is one pass) and turns only the page it shows into list lines.
  const listed = useMemo(
    () =>
      measured('qa-lens:dashboard-list', () => {
        const filtered = filterRows(windowed, filter, sort, scorecardName);
        if (!drill) return filtered;
        const behind = drillMatcher(drill.drill, criteriaIndex(scorecardFor));
        return filtered.filter(behind);
      }),
    [windowed, filter, sort, scorecards, drill],
  );
  const rows = useMemo(() => listed.slice(0, shown).map((row) => listLine(row, scorecardName)), [listed, shown]);

  const changeFilter = (next: EvaluationFilter) => {
    setFilter(next);
    setDrill(undefined);
    setShown(LIST_PAGE);
  };
  const showBehind = (next: Drill, label: string) => {
    setDrill({ drill: next, label });
    setShown(LIST_PAGE);
  };
  useLayoutEffect(() => {
    if (drill) listHeading.current?.focus();
  }, [drill]);

  if (openId !== undefined) {
    const back = () => {
      setReturnFocusId(openId);
      setOpenId(undefined);
    };
    if (opened.state === 'ready') return <EvaluationDetail evaluation={opened.evaluation} scorecard={scorecardFor(opened.evaluation.scorecardId, opened.evaluation.scorecardVersion)} onBack={back} />;
    return (
      <article class="evaluation-detail">
        <button type="button" onClick={back}>
          Back to list
        </button>
        {opened.state === 'loading' ? (
          <p class="muted" role="status">
            Loading the evaluation…
          </p>
        ) : (
          <p class="error" role="alert">
            {opened.message}
          </p>
        )}
      </article>
    );
  }

  const filtered = isFiltered(filter);

  return (
    <>
      <FilterBar filter={filter} options={options} today={new Date()} onChange={changeFilter} onClear={filtered ? () => changeFilter(EMPTY_FILTER) : undefined} />
      <ReportsView report={report} criteriaPending={criteriaReport === undefined} kpis={kpiState} grain={grain} onGrain={setGrain} days={filter} onDrill={showBehind} />
      <AutoQaReport rows={autoQa} />
      <section class="evaluation-list" aria-labelledby="list-heading">
        <h2 id="list-heading" ref={listHeading} tabIndex={-1}>
          {drill ? `Evaluations behind: ${drill.label}` : 'Evaluation list'}
        </h2>
        <div class="list-toolbar">
          <p class="summary" role="status">
            {summary(listed.length, evaluations.length, filtered || drill !== undefined)}
          </p>
          {drill && (
            <button type="button" onClick={() => setDrill(undefined)}>
              Show all evaluations
            </button>
          )}
          {csv && <CsvExportDialog client={csv} filter={filter} filteredCount={listed.length} scorecards={[...scorecards.values()]} />}
        </div>
        {listed.length > 0 ? (
          <>
            <EvaluationTable
              rows={rows}
              sort={sort}
              onSort={(key) => setSort((current) => nextSort(current, key))}
              onOpen={setOpenId}
              focusEvaluationId={returnFocusId}
            />
            {listed.length > shown && (
              <button type="button" class="show-more" onClick={() => setShown((n) => n + LIST_PAGE)}>
                Show more evaluations ({listed.length - shown} more)
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

type Opened = { state: 'loading' } | { state: 'ready'; evaluation: Evaluation } | { state: 'error'; message: string };

/** The evaluation opened from the list, read in full only then. */
function useOpenedEvaluation(client: DashboardClient, id: string | undefined): Opened {
  const [opened, setOpened] = useState<Opened & { id?: string }>({ state: 'loading' });
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    setOpened({ state: 'loading', id });
    client
      .getEvaluation(id)
      .then((evaluation) => live && setOpened(evaluation ? { state: 'ready', evaluation, id } : { state: 'error', message: 'This evaluation is no longer stored.', id }))
      .catch((error: unknown) => live && setOpened({ state: 'error', message: `Could not load the evaluation: ${error instanceof Error ? error.message : String(error)}`, id }));
    return () => {
      live = false;
    };
  }, [client, id]);
  return opened.id === id ? opened : { state: 'loading' };
}

function summary(count: number, total: number, filtered: boolean): string {
  const noun = (n: number) => (n === 1 ? 'evaluation' : 'evaluations');
  return filtered ? `${count} of ${total} ${noun(total)}` : `${count} ${noun(count)}`;
}

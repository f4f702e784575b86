import { useMemo, useState } from 'preact/hooks';
import {
  agentOptions,
  channelOptions,
  DEFAULT_SORT,
  EMPTY_FILTER,
  filterEvaluations,
  isFiltered,
  nextSort,
  type EvaluationFilter,
  type EvaluationRow,
  type EvaluationSort,
} from '../../lib/dashboard/filter-evaluations';
import type { Evaluation, Scorecard } from '../../lib/schemas';
import type { DashboardClient } from './dashboard-client';
import { EvaluationDetail } from './EvaluationDetail';
import { EvaluationTable } from './EvaluationTable';
import type { CsvIoClient } from './csv-io-client';
import { CsvExportDialog } from './CsvExportDialog';
import { CsvImportDialog } from './CsvImportDialog';
import { FilterBar } from './FilterBar';
import { scorecardKey, useDashboardData } from './use-dashboard-data';

export const EMPTY_MESSAGE = 'No evaluations yet. Open a ticket in your helpdesk and score it in the QA Lens panel.';

/** `csv` adds CSV export and import; without it the dashboard only reads. */
export function DashboardApp({ client, csv }: { client: DashboardClient; csv?: CsvIoClient }) {
  // An import changes the data: a new generation reloads it.
  const [generation, setGeneration] = useState(0);
  return (
    <main class="dashboard">
      <h1>Evaluations</h1>
      {csv && (
        <div class="page-toolbar">
          <CsvImportDialog client={csv} onImported={() => setGeneration((g) => g + 1)} />
        </div>
      )}
      <DashboardContent key={generation} client={client} csv={csv} />
    </main>
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
        (data.evaluations.length === 0 ? (
          <p class="empty">{EMPTY_MESSAGE}</p>
        ) : (
          <EvaluationBrowser csv={csv} evaluations={data.evaluations} scorecards={data.scorecards} />
        ))}
    </>
  );
}

interface BrowserProps {
  csv?: CsvIoClient;
  evaluations: Evaluation[];
  scorecards: ReadonlyMap<string, Scorecard>;
}

/** The list with its filters, or one evaluation opened from it. Filters and sort survive going back. */
function EvaluationBrowser({ csv, evaluations, scorecards }: BrowserProps) {
  const [filter, setFilter] = useState<EvaluationFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<EvaluationSort>(DEFAULT_SORT);
  const [openId, setOpenId] = useState<string | undefined>();
  const [returnFocusId, setReturnFocusId] = useState<string | undefined>();

  const scorecardFor = (e: Evaluation) => scorecards.get(scorecardKey(e.scorecardId, e.scorecardVersion));
  const agents = useMemo(() => agentOptions(evaluations), [evaluations]);
  const channels = useMemo(() => channelOptions(evaluations), [evaluations]);
  const rows = useMemo(
    () => filterEvaluations(evaluations, filter, sort, (id, version) => scorecards.get(scorecardKey(id, version))?.name),
    [evaluations, filter, sort, scorecards],
  );

  const opened = openId === undefined ? undefined : evaluations.find((e) => e.id === openId);
  if (opened) {
    return (
      <EvaluationDetail
        evaluation={opened}
        scorecard={scorecardFor(opened)}
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
      <FilterBar
        filter={filter}
        agents={agents}
        channels={channels}
        onChange={setFilter}
        onClear={filtered ? () => setFilter(EMPTY_FILTER) : undefined}
      />
      <div class="list-toolbar">
        <p class="summary" role="status">
          {summary(rows, evaluations.length, filtered)}
        </p>
        {csv && <CsvExportDialog client={csv} filter={filter} filteredCount={rows.length} scorecards={[...scorecards.values()]} />}
      </div>
      {rows.length > 0 ? (
        <EvaluationTable
          rows={rows}
          sort={sort}
          onSort={(key) => setSort((current) => nextSort(current, key))}
          onOpen={setOpenId}
          focusEvaluationId={returnFocusId}
        />
      ) : (
        <p class="empty">No evaluations match these filters.</p>
      )}
    </>
  );
}

function summary(rows: readonly EvaluationRow[], total: number, filtered: boolean): string {
  const noun = (n: number) => (n === 1 ? 'evaluation' : 'evaluations');
  return filtered ? `${rows.length} of ${total} ${noun(total)}` : `${rows.length} ${noun(rows.length)}`;
}

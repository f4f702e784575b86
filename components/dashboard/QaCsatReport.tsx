import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { QaCsatPoint, QaVsCsat } from '../../lib/reports/qa-vs-csat';
import { ChartSection } from './ChartSection';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatScore } from './format';
import { agentLabel } from './format-report';
import { CHART_COLOURS, UPlotChart, type ChartOptions } from './UPlotChart';

/** How many pairs the table lists; the chart shows them all. */
const TABLE_ROWS = 50;

/** QA score against the customer's CSAT answer on the same ticket, as a scatter and a table. */
export function QaCsatReport({ qaVsCsat, onDrill }: { qaVsCsat: QaVsCsat; onDrill: OnDrill }) {
  // uPlot wants x in ascending order; points sharing a position drill to all of their evaluations.
  const sorted = useMemo(() => [...qaVsCsat.points].sort((a, b) => a.score - b.score || a.csat - b.csat), [qaVsCsat]);
  const data = useMemo<uPlot.AlignedData>(() => [sorted.map((p) => p.score), sorted.map((p) => p.csat)], [sorted]);
  const options = useMemo<ChartOptions>(
    () => ({
      scales: { x: { time: false, range: [0, 100] }, y: { range: [0.5, 5.5] } },
      series: [{}, { label: 'CSAT', stroke: CHART_COLOURS.primary, paths: () => null, points: { show: true, size: 7, fill: CHART_COLOURS.primary } }],
      axes: [{ label: 'QA score', values: (_u, splits) => splits.map((v) => `${v}%`) }, { label: 'CSAT (1–5)', splits: () => [1, 2, 3, 4, 5] }],
    }),
    [],
  );
  const drillPoint = (point: QaCsatPoint) => {
    const same = sorted.filter((p) => p.score === point.score && p.csat === point.csat).map((p) => p.evaluationId);
    onDrill({ kind: 'evaluations', ids: same }, `QA ${formatScore(point.score)} with CSAT ${point.csat}`);
  };
  const r = qaVsCsat.correlation;

  return (
    <ChartSection
      id="qa-csat"
      title="QA score vs CSAT"
      empty={sorted.length === 0 ? 'No evaluated ticket in this period has a CSAT answer.' : undefined}
      chart={<UPlotChart label={`QA score against CSAT for ${sorted.length} tickets; the table below has the numbers`} options={options} data={data} onPick={(i) => sorted[i] && drillPoint(sorted[i])} />}
    >
      <p>
        {sorted.length} tickets with both; correlation {r === null ? 'not computable' : `r = ${r.toFixed(2)}`}.
        {sorted.length > TABLE_ROWS && ` The table lists the first ${TABLE_ROWS}.`}
      </p>
      <table>
        <caption class="visually-hidden">QA score and CSAT per ticket</caption>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Agent</th>
            <th scope="col">QA score</th>
            <th scope="col">CSAT</th>
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, TABLE_ROWS).map((p) => (
            <tr key={p.evaluationId}>
              <th scope="row">
                <DrillButton drill={{ kind: 'evaluations', ids: [p.evaluationId] }} label={`Ticket ${p.ticketKey}`} onDrill={onDrill}>
                  {p.ticketKey}
                </DrillButton>
              </th>
              <td>{agentLabel(p.agent)}</td>
              <td class="numeric">{formatScore(p.score)}</td>
              <td class="numeric">{p.csat}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartSection>
  );
}

import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import type { RootCauseRow } from '../../lib/reports/root-cause-pareto';
import type { RootCauseCategory } from '../../lib/schemas';
import { ChartSection } from './ChartSection';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatPercent } from './format-report';
import { CHART_COLOURS, UPlotChart, type ChartOptions } from './UPlotChart';

const CATEGORY_LABELS: Record<RootCauseCategory, string> = {
  agent: 'Agent',
  process: 'Process',
  product: 'Product',
  policy: 'Policy',
  tooling: 'Tooling',
};

/** Why criteria were missed: causes by frequency (bars) with the cumulative share (line). */
export function RootCauseReport({ rows, onDrill }: { rows: readonly RootCauseRow[]; onDrill: OnDrill }) {
  const data = useMemo<uPlot.AlignedData>(() => [rows.map((_, i) => i), rows.map((r) => r.count), rows.map((r) => r.cumulativeShare)], [rows]);
  const options = useMemo<ChartOptions>(
    () => ({
      scales: { x: { time: false, range: [-0.5, Math.max(rows.length - 0.5, 0.5)] }, share: { range: [0, 100] } },
      series: [
        {},
        { label: 'Mentions', fill: CHART_COLOURS.primary, stroke: CHART_COLOURS.primary, paths: uPlot.paths.bars?.({ size: [0.6, 60] }), points: { show: false } },
        { label: 'Cumulative share', scale: 'share', stroke: CHART_COLOURS.secondary, width: 2 },
      ],
      axes: [
        { splits: () => rows.map((_, i) => i), values: (_u, splits) => splits.map((i) => rows[i]?.label ?? ''), rotate: 0 },
        { label: 'Mentions' },
        { scale: 'share', side: 1, grid: { show: false }, values: (_u, splits) => splits.map((v) => `${v}%`) },
      ],
    }),
    [rows],
  );
  const drill = (row: RootCauseRow) => onDrill({ kind: 'root-cause', id: row.id }, row.label);

  return (
    <ChartSection
      id="root-causes"
      title="Root causes (Pareto)"
      empty={rows.length === 0 ? 'No root causes recorded in this period.' : undefined}
      chart={<UPlotChart label="Root causes by number of mentions, with the cumulative share; the table below has the numbers" options={options} data={data} onPick={(i) => rows[i] && drill(rows[i])} />}
    >
      <table>
        <caption class="visually-hidden">Root causes, most frequent first</caption>
        <thead>
          <tr>
            <th scope="col">Root cause</th>
            <th scope="col">Category</th>
            <th scope="col">Agent-controllable</th>
            <th scope="col">Mentions</th>
            <th scope="col">Share</th>
            <th scope="col">Cumulative</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <DrillButton drill={{ kind: 'root-cause', id: r.id }} label={r.label} onDrill={onDrill}>
                  {r.label}
                </DrillButton>
              </th>
              <td>{r.category ? CATEGORY_LABELS[r.category] : 'No longer listed'}</td>
              <td>{r.agentControllable ? 'Yes' : 'No'}</td>
              <td class="numeric">{r.count}</td>
              <td class="numeric">{formatPercent(r.share)}</td>
              <td class="numeric">{formatPercent(r.cumulativeShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartSection>
  );
}

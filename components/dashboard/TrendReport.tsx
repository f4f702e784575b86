import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { DashboardReport } from '../../lib/reports/build-report';
import type { TrendGrain } from '../../lib/reports/time-buckets';
import { ChartSection } from './ChartSection';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatScore } from './format';
import { bucketLabel, formatPercent, formatSigned } from './format-report';
import { CHART_COLOURS, UPlotChart, type ChartOptions } from './UPlotChart';

interface TrendReportProps {
  trend: DashboardReport['trend'];
  grain: TrendGrain;
  /** Without it the grain is fixed (the review pack). */
  onGrain?: (grain: TrendGrain) => void;
  /** Without it the figures are plain text (the review pack). */
  onDrill?: OnDrill;
}

const BUCKET_SECONDS: Record<TrendGrain, number> = { week: 7 * 86_400, month: 31 * 86_400 };

const nullable = (values: (number | null | undefined)[]) => values.map((v) => v ?? null);

/** QA score, pass rate and CSAT per week or month, as a line chart and a table. */
export function TrendReport({ trend, grain, onGrain, onDrill }: TrendReportProps) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      trend.map((p) => p.bucket.start / 1000),
      nullable(trend.map((p) => p.meanScore)),
      nullable(trend.map((p) => p.passRate)),
      nullable(trend.map((p) => p.kpis?.csatPercent)),
    ],
    [trend],
  );
  const options = useMemo<ChartOptions>(
    () => ({
      // One bucket alone would make uPlot stretch the time axis over years: pad it by a bucket each side.
      scales: { x: { range: (_u, min, max) => (min === max ? [min - BUCKET_SECONDS[grain], max + BUCKET_SECONDS[grain]] : [min, max]) }, y: { range: [0, 100] } },
      series: [
        {},
        { label: 'Mean QA score', stroke: CHART_COLOURS.primary, width: 2, spanGaps: false },
        { label: 'Pass rate', stroke: CHART_COLOURS.secondary, width: 2, dash: [6, 4] },
        { label: 'CSAT', stroke: CHART_COLOURS.tertiary, width: 2, dash: [2, 3] },
      ],
      axes: [{}, { values: (_u, splits) => splits.map((v) => `${v}%`) }],
    }),
    [grain],
  );
  const drillBucket = (i: number) => {
    const point = trend[i];
    if (point) onDrill?.({ kind: 'bucket', start: point.bucket.start, end: point.bucket.end }, bucketLabel(point.bucket, grain));
  };

  const controls = onGrain && (
    <label class="inline-field">
      Trend by{' '}
      <select value={grain} onChange={(e) => onGrain(e.currentTarget.value === 'month' ? 'month' : 'week')}>
        <option value="week">Week</option>
        <option value="month">Month</option>
      </select>
    </label>
  );
  return (
    <ChartSection
      id="trend"
      title="QA score trend"
      controls={controls}
      empty={trend.length === 0 ? 'No evaluations in this period.' : undefined}
      chart={<UPlotChart label={`QA score, pass rate and CSAT by ${grain}; the table below has the numbers`} options={options} data={data} onPick={onDrill && drillBucket} />}
    >
      <table>
        <caption class="visually-hidden">QA score trend by {grain}</caption>
        <thead>
          <tr>
            <th scope="col">{grain === 'week' ? 'Week' : 'Month'}</th>
            <th scope="col">Evaluations</th>
            <th scope="col">Mean QA score</th>
            <th scope="col">Pass rate</th>
            <th scope="col">CSAT</th>
            <th scope="col">FCR</th>
            <th scope="col">NPS</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((p) => (
            <tr key={p.bucket.key}>
              <th scope="row">
                {onDrill && p.evaluations > 0 ? (
                  <DrillButton drill={{ kind: 'bucket', start: p.bucket.start, end: p.bucket.end }} label={bucketLabel(p.bucket, grain)} onDrill={onDrill}>
                    {bucketLabel(p.bucket, grain)}
                  </DrillButton>
                ) : (
                  bucketLabel(p.bucket, grain)
                )}
              </th>
              <td class="numeric">{p.evaluations}</td>
              <td class="numeric">{formatScore(p.meanScore)}</td>
              <td class="numeric">{formatPercent(p.passRate)}</td>
              <td class="numeric">{formatPercent(p.kpis?.csatPercent ?? null)}</td>
              <td class="numeric">{formatPercent(p.kpis?.fcrPercent ?? null)}</td>
              <td class="numeric">{p.kpis?.nps == null ? '—' : formatSigned(p.kpis.nps, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartSection>
  );
}

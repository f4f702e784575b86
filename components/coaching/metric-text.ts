import type { CoachingMetric, KpiMetric } from '../../lib/schemas';
import { isPercentMetric } from '../../lib/coaching/measure';
import { formatNumber } from '../../lib/scoring';

export const KPI_LABELS: Record<KpiMetric, string> = {
  csat: 'CSAT (% satisfied)',
  nps: 'NPS',
  fcr: 'First-contact resolution (%)',
  'first-response': 'First response time (seconds)',
  resolution: 'Resolution time (seconds)',
  reopens: 'Reopens per ticket',
  aht: 'Average handling time (seconds)',
};

export function metricLabel(metric: CoachingMetric): string {
  switch (metric.kind) {
    case 'criterion':
      return metric.title;
    case 'qa-score':
      return 'QA score';
    case 'pass-rate':
      return 'Pass rate';
    case 'kpi':
      return KPI_LABELS[metric.kpi];
  }
}

/** A value in the metric's unit: "72.5%", "340 s", "12". */
export function metricValue(metric: CoachingMetric, value: number | null): string {
  if (value === null) return '—';
  if (isPercentMetric(metric)) return `${formatNumber(value)}%`;
  if (metric.kind === 'kpi' && ['first-response', 'resolution', 'aht'].includes(metric.kpi)) return `${formatNumber(value)} s`;
  return formatNumber(value);
}

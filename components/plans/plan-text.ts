import type { MonitoringMethod, SampleItem, TargetReason } from '../../lib/schemas';

export const METHOD_LABELS: Record<MonitoringMethod, string> = {
  'transcript-review': 'Transcript review',
  'live-observation': 'Live observation',
  'mystery-shopping': 'Mystery shopping',
};

export const REASON_LABELS: Record<TargetReason, string> = {
  'low-csat': 'Low CSAT (1–2)',
  reopened: 'Reopened',
  complaint: 'Complaints',
  spotlight: 'Spotlight flags',
};

export const STATE_LABELS: Record<SampleItem['state'], string> = { sampled: 'Sampled', backup: 'Backup', replaced: 'Replaced' };

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "1 May 2025 – 31 May 2025" for a period whose end is the midnight after its last day. */
export function periodText(startAt: number, endAt: number): string {
  return `${dayFormat.format(startAt)} – ${dayFormat.format(endAt - 1)}`;
}

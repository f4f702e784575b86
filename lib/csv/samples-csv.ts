/**
 * The samples export: one row per ticket of a plan's samples (sampled, backup or replaced), with
 * its stratum, the draw's seed, and for a replaced ticket why and by which backup, so a sample can
 * be audited, or redrawn from its seed, outside QA Lens.
 */
import type { DoneLookup } from '../sampling/progress';
import type { MonitoringPlan, Sample } from '../schemas';
import { isoTime, text } from './evaluation-cells';
import { toCsv } from './csv-text';

export const SAMPLE_COLUMNS = [
  'plan',
  'draw_id',
  'purpose',
  'seed',
  'drawn_at',
  'drawn_by',
  'stratum',
  'agent',
  'channel',
  'complexity',
  'csat_band',
  'ticket_ref',
  'helpdesk',
  'ticket_url',
  'state',
  'order',
  'reviewer',
  'replaces',
  'replaced_by',
  'replaced_at',
  'replaced_reason',
  'targeted_reasons',
  'done',
  'done_evaluation_id',
] as const;

export function samplesCsv(plan: MonitoringPlan, samples: readonly Sample[], done: DoneLookup, options: { bom?: boolean } = {}): string {
  const rows = samples
    .filter((s) => s.planId === plan.id)
    .sort((a, b) => a.drawnAt - b.drawnAt || (a.stratum.key < b.stratum.key ? -1 : 1))
    .flatMap((s) =>
      [...s.items]
        .sort((a, b) => a.order - b.order)
        .map((item) => {
          const review = item.state === 'sampled' ? done(s, item) : undefined;
          return [
            plan.name,
            s.drawId,
            s.purpose,
            text(s.seed),
            isoTime(s.drawnAt),
            s.drawnBy.name,
            s.stratum.key,
            item.agent ?? '',
            item.channel,
            item.complexity ?? '',
            item.csatBand,
            item.ticketId,
            item.helpdesk,
            item.url,
            item.state,
            text(item.order),
            item.reviewer ?? '',
            item.replaces ?? '',
            item.replacement?.replacedBy ?? '',
            isoTime(item.replacement?.at ?? null),
            item.replacement?.reason ?? '',
            item.reasons.join(' '),
            text(item.state === 'sampled' ? review !== undefined : ''),
            review?.id ?? '',
          ];
        }),
    );
  return toCsv([[...SAMPLE_COLUMNS], ...rows], options);
}

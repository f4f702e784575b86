/** How long records are kept, as cut-off times and as words the dashboard and settings show. */
import type { Retention } from '../schemas/privacy';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Records older than these times are due for deletion; null where the team keeps them until deleted. */
export function retentionCutoffs(retention: Retention, now: number): { tickets: number | null; evaluations: number | null } {
  return {
    tickets: retention.ticketDays === null ? null : now - retention.ticketDays * DAY_MS,
    evaluations: retention.evaluationDays === null ? null : now - retention.evaluationDays * DAY_MS,
  };
}

const days = (n: number) => (n % 365 === 0 ? `${n / 365} ${n === 365 ? 'year' : 'years'}` : `${n} ${n === 1 ? 'day' : 'days'}`);

/** "Ticket snapshots are kept for 90 days; evaluations for 2 years." */
export function describeRetention(retention: Retention): string {
  const part = (what: string, n: number | null) => (n === null ? `${what} are kept until someone deletes them` : `${what} are kept for ${days(n)}`);
  return `${part('Ticket snapshots', retention.ticketDays)}; ${part('evaluations', retention.evaluationDays)}.`;
}

/**
 * Which role may write which kind of shared record. The team server enforces these on every push
 * (with more checks that need its stored records: single writers, whose reviews an agent answers);
 * the extension uses them to keep what a member may not write out of its outbox in the first place.
 * Pure: no browser, no database.
 */
import type { Role, SyncKind } from '../schemas';

/** An admin does everything a supervisor does, and runs the team: scorecards and team rules. */
const WRITERS: Record<SyncKind, readonly Role[]> = {
  scorecard: ['admin'],
  'team-settings': ['admin'],
  evaluation: ['admin', 'supervisor', 'agent'],
  ticket: ['admin', 'supervisor', 'agent'],
  acknowledgement: ['agent'],
  dispute: ['admin', 'supervisor', 'agent'],
  'coaching-plan': ['admin', 'supervisor'],
  kpi: ['admin', 'supervisor'],
  member: [],
  'monitoring-plan': ['admin', 'supervisor'],
  sample: ['admin', 'supervisor'],
  'calibration-session': ['admin', 'supervisor'],
};

const KIND_NAMES: Record<SyncKind, string> = {
  scorecard: 'scorecards',
  'team-settings': 'team rules',
  evaluation: 'evaluations',
  ticket: 'ticket snapshots',
  acknowledgement: 'acknowledgements',
  dispute: 'disputes',
  'coaching-plan': 'coaching plans',
  kpi: 'KPI records',
  member: 'members',
  'monitoring-plan': 'monitoring plans',
  sample: 'samples',
  'calibration-session': 'calibration sessions',
};

/**
 * Why `role` may not write this record, or null when it may. Evaluations depend on their kind:
 * agents share self-assessments only; anyone may self-assess a ticket they handled.
 */
export function refusalFor(role: Role, kind: SyncKind, record: unknown): string | null {
  if (kind === 'member') return 'Members are managed on the team server (npm run server:admin), not from the extension.';
  if (!WRITERS[kind].includes(role)) return `A team ${role} cannot change the team's ${KIND_NAMES[kind]}.`;
  if (kind === 'evaluation' && record && typeof record === 'object') {
    const evaluation = record as { kind?: unknown; status?: unknown };
    if (evaluation.status === 'draft') return 'Drafts stay in the browser that wrote them.';
    if (role === 'agent' && evaluation.kind !== 'self-assessment') return 'A team agent can only share their own self-assessments.';
  }
  if (kind === 'dispute' && role !== 'agent' && record && typeof record === 'object' && (record as { status?: unknown }).status === 'open') {
    return 'Disputes are raised by the agent the review is about; reviewers resolve them.';
  }
  return null;
}

import type { TicketAssignmentSummary } from '@/lib/db/panel-plans';
import { CHANNEL_LABELS, type CalibrationSession } from '@/lib/schemas';

const REASONS: Record<TicketAssignmentSummary['reasons'][number], string> = { 'low-csat': 'low CSAT', reopened: 'reopened', complaint: 'complaint', spotlight: 'Spotlight flag' };

/** Which plan and quota the ticket counts toward, and whether it came from the user's queue; or the calibration session it is scored for. */
export function AssignmentNotice({ assignment, calibration, me }: { assignment: TicketAssignmentSummary | null; calibration: CalibrationSession | undefined; me: string }) {
  if (calibration) {
    return (
      <p class="notice" role="note" data-testid="calibration-notice">
        Calibration: {calibration.name}. Score it blind: the other participants’ scores of this ticket stay hidden until you submit yours, and calibration scores never count toward the agent’s.
      </p>
    );
  }
  if (!assignment) return null;
  const yours = assignment.reviewer !== null && assignment.reviewer.trim().toLocaleLowerCase() === me.trim().toLocaleLowerCase();
  const where =
    assignment.purpose === 'random'
      ? `${assignment.agent} on ${assignment.channel ? CHANNEL_LABELS[assignment.channel] : 'any channel'}${assignment.quota !== null ? `: ${assignment.done} of ${assignment.quota} done` : ''}`
      : assignment.purpose === 'follow-up'
        ? `coaching follow-up of ${assignment.agent}`
        : `targeted pool of ${assignment.agent} (${assignment.reasons.map((r) => REASONS[r]).join(', ')}; not representative, kept out of the quota)`;
  return (
    <p class="notice" role="note" data-testid="assignment-notice">
      {yours ? 'From your queue' : `In the sample${assignment.reviewer ? ` for ${assignment.reviewer}` : ''}`}: plan {assignment.planName}, counts toward {where}.
    </p>
  );
}

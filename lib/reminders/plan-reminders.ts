/**
 * Which reminders this browser owes its user, planned from the records alone (no clock, no
 * browser): the worker stores them, shows each once when due, and badges the due ones.
 *
 * - Acknowledgement: a submitted review about the signed-in agent with a deadline is due one day
 *   before it (at once, if the review arrived with less than a day to go). It is the agent's
 *   reminder, so it is planned only on a browser whose profile the review is about.
 * - Follow-up: a coaching plan with no outcome yet is due at its follow-up date, on the browser of
 *   the supervisor who created it.
 * A reminder disappears as soon as its review is answered or its plan followed up.
 */
import { isAboutMe } from '../evaluations/is-about-me';
import { DAY_MS } from '../time/zoned-day';
import type { CoachingPlan, Evaluation, Profile, Reminder } from '../schemas';

export type PlannedReminder = Omit<Reminder, 'notifiedAt'>;

const dateText = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);

export function planReminders(evaluations: Evaluation[], plans: CoachingPlan[], profile: Profile, timeZone: string): PlannedReminder[] {
  const acknowledgements = evaluations.flatMap((e): PlannedReminder[] =>
    e.kind === 'review' && e.status === 'submitted' && e.acknowledgeBy !== null && isAboutMe(e.ticket.agent, e.ticket.helpdesk, profile)
      ? [
          {
            id: `acknowledgement:${e.id}`,
            kind: 'acknowledgement',
            subjectId: e.id,
            dueAt: Math.max(e.submittedAt ?? 0, e.acknowledgeBy - DAY_MS),
            title: 'A review awaits your answer',
            message: `Acknowledge or dispute the review of "${e.ticket.subject || e.ticket.ticketId}" by ${dateText(e.acknowledgeBy, timeZone)}.`.slice(0, 1000),
          },
        ]
      : [],
  );
  const followUps = plans.flatMap((p): PlannedReminder[] =>
    p.outcome === null && profile.name.trim() !== '' && p.createdBy.name === profile.name
      ? [
          {
            id: `follow-up:${p.id}`,
            kind: 'follow-up',
            subjectId: p.id,
            dueAt: p.followUpAt,
            title: `Coaching follow-up: ${p.agent.name}`.slice(0, 200),
            message: `Record the outcome of ${p.agent.name}'s coaching plan against its target.`.slice(0, 1000),
          },
        ]
      : [],
  );
  return [...acknowledgements, ...followUps].sort((a, b) => a.dueAt - b.dueAt);
}

/** Stored reminders that are due and not yet shown. */
export const toNotify = (reminders: Reminder[], now: number) => reminders.filter((r) => r.dueAt <= now && r.notifiedAt === null);

/** How many reminders are due (shown or not): the badge count. */
export const dueCount = (reminders: Reminder[], now: number) => reminders.filter((r) => r.dueAt <= now).length;

/** When the worker must next wake for a reminder, or null when none is ahead. */
export function nextDueAt(reminders: Reminder[], now: number): number | null {
  const ahead = reminders.filter((r) => r.dueAt > now).map((r) => r.dueAt);
  return ahead.length === 0 ? null : Math.min(...ahead);
}

import type { Channel, CheckParams } from '../../schemas';
import type { PreparedConversation, PreparedMessage } from '../prepare';
import { cannotTell, opening, result, span, type CheckResult } from '../result';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Default longest acceptable waits in seconds, per channel, from common service-level targets:
 * chat answers within a minute, email within a day. Calls are not timed from a transcript.
 */
export const RESPONSE_TARGETS: Record<Channel, { firstResponse: number; silence: number } | null> = {
  chat: { firstResponse: MINUTE, silence: 3 * MINUTE },
  messaging: { firstResponse: 5 * MINUTE, silence: 15 * MINUTE },
  social: { firstResponse: HOUR, silence: 4 * HOUR },
  email: { firstResponse: 24 * HOUR, silence: 24 * HOUR },
  other: { firstResponse: 24 * HOUR, silence: 24 * HOUR },
  voice: null,
};

/** "45 s", "1 min 30 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatWait(seconds: number): string {
  const s = Math.round(seconds);
  if (s < MINUTE) return `${s} s`;
  if (s < 10 * MINUTE) return s % MINUTE ? `${Math.floor(s / MINUTE)} min ${s % MINUTE} s` : `${s / MINUTE} min`;
  if (s < HOUR) return `${Math.round(s / MINUTE)} min`;
  const days = Math.floor(s / (24 * HOUR));
  const hours = Math.floor((s % (24 * HOUR)) / HOUR);
  const minutes = Math.round((s % HOUR) / MINUTE);
  if (days > 0) return hours ? `${days} d ${hours} h` : `${days} d`;
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

export interface Wait {
  /** The message the silence began after, and the agent reply that ended it (null: still waiting when the transcript ends). */
  from: PreparedMessage;
  to: PreparedMessage | null;
  /** For an open wait, how long it had lasted by the transcript's last message: at least this long. */
  seconds: number;
}

/**
 * The silences the customer sat through: from their first unanswered message, or from the team's
 * last reply when the customer has not written since (a "let me check" followed by nothing), to the
 * team's next reply. Bots and internal notes do not answer the customer. A wait still open when the
 * transcript ends counts up to its last message: it lasted at least that long.
 */
export function customerWaits(conversation: PreparedConversation): { waits: Wait[]; untimed: boolean } {
  const waits: Wait[] = [];
  let waitingSince: PreparedMessage | null = null;
  let lastReply: PreparedMessage | null = null;
  let untimed = false;
  let lastTimed: PreparedMessage | null = null;
  for (const message of conversation.messages) {
    if (message.text.trim() === '' || (message.role !== 'customer' && message.role !== 'agent')) continue;
    if (message.at !== null) lastTimed = message;
    if (message.role === 'customer') {
      waitingSince ??= message;
      continue;
    }
    const from = waitingSince ?? lastReply;
    if (from) {
      if (from.at === null || message.at === null) untimed = true;
      else waits.push({ from, to: message, seconds: Math.max(0, (message.at - from.at) / 1000) });
    }
    waitingSince = null;
    lastReply = message;
  }
  if (waitingSince?.at != null && lastTimed?.at != null && lastTimed.at > waitingSince.at) {
    waits.push({ from: waitingSince, to: null, seconds: (lastTimed.at - waitingSince.at) / 1000 });
  }
  return { waits, untimed };
}

const target = (conversation: PreparedConversation, params: CheckParams, which: 'firstResponse' | 'silence') => {
  if (params.thresholdMinutes !== undefined) return params.thresholdMinutes * MINUTE;
  return RESPONSE_TARGETS[conversation.channel]?.[which] ?? null;
};

const cite = (wait: Wait) =>
  [wait.from, wait.to].filter((m) => m !== null).map((m) => {
    const { start, end } = opening(m.text, 60);
    return span(m.index, start, end);
  });

/** The first agent reply came within the channel's target (or the criterion's own threshold). */
export function firstResponse(conversation: PreparedConversation, params: CheckParams = {}): CheckResult {
  const limit = target(conversation, params, 'firstResponse');
  if (limit === null) return cannotTell('Response times are not measured on calls.');
  const firstCustomer = conversation.customerMessages[0];
  if (!firstCustomer) return cannotTell('The customer wrote nothing to respond to.');
  const firstAgent = conversation.agentReplies[0];
  if (firstAgent && firstAgent.index < firstCustomer.index) return cannotTell('The agent wrote first, so there is no first response to time.');
  const first = customerWaits(conversation).waits.find((w) => w.from === firstCustomer);
  if (!first) return cannotTell(firstAgent ? 'The messages carry no times to measure the first response by.' : 'No agent reply yet.');
  const took = formatWait(first.seconds);
  if (first.to === null) {
    if (first.seconds > limit) return result('fail', 1, `No agent reply ${took} after the customer wrote, over the ${formatWait(limit)} target.`, cite(first));
    return cannotTell('No agent reply yet.');
  }
  if (first.seconds <= limit) return result('pass', 1, `First response after ${took} (target ${formatWait(limit)}).`, cite(first));
  return result('fail', 1, `First response after ${took}, over the ${formatWait(limit)} target.`, cite(first));
}

/** The longest time the customer waited for a reply stayed within the channel's target. */
export function longestSilence(conversation: PreparedConversation, params: CheckParams = {}): CheckResult {
  const limit = target(conversation, params, 'silence');
  if (limit === null) return cannotTell('Silences are not measured on calls.');
  const { waits, untimed } = customerWaits(conversation);
  const longest = waits.reduce<Wait | null>((a, b) => (!a || b.seconds > a.seconds ? b : a), null);
  // An open wait shorter than the target says nothing yet: the reply may still come in time.
  if (!longest || (longest.to === null && longest.seconds <= limit && waits.length === 1)) {
    return cannotTell(untimed ? 'The messages carry no times to measure silences by.' : 'The customer never waited for an agent reply.');
  }
  const took = formatWait(longest.seconds);
  const partly = untimed ? ' Some messages carry no time.' : '';
  if (longest.seconds > limit) {
    const still = longest.to === null ? ' and was still waiting when the transcript ends' : '';
    return result('fail', 1, `The customer waited ${took} for a reply${still}, over the ${formatWait(limit)} target.`, cite(longest));
  }
  return result('pass', untimed ? 0.8 : 1, `The longest wait for a reply was ${took} (target ${formatWait(limit)}).${partly}`, cite(longest));
}

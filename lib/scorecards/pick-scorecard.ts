import type { Channel, Scorecard } from '../schemas';

/** The scorecard a reviewer most likely wants: the first made the default for the ticket's channel. */
export function pickScorecard(scorecards: readonly Scorecard[], channel: Channel): Scorecard | undefined {
  return scorecards.find((s) => s.channels.includes(channel)) ?? scorecards[0];
}

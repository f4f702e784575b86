/**
 * Replacing a sampled ticket (the conversation is missing, it is a test ticket, the agent was on
 * leave): the next backup of the same stratum takes its place, preferring one of the same CSAT
 * band so a proportional sample stays proportional, goes to the same reviewer, and both the reason
 * and the swap are logged on the sample.
 */
import type { Sample } from '../schemas';

export class ReplacementRefused extends Error {
  override name = 'ReplacementRefused';
}

export function replaceItem(sample: Sample, key: string, input: { reason: string; by: string; now: number }): Sample {
  const reason = input.reason.trim();
  if (!reason) throw new ReplacementRefused('Say why this ticket is replaced: the reason is kept with the sample.');
  const item = sample.items.find((i) => i.key === key);
  if (!item) throw new ReplacementRefused(`Ticket ${key} is not in this sample.`);
  if (item.state !== 'sampled') throw new ReplacementRefused(`Ticket ${item.ticketId} is not a sampled ticket (it is ${item.state === 'backup' ? 'a backup' : 'already replaced'}).`);
  const backups = sample.items.filter((i) => i.state === 'backup').sort((a, b) => a.order - b.order);
  const backup = backups.find((b) => b.csatBand === item.csatBand) ?? backups[0];
  if (!backup) {
    throw new ReplacementRefused(`No backup left for ${item.agent ?? 'this agent'} in this stratum: the pool had no more eligible tickets. Import more tickets and draw again.`);
  }
  const items = sample.items.map((i) => {
    if (i.key === item.key) return { ...i, state: 'replaced' as const, replacement: { at: input.now, by: input.by, reason, replacedBy: backup.key } };
    if (i.key === backup.key) return { ...i, state: 'sampled' as const, reviewer: item.reviewer, replaces: item.key };
    return i;
  });
  return {
    ...sample,
    items,
    log: [...sample.log, { at: input.now, by: input.by, action: 'replaced', key: item.key, replacementKey: backup.key, reason }],
    updatedAt: input.now,
  };
}

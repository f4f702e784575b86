/**
 * Blind calibration in the panel: until the user has submitted their own calibration score of the
 * ticket for the session, every other evaluation of it (the other participants' scores, and any
 * review) stays hidden, so nobody's judgement anchors theirs.
 */
import type { Evaluation } from '../schemas';
import { sameName } from '../sampling/pool';

export function calibrationBlindView(evaluations: readonly Evaluation[], sessionId: string, me: string): { visible: Evaluation[]; hidden: number; submitted: boolean } {
  const mine = (e: Evaluation) => sameName(e.author.name, me);
  const submitted = evaluations.some((e) => mine(e) && e.kind === 'calibration' && e.calibrationSessionId === sessionId && e.status !== 'draft');
  if (submitted) return { visible: [...evaluations], hidden: 0, submitted };
  const visible = evaluations.filter(mine);
  return { visible, hidden: evaluations.length - visible.length, submitted };
}

/**
 * What the panel runs once it is interactive: the scorecard's linked checks and Spotlight over the
 * ticket it shows. Imported on demand, so the language models load after the panel's first paint.
 */
import type { Answer, Scorecard, TicketContext } from '../schemas';
import { runCheck } from './analyse';
import { automaticAnswer, criteriaToPreAnswer, type AutoQaRun } from './answers';
import { CHECK_LABELS } from './catalogue';
import { conversationFromTicket } from './conversation';
import { prepare } from './prepare';
import { spotlight } from './spotlight';

export function runAutoQaOnTicket(
  ticket: TicketContext,
  scorecard: Scorecard | null,
  answers: Readonly<Record<string, Answer>>,
  kpis: { csat?: number | null; reopens?: number | null } = {},
): AutoQaRun {
  const prepared = prepare(conversationFromTicket(ticket, kpis));
  const run: AutoQaRun = { answers: {}, highlights: [], spotlight: spotlight(prepared) };
  const linked = scorecard?.sections.flatMap((s) => s.criteria).filter((c) => c.autoCheck) ?? [];
  const results = new Map(linked.map((c) => [c.id, runCheck(prepared, c.autoCheck!.check, c.autoCheck!.params)]));
  for (const criterion of linked) {
    const result = results.get(criterion.id)!;
    const label = `${CHECK_LABELS[criterion.autoCheck!.check]}: ${result.outcome === 'unknown' ? 'cannot tell' : result.outcome}`;
    for (const span of result.evidence) if (span.end > span.start) run.highlights.push({ ...span, label });
  }
  for (const criterion of scorecard ? criteriaToPreAnswer(scorecard, answers) : []) {
    run.answers[criterion.id] = automaticAnswer(criterion, results.get(criterion.id)!, ticket.messages);
  }
  return run;
}


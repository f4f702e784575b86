import { AUTOQA_CHECK_IDS, type AutoQaCheckId, type CheckParams, type SpotlightFlag } from '../schemas';
import { CHECKS, checkDefinition } from './checks';
import type { AutoQaConversation } from './conversation';
import { prepare, type AnalysisOptions, type PreparedConversation } from './prepare';
import type { CheckResult } from './result';
import { spotlight } from './spotlight';

export type CheckResults = Record<AutoQaCheckId, CheckResult>;

export interface Analysis {
  checks: CheckResults;
  spotlight: SpotlightFlag[];
  language: PreparedConversation['language'];
}

/** Runs one check with the parameters a criterion gave it. */
export function runCheck(conversation: PreparedConversation, id: AutoQaCheckId, params: CheckParams = {}): CheckResult {
  return checkDefinition(id).run(conversation, params);
}

/**
 * Every check and the Spotlight flags of one conversation: what `npm run autoqa` prints and the
 * panel runs. `params` tunes each check (the CLI's `--prohibited` phrases go to prohibited-phrase).
 */
export function analyseConversation(
  conversation: AutoQaConversation,
  params: Partial<Record<AutoQaCheckId, CheckParams>> = {},
  options: AnalysisOptions = {},
): Analysis {
  const prepared = prepare(conversation, options);
  const checks = Object.fromEntries(CHECKS.map((c) => [c.id, c.run(prepared, params[c.id] ?? {})])) as CheckResults;
  return { checks, spotlight: spotlight(prepared), language: prepared.language };
}

/** The CLI's output for one conversation: every check by id, then `spotlight`. */
export function analysisJson(analysis: Analysis): Record<AutoQaCheckId | 'spotlight', unknown> {
  const out: Record<string, unknown> = {};
  for (const id of AUTOQA_CHECK_IDS) out[id] = analysis.checks[id];
  out.spotlight = analysis.spotlight;
  return out as Record<AutoQaCheckId | 'spotlight', unknown>;
}

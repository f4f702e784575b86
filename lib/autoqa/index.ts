/**
 * AutoQA on the device: automatic checks and Spotlight flags over a conversation's transcript and
 * times. Pure functions, no browser: the panel loads this module after it has drawn, and
 * `npm run autoqa` runs the very same functions on exported conversations.
 */
export { analyseConversation, analysisJson, runCheck, type Analysis, type CheckResults } from './analyse';
export { CHECK_CATALOGUE, CHECK_LABELS, checkInfo, type CheckInfo } from './catalogue';
export { CHECKS, checkDefinition, type CheckDefinition } from './checks';
export { conversationFromTicket, type AutoQaConversation, type AutoQaMessage } from './conversation';
export { prepare, type AnalysisOptions, type PreparedConversation } from './prepare';
export type { CheckResult } from './result';
export { spotlight } from './spotlight';

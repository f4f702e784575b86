/**
 * Automatic answers in an evaluation: a check's result turned into an answer of a criterion (its
 * scale option, the cited passages as evidence, what the check said), and the reviewer's part,
 * confirming or changing it. Light on purpose: the panel's form imports it without the checks.
 */
import { scaleOptions } from '../scoring/scale-options';
import { BLANK_ANSWER, type Answer, type Criterion, type Evidence, type Scorecard, type SpotlightFlag, type TextSpan, type TranscriptMessage } from '../schemas';
import type { CheckResult } from './result';

/** The option a check's outcome stands for: the best passing one for pass, the worst failing one for fail. */
export function optionFor(criterion: Criterion, outcome: CheckResult['outcome']): string | undefined {
  const options = scaleOptions(criterion.scale);
  if (outcome === 'pass') return options.filter((o) => o.passes).sort((a, b) => b.value - a.value)[0]?.id;
  if (outcome === 'fail') return options.filter((o) => !o.passes).sort((a, b) => a.value - b.value)[0]?.id;
  return undefined;
}

/** A card number keeps its last four digits ("•••• •••• •••• 1111"); a password or code keeps nothing but its length. */
export function maskSecret(text: string): string {
  if ((text.match(/\d/g) ?? []).length >= 12) return text.replace(/\d(?=(?:\D*\d){4})/g, '•');
  return text.replace(/\S/g, '•');
}

/** Evidence quoted from the cited passages. Personal data is masked, so the evaluation never stores a card number it flags. */
export function evidenceFromSpans(messages: readonly TranscriptMessage[], spans: readonly TextSpan[], { mask = false } = {}): Evidence[] {
  const evidence: Evidence[] = [];
  for (const span of spans) {
    const message = messages[span.message];
    if (!message) continue;
    let quote = message.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    if (mask) quote = maskSecret(quote);
    if (!quote || evidence.some((e) => e.messageId === message.id && e.quote === quote)) continue;
    evidence.push({ messageId: message.id, quote: quote.slice(0, 5_000), author: message.author, role: message.role, ...(message.at ? { at: message.at } : {}) });
    if (evidence.length === 20) break;
  }
  return evidence;
}

/** A criterion answered in advance by its check, for the reviewer to confirm or change. "Cannot tell" leaves it unanswered. */
export function automaticAnswer(criterion: Criterion, result: CheckResult, messages: readonly TranscriptMessage[]): Answer {
  const link = criterion.autoCheck!;
  const proposedOptionId = optionFor(criterion, result.outcome);
  return {
    ...BLANK_ANSWER,
    ...(proposedOptionId ? { optionId: proposedOptionId } : {}),
    evidence: evidenceFromSpans(messages, result.evidence, { mask: link.check === 'agent-shared-pii' }),
    auto: {
      check: link.check,
      outcome: result.outcome,
      confidence: result.confidence,
      reason: result.reason.slice(0, 500),
      ...(proposedOptionId ? { proposedOptionId } : {}),
      confirmed: false,
      changed: false,
    },
  };
}

/**
 * The answer after the reviewer chose an outcome: a decision either way, so confirmed; changed
 * when it is not what the check proposed. Answering a "cannot tell" changes nothing.
 */
export function reviewed(answer: Answer): Answer {
  const auto = answer.auto;
  if (!auto) return answer;
  const changed = auto.outcome !== 'unknown' && (answer.na || answer.optionId !== auto.proposedOptionId);
  return { ...answer, auto: { ...auto, changed, confirmed: true } };
}

export function confirmed(answer: Answer): Answer {
  return answer.auto ? { ...answer, auto: { ...answer.auto, confirmed: true } } : answer;
}

/** Criteria whose automatic answer the reviewer has neither confirmed nor changed: a review is not sent with any. */
export function unconfirmedAutomatic(scorecard: Scorecard, answers: Readonly<Record<string, Answer>>): string[] {
  return scorecard.sections.flatMap((s) => s.criteria).filter((c) => {
    const auto = answers[c.id]?.auto;
    return auto && auto.outcome !== 'unknown' && !auto.confirmed && !auto.changed;
  }).map((c) => c.title);
}

/** The criteria a check answers whose answer is still to come: nothing the reviewer already touched is replaced. */
export function criteriaToPreAnswer(scorecard: Scorecard, answers: Readonly<Record<string, Answer>>): Criterion[] {
  return scorecard.sections.flatMap((s) => s.criteria).filter((c) => c.autoCheck && answers[c.id] === undefined);
}

/** What the panel shows and stores from one run over a ticket. */
export interface AutoQaRun {
  /** Automatic answers, by criterion id, for the criteria still to answer. */
  answers: Record<string, Answer>;
  /** Passages cited by any linked check, per message index, for the Conversation view. */
  highlights: { message: number; start: number; end: number; label: string }[];
  spotlight: SpotlightFlag[];
}

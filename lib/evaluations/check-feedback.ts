import type { Evaluation, Scorecard, TeamSettings, TranscriptMessage } from '../schemas';

export type FeedbackField = 'strengths' | 'improvements';

export interface FeedbackIssue {
  field: FeedbackField;
  kind: 'missing' | 'too-short' | 'unanchored';
  message: string;
}

export interface FeedbackCheck {
  /** Stop the submission: the team asks for balanced feedback and a side is empty. */
  blocking: FeedbackIssue[];
  /** Shown before sending; the reviewer may improve the feedback or send it as it is. */
  flags: FeedbackIssue[];
}

const FIELD_LABELS: Record<FeedbackField, string> = { strengths: 'Strengths', improvements: 'Improvements' };

/** Words too common to tie feedback to a criterion ("and", "with", "the customer"…). */
const STOP_WORDS = new Set(['with', 'from', 'that', 'this', 'they', 'their', 'them', 'have', 'were', 'when', 'what', 'your', 'about', 'into', 'over', 'than', 'then', 'customer', 'agent']);

const normalise = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
const words = (text: string) => normalise(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Passages the text puts in quotation marks, at least a few characters long. */
function quotedPassages(text: string): string[] {
  const passages = text.matchAll(/["“”„«»'‘’]([^"“”„«»]{8,}?)["“”„«»'‘’]/gu);
  return [...passages].map((match) => normalise(match[1]!)).filter(Boolean);
}

/**
 * Whether feedback names a criterion: its full title, or a distinctive word of it
 * ("the greeting was…" names "Greeting and personalisation").
 */
function citesCriterion(text: string, scorecard: Pick<Scorecard, 'sections'>): boolean {
  const said = normalise(text);
  const saidWords = new Set(words(text));
  return scorecard.sections.some((section) =>
    section.criteria.some(
      (criterion) =>
        said.includes(normalise(criterion.title)) ||
        words(criterion.title).some((word) => word.length >= 5 && !STOP_WORDS.has(word) && saidWords.has(word)),
    ),
  );
}

/** Whether feedback quotes the conversation or an attached piece of evidence. */
function quotesEvidence(text: string, sources: string[]): boolean {
  return quotedPassages(text).some((passage) => sources.some((source) => source.includes(passage)));
}

/**
 * Checks a review's written feedback before it is sent, the way a QA trainer reads it: is there a
 * strength and an improvement (when the team asks for both), is each long enough to act on, and
 * does each point at something (a criterion by name, or a quote from the conversation) rather than
 * praise or criticism in general.
 */
export function checkFeedback(input: {
  evaluation: Pick<Evaluation, 'strengths' | 'improvements' | 'answers'>;
  scorecard: Pick<Scorecard, 'sections'>;
  settings: Pick<TeamSettings, 'requireBalancedFeedback' | 'minFeedbackChars'>;
  messages?: readonly TranscriptMessage[];
}): FeedbackCheck {
  const { evaluation, scorecard, settings } = input;
  const sources = [
    ...(input.messages ?? []).map((m) => normalise(m.text)),
    ...Object.values(evaluation.answers).flatMap((a) => a.evidence.map((e) => normalise(e.quote))),
  ];
  const result: FeedbackCheck = { blocking: [], flags: [] };
  for (const field of ['strengths', 'improvements'] as const) {
    const text = evaluation[field].trim();
    const label = FIELD_LABELS[field];
    if (text === '') {
      if (settings.requireBalancedFeedback) {
        const ask = field === 'strengths' ? 'at least one thing the agent did well' : 'at least one thing the agent should do differently';
        result.blocking.push({ field, kind: 'missing', message: `${label}: write ${ask}.` });
      }
      continue;
    }
    if (text.length < settings.minFeedbackChars) {
      result.flags.push({
        field,
        kind: 'too-short',
        message: `${label} is too short to act on (${text.length} of at least ${settings.minFeedbackChars} characters): say what happened and what to do.`,
      });
    }
    if (!citesCriterion(text, scorecard) && !quotesEvidence(text, sources)) {
      result.flags.push({
        field,
        kind: 'unanchored',
        message: `${label} names no criterion and quotes nothing from the conversation: point to what the agent said or did.`,
      });
    }
  }
  return result;
}

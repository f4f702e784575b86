import { checkFeedback } from '@/lib/evaluations/check-feedback';
import { BLANK_ANSWER, DEFAULT_TEAM_SETTINGS, type Answer, type TranscriptMessage } from '@/lib/schemas';
import { chatTemplate } from '../db/factories';

const messages: TranscriptMessage[] = [
  { id: 'm1', author: 'Dana Whitfield', role: 'customer', text: 'I returned order #4411 two weeks ago and still have no refund.' },
  { id: 'm2', author: 'Alex Moreno', role: 'agent', text: 'I have issued the refund of 54.90 EUR today; it reaches your card in 3-5 working days.' },
];

const SPECIFIC_IMPROVEMENT = 'Next steps: say when the refund reaches the card and what to do if it does not arrive.';

function check(strengths: string, improvements = SPECIFIC_IMPROVEMENT, answers: Record<string, Answer> = {}, settings = DEFAULT_TEAM_SETTINGS) {
  return checkFeedback({ evaluation: { strengths, improvements, answers }, scorecard: chatTemplate, settings, messages });
}

describe('checkFeedback', () => {
  it.each([
    ['names a criterion by a word of its title', 'Great greeting: used Dana’s name and thanked her for waiting.'],
    ['names a criterion by its full title', 'Tone and empathy were spot on from the first line to the last one.'],
    ['quotes the conversation', 'You told her “it reaches your card in 3-5 working days”, which set a clear expectation.'],
  ])('lets specific feedback through: %s', (_, strengths) => {
    expect(check(strengths)).toEqual({ blocking: [], flags: [] });
  });

  it.each([
    ['praise with nothing to point at', 'Great job, keep up the amazing work with everyone!', ['unanchored']],
    ['too short and vague', 'Good job!', ['too-short', 'unanchored']],
    ['short but specific', 'Warm greeting.', ['too-short']],
    ['a quote that is not in the conversation', 'You said “we value your business greatly” and it landed well.', ['unanchored']],
  ])('flags %s', (_, strengths, kinds) => {
    const result = check(strengths);
    expect(result.blocking).toEqual([]);
    expect(result.flags.map((f) => f.kind)).toEqual(kinds);
    expect(result.flags.every((f) => f.field === 'strengths' && f.message.startsWith('Strengths'))).toBe(true);
  });

  it('counts a quote of attached evidence as specific', () => {
    const answers = {
      'c-greeting': { ...BLANK_ANSWER, evidence: [{ messageId: 'x', quote: 'Sorry for the long wait, Dana', author: 'Alex', role: 'agent' as const }] },
    };
    expect(checkFeedback({ evaluation: { strengths: 'Opening with "sorry for the long wait" owned the delay well.', improvements: SPECIFIC_IMPROVEMENT, answers }, scorecard: chatTemplate, settings: DEFAULT_TEAM_SETTINGS }).flags).toEqual([]);
  });

  it('stops a review with no strength or no improvement, saying which is missing', () => {
    const result = check('', '   ');
    expect(result.blocking.map((i) => i.message)).toEqual([
      'Strengths: write at least one thing the agent did well.',
      'Improvements: write at least one thing the agent should do differently.',
    ]);
    expect(result.flags).toEqual([]);
  });

  it('lets one-sided feedback through when the team does not require balance', () => {
    const result = check('', SPECIFIC_IMPROVEMENT, {}, { ...DEFAULT_TEAM_SETTINGS, requireBalancedFeedback: false });
    expect(result).toEqual({ blocking: [], flags: [] });
  });

  it('does not count length when the team sets no minimum', () => {
    const result = check('Warm greeting.', SPECIFIC_IMPROVEMENT, {}, { ...DEFAULT_TEAM_SETTINGS, minFeedbackChars: 0 });
    expect(result.flags).toEqual([]);
  });
});

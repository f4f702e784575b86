import { AUTOQA_CHECK_IDS } from '../../../lib/schemas';
import { LABELLED_SET } from '../../fixtures/autoqa/labelled-set';
import { scoreLabelledSet } from '../../support/autoqa-scores';

/** The targets: these checks must be right at least nine times in ten, both ways. */
const TARGETED = ['greeting', 'closing', 'prohibited-phrase', 'agent-shared-pii', 'first-response', 'longest-silence'] as const;

describe('the AutoQA labelled set', () => {
  it('has at least 80 conversations across chat and email, good and bad, some not in English, with every check labelled', () => {
    expect(LABELLED_SET.length).toBeGreaterThanOrEqual(80);
    expect(new Set(LABELLED_SET.map((c) => c.id)).size).toBe(LABELLED_SET.length);
    const channels = LABELLED_SET.map((c) => c.conversation.channel);
    expect(channels.filter((c) => c === 'chat').length).toBeGreaterThanOrEqual(30);
    expect(channels.filter((c) => c === 'email').length).toBeGreaterThanOrEqual(25);
    expect(LABELLED_SET.filter((c) => /^(es|fr|de|pt|it|nl)-/.test(c.id)).length).toBeGreaterThanOrEqual(5);
    for (const item of LABELLED_SET) expect(Object.keys(item.expected).sort()).toEqual([...AUTOQA_CHECK_IDS].sort());
    for (const id of AUTOQA_CHECK_IDS) {
      expect(LABELLED_SET.some((c) => c.expected[id] === 'fail'), `${id} has failing examples`).toBe(true);
      expect(LABELLED_SET.some((c) => c.expected[id] === 'pass'), `${id} has passing examples`).toBe(true);
    }
  });

  it.each(TARGETED)('%s reaches 0.9 precision and recall on both pass and fail', (id) => {
    const { checks } = scoreLabelledSet(LABELLED_SET);
    const scores = checks[id];
    const detail = scores.misses.map((m) => `${m.id}: expected ${m.expected}, got ${m.got} (${m.reason})`).join('\n');
    for (const outcome of ['pass', 'fail'] as const) {
      expect(scores[outcome].precision ?? 0, `${outcome} precision\n${detail}`).toBeGreaterThanOrEqual(0.9);
      expect(scores[outcome].recall ?? 0, `${outcome} recall\n${detail}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

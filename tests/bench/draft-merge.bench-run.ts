// What following another tab costs a draft: stamping the edited fields on every change (each
// keystroke in a comment) and merging two versions in saveDraft's transaction. Baseline in the same
// run: a structured clone of the same draft, the copy IndexedDB makes of the record on every put
// anyway. Pure functions over data in memory: no database, no browser.
import { mergeDrafts, stampEdits } from '@/lib/evaluations/merge-drafts';
import { newDraft } from '@/lib/evaluations/new-draft';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';
import { scaleOptions } from '@/lib/scoring';
import { BLANK_ANSWER, type Evaluation, type Scorecard } from '@/lib/schemas';
import { ticket } from '../unit/db/factories';
import { timeMedian, writeBenchSection } from './write-section';

const RUNS = 200;
const WARMUP = 20;
const time = (work: () => unknown) => timeMedian(work, RUNS, WARMUP);

it('measures stamping a change and merging two tabs’ drafts against a structured clone of the draft', () => {
  const card: Scorecard = { ...SCORECARD_TEMPLATES[0]!, id: 'card', version: 1, createdAt: 0, updatedAt: 0 } as Scorecard;
  const criteria = card.sections.flatMap((s) => s.criteria);
  const prose = (n: number) => 'The agent confirmed the refund date and the order number before answering. '.repeat(n);
  // A full draft: every criterion answered with a comment and two quotes, long feedback, each field edited once.
  let draft: Evaluation = newDraft({ ticket, scorecard: card, author: { name: 'Rae', role: 'supervisor', identities: [] }, now: 1 });
  let at = 10;
  for (const c of criteria) {
    const quote = (i: number) => ({ messageId: String(i), quote: prose(2), author: 'Dana', role: 'customer' as const });
    const answer = { ...BLANK_ANSWER, optionId: scaleOptions(c.scale)[0]!.id, comment: prose(3), evidence: [quote(1), quote(2)] };
    draft = stampEdits(draft, { ...draft, answers: { ...draft.answers, [c.id]: answer } }, at++);
  }
  draft = stampEdits(draft, { ...draft, strengths: prose(6), improvements: prose(6) }, at++);
  const keystroke = { ...draft, answers: { ...draft.answers, [criteria[0]!.id]: { ...draft.answers[criteria[0]!.id]!, comment: prose(3) + 'x' } } };
  const otherTab = stampEdits(draft, { ...draft, strengths: prose(6) + ' Later.' }, at + 100);

  const clone = time(() => structuredClone(draft));
  const stamp = time(() => stampEdits(draft, keystroke, at + 1));
  const merge = time(() => mergeDrafts(otherTab, keystroke));
  const rows = [
    ['stampEdits: one keystroke in a comment', stamp],
    ['mergeDrafts: two tabs’ versions of the draft', merge],
  ] as const;
  const bytes = JSON.stringify(draft).length;
  const table = [
    '## Two tabs of one draft: stamping edits and merging',
    '',
    `Command: \`npx vitest run --config vitest.bench.config.ts tests/bench/draft-merge.bench-run.ts\` (part of \`npm run bench\`; Node, median of ${RUNS} runs after ${WARMUP} warm-ups). Data: a draft of the ${card.name} scorecard with all ${criteria.length} criteria answered, each with a comment and two quotes, and long strengths and improvements (${(bytes / 1024).toFixed(1)} KB as JSON). Baseline in the same run: **clone** = \`structuredClone\` of the draft, the copy IndexedDB makes of it on every put (${clone.toFixed(3)} ms).`,
    '',
    '| Work | Median | Ratio to clone |',
    '| --- | --: | --: |',
    ...rows.map(([work, ms]) => `| ${work} | ${ms.toFixed(3)} ms | ${(ms / clone).toFixed(2)}× |`),
  ].join('\n');
  writeBenchSection('draft-merge', table);
  console.log(table);
  expect(mergeDrafts(otherTab, keystroke).strengths).toBe(otherTab.strengths);
});

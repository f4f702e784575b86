// Redaction, measured: recall and look-alikes kept per kind on the labelled corpus (the same one
// the unit tests hold to recall ≥ 0.99 and look-alikes ≥ 0.95), and what redacting a ticket costs
// the worker, as a ratio to copying the same ticket (structuredClone, which storing it costs anyway).
import { redactTicket } from '@/lib/privacy';
import { redactText } from '@/lib/privacy/redact';
import type { TicketContext } from '@/lib/schemas';
import { buildCorpus, scoreCorpus } from '../fixtures/privacy/corpus';
import { median, writeBenchSection } from './write-section';

const RUNS = 15;
const WARMUP = 2;

function time(work: () => unknown, runs = RUNS): number {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const start = performance.now();
    work();
    if (i >= WARMUP) samples.push(performance.now() - start);
  }
  return median(samples);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

function conversation(messages: number, texts: readonly string[]): TicketContext {
  return {
    helpdesk: 'zendesk',
    ticketId: '1',
    url: 'https://acme.zendesk.com/agent/tickets/1',
    channel: 'chat',
    subject: 'Refund',
    status: 'open',
    customer: { name: 'Dana' },
    agent: { name: 'Ana' },
    messages: Array.from({ length: messages }, (_, i) => ({ id: String(i), author: i % 2 ? 'Ana' : 'Dana', role: i % 2 ? 'agent' : 'customer', text: texts[i % texts.length]! })),
    complete: true,
  };
}

it('measures redaction recall per kind and its cost on long conversations', () => {
  const corpus = buildCorpus();
  const score = scoreCorpus(corpus, (text) => redactText(text));
  const texts = corpus.map((m) => m.text);
  const plain = ['Thanks, that worked!', 'Could you check again please?', 'I have restarted the router twice now.', 'Sure, one moment while I look.'];

  const rows = [
    ['5,000 messages from the corpus (every one holds digits)', conversation(5000, texts)],
    ['5,000 messages of everyday chat (no digits)', conversation(5000, plain)],
    ['one 100,000-character message of digit groups (hostile)', conversation(1, ['1 '.repeat(50_000)])],
  ] as const;
  const costs = rows.map(([what, ticket]) => {
    const redact = time(() => redactTicket(ticket), 5);
    const copy = time(() => structuredClone(ticket), 5);
    return `| ${what} | ${ms(redact)} | ${ms(copy)} | ${(redact / copy).toFixed(1)}× |`;
  });

  const lines = [
    '## Redaction (`lib/privacy`)',
    '',
    `Labelled corpus: ${score.messages} messages (generated from a fixed seed, plus hand-written ones), \`tests/fixtures/privacy/corpus.ts\`. Recall: the share of each kind gone from the output with a placeholder in its place; kept: the share of each look-alike left exactly as written.`,
    '',
    '| personal data | found | recall |',
    '| --- | ---: | ---: |',
    ...Object.entries(score.pii).map(([kind, row]) => `| ${kind} | ${row.redacted} / ${row.total} | ${pct(row.recall)} |`),
    `| **all** | | **${pct(score.recall)}** |`,
    '',
    '| look-alike | kept | rate |',
    '| --- | ---: | ---: |',
    ...Object.entries(score.decoys).map(([kind, row]) => `| ${kind} | ${row.kept} / ${row.total} | ${pct(row.keptRate)} |`),
    `| **all** | | **${pct(score.decoysKept)}** |`,
    '',
    `Redacting a whole ticket in the worker, median of 5 runs (ms), against copying it (structuredClone) in the same run:`,
    '',
    '| ticket | redact | copy (baseline) | ratio |',
    '| --- | ---: | ---: | ---: |',
    ...costs,
    '',
    `Machine: ${process.platform}, Node ${process.version}. Redacting the whole corpus once: ${ms(time(() => texts.forEach((t) => redactText(t))))} ms.`,
  ];
  writeBenchSection('privacy', lines.join('\n'));
  expect(score.recall).toBeGreaterThan(0);
});

// readTicket on each helpdesk's long-conversation fixture, against a baseline in the same run:
// fetching and parsing the very same API answers without the adapter (what no adapter can avoid).
// Fixtures are held in memory so disk reads time neither side. For adapters that read the page, the
// baseline is a bare walk over the same page's elements.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadContext } from '@/lib/helpdesks/define-helpdesk';
import { HELPDESKS } from '@/lib/helpdesks/registry';
import { fixtureFetch, FIXTURES } from '../unit/helpdesks/fixture-fetch';
import { median, writeBenchSection } from './write-section';

const RUNS = 40;
const WARMUP = 5;
const TARGET_MS_PER_500 = 20;

interface BenchFixture {
  origin: string;
  url: string;
  /** For adapters that read the page: the fixture file (in the helpdesk's folder) the page shows. */
  page?: string;
}

/** Records every answer the adapter asks for once, then replays them from memory. */
async function recordAnswers(helpdesk: string, origin: string, read: (fetch: ReadContext['fetch']) => Promise<unknown>) {
  const live = fixtureFetch({ helpdesk, origin });
  const answers = new Map<string, { status: number; body: string }>();
  // Headers go along: an adapter may send the CSRF token its helpdesk's app sends (ServiceNow's).
  await read(async (path, init) => {
    const response = await live.fetch(path, init);
    answers.set(path, { status: response.status, body: await response.clone().text() });
    return response;
  });
  return (path: string) => {
    const answer = answers.get(path);
    return Promise.resolve(new Response(answer?.body ?? '', { status: answer?.status ?? 404, headers: { 'content-type': 'application/json' } }));
  };
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const start = performance.now();
    await work();
    if (i >= WARMUP) samples.push(performance.now() - start);
  }
  return samples;
}

it('measures readTicket on each long conversation', async () => {
  const rows: string[] = [];
  for (const helpdesk of HELPDESKS) {
    const file = join(FIXTURES, helpdesk.id, 'bench.json');
    if (!existsSync(file)) {
      rows.push(`| ${helpdesk.label} | no long-conversation fixture yet | | | | |`);
      continue;
    }
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as BenchFixture;
    document.documentElement.innerHTML = fixture.page ? readFileSync(join(FIXTURES, helpdesk.id, fixture.page), 'utf8') : '<head></head><body></body>';
    const ref = helpdesk.ticketFromUrl(new URL(fixture.url));
    if (!ref) throw new Error(`${helpdesk.id}: bench.json url is not a ticket URL`);
    const signal = new AbortController().signal;
    const read = (fetch: ReadContext['fetch']) => helpdesk.readTicket(ref, { document, fetch, signal });
    const replay = await recordAnswers(helpdesk.id, fixture.origin, read);
    const paths: string[] = [];
    const ticket = await read((path) => (paths.push(path), replay(path)));
    const adapter = median(await time(RUNS, () => read(replay)));
    const baseline = median(
      await time(RUNS, async () => {
        await Promise.all(paths.map(async (p) => (await replay(p)).json()));
        // What any page reader pays: visiting every element's text once.
        if (fixture.page) for (const element of document.body.querySelectorAll('*')) void element.textContent;
      }),
    );
    const per500 = (adapter * 500) / ticket.messages.length;
    rows.push(
      `| ${helpdesk.label} | ${ticket.messages.length} | ${adapter.toFixed(2)} ms | ${baseline.toFixed(2)} ms | ${(adapter / baseline).toFixed(2)}× | ${per500.toFixed(2)} ms ${per500 <= TARGET_MS_PER_500 ? 'pass' : '**FAIL**'} |`,
    );
  }
  const table = [
    '## readTicket on a long conversation',
    '',
    `Command: \`npm run bench\` (Node, happy-dom; median of ${RUNS} runs after ${WARMUP} warm-ups; API answers replayed from memory). Baseline: fetching and parsing the same answers without the adapter, or, for adapters that read the page, visiting the text of every element of the same page once. Target: ≤ ${TARGET_MS_PER_500} ms per 500 messages.`,
    '',
    '| Helpdesk | Messages | readTicket | Baseline (fetch + JSON.parse, or a walk over the page) | Ratio | Per 500 messages |',
    '| --- | --: | --: | --: | --: | --: |',
    ...rows,
  ].join('\n');
  writeBenchSection('read-ticket', table);
  console.log(table);
});

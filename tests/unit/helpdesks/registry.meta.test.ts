// A test about the tests: every adapter file in lib/helpdesks/ is registered, has fixtures with
// expectations, test URLs and a README row. A failure's message says what to do next.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Helpdesk } from '../../../lib/helpdesks/define-helpdesk';
import { HELPDESKS } from '../../../lib/helpdesks/registry';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ADAPTERS_DIR = join(ROOT, 'lib', 'helpdesks');
const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures', 'helpdesks');
const README = join(ADAPTERS_DIR, 'README.md');
/** Files in lib/helpdesks/ that are not adapters: the contract, the list, helpers adapters share. */
const NOT_ADAPTERS = new Set(['define-helpdesk.ts', 'registry.ts', 'wait-for-render.ts']);

const modules = import.meta.glob<{ default?: unknown }>('../../../lib/helpdesks/*.ts', { eager: true });

interface AdapterFacts {
  /** File name in lib/helpdesks/, e.g. `zendesk.ts`. */
  file: string;
  /** The file's default export. */
  exported: unknown;
  registered: readonly Helpdesk[];
  /** `expected/*.json` names in the adapter's fixture folder; null when the folder is missing. */
  expectations: string[] | null;
  /** Ids in the Supported helpdesks table of lib/helpdesks/README.md. */
  readmeIds: string[];
  /** Whether `entrypoints/<id>.content.ts` exists: each helpdesk loads as its own content script. */
  hasContentScript: boolean;
  /** Whether the fixture folder has `server.mjs` (routes) and `browser.json` (what the browser test opens and expects). */
  hasBrowserFixtures: boolean;
}

const isHelpdesk = (value: unknown): value is Helpdesk =>
  typeof value === 'object' && value !== null && typeof (value as Helpdesk).id === 'string' && typeof (value as Helpdesk).ticketFromUrl === 'function';

const camelCase = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** What is still missing for one adapter file, each as an instruction; empty when nothing is. */
function adapterProblems({ file, exported, registered, expectations, readmeIds, hasContentScript, hasBrowserFixtures }: AdapterFacts): string[] {
  const path = `lib/helpdesks/${file}`;
  if (!isHelpdesk(exported)) return [`${path} must end in \`export default defineHelpdesk({ … })\` (see lib/helpdesks/README.md).`];
  const { id } = exported;
  const problems: string[] = [];
  if (`${id}.ts` !== file) {
    problems.push(`${path} defines id "${id}": name the file after its id (lib/helpdesks/${id}.ts); ids name fixture folders and stored ticket keys.`);
  }
  if (!registered.includes(exported)) {
    problems.push(`Register ${id}: add \`import ${camelCase(id)} from './${file.replace(/\.ts$/, '')}';\` to lib/helpdesks/registry.ts and list it in HELPDESKS.`);
  }
  if (!expectations?.length) {
    problems.push(
      `Add fixtures for ${id} in tests/fixtures/helpdesks/${id}/ (API answers in api/, a page snapshot) and at least one expected/<name>.json stating exactly what readTicket returns for it.`,
    );
  }
  if (!(exported.testUrls?.tickets?.length > 0) || !(exported.testUrls?.nonTickets?.length > 0)) {
    problems.push(`Give ${id} testUrls with at least one ticket URL and one non-ticket URL: the URL matrix checks them.`);
  }
  if (!hasContentScript) {
    problems.push(
      `Add entrypoints/${id}.content.ts with \`export default helpdeskContentScript(${camelCase(id)});\` (see entrypoints/zendesk.content.ts).`,
    );
  }
  if (!hasBrowserFixtures) {
    problems.push(
      `Add tests/fixtures/helpdesks/${id}/server.mjs (its hosts and routes) and browser.json (the ticket URLs the browser test opens, with the ticket id, agent and channel it must show).`,
    );
  }
  if (!readmeIds.includes(id)) {
    problems.push(`Add ${id} to the Supported helpdesks table in lib/helpdesks/README.md: a row that starts with | \`${id}\` | ${exported.label} |`);
  }
  return problems;
}

/** The ids in the first column (in backticks) of the table under `## Supported helpdesks`. */
function readmeIds(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Supported helpdesks')) ?? '';
  return section
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) => /^`([a-z0-9-]+)`$/.exec(line.split('|')[1]?.trim() ?? '')?.[1])
    .filter((id): id is string => id !== undefined);
}

function expectationsOf(id: string): string[] | null {
  const dir = join(FIXTURES_DIR, id, 'expected');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : null;
}

const adapterFiles = readdirSync(ADAPTERS_DIR)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') && !NOT_ADAPTERS.has(name))
  .sort();
const readme = existsSync(README) ? readFileSync(README, 'utf8') : '';
const documented = readmeIds(readme);
const exportOf = (file: string) => modules[`../../../lib/helpdesks/${file}`]?.default;

describe('every adapter in lib/helpdesks/', () => {
  it('finds at least one adapter file', () => {
    expect(adapterFiles.length, 'No adapter files found in lib/helpdesks/: has the folder moved?').toBeGreaterThan(0);
  });

  it.each(adapterFiles)('%s is registered, has fixtures with expectations, test URLs and a README row', (file) => {
    const problems = adapterProblems({
      file,
      exported: exportOf(file),
      registered: HELPDESKS,
      expectations: isHelpdesk(exportOf(file)) ? expectationsOf((exportOf(file) as Helpdesk).id) : null,
      readmeIds: documented,
      hasContentScript: isHelpdesk(exportOf(file)) && existsSync(join(ROOT, 'entrypoints', `${(exportOf(file) as Helpdesk).id}.content.ts`)),
      hasBrowserFixtures:
        isHelpdesk(exportOf(file)) &&
        ['server.mjs', 'browser.json'].every((name) => existsSync(join(FIXTURES_DIR, (exportOf(file) as Helpdesk).id, name))),
    });
    assert(problems.length === 0, problems.join('\n'));
  });

  it('registers only adapters that live in their own file, each id once', () => {
    const ids = HELPDESKS.map((helpdesk) => helpdesk.id);
    const strays = HELPDESKS.filter((helpdesk) => exportOf(`${helpdesk.id}.ts`) !== helpdesk).map((helpdesk) => helpdesk.id);
    assert(strays.length === 0, `Move ${strays.join(', ')} into lib/helpdesks/<id>.ts as its default export: one helpdesk, one file.`);
    const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
    assert(twice.length === 0, `Helpdesk ids must be unique; registered more than once: ${twice.join(', ')}.`);
  });

  it('lists no helpdesk in the README that is not registered', () => {
    const stale = documented.filter((id) => !HELPDESKS.some((helpdesk) => helpdesk.id === id));
    assert(stale.length === 0, `Remove the rows for ${stale.join(', ')} from lib/helpdesks/README.md, or register those adapters.`);
  });
});

describe('the meta-test itself', () => {
  const valid: Helpdesk = {
    id: 'acme-desk',
    label: 'Acme Desk',
    matches: ['https://*.acme-desk.example/*'],
    ticketFromUrl: () => null,
    readTicket: () => Promise.reject(new Error('unused')),
    testUrls: { tickets: ['https://a.acme-desk.example/t/1'], nonTickets: ['https://a.acme-desk.example/'] },
  };
  const facts = (overrides: Partial<AdapterFacts> = {}): AdapterFacts => {
    const exported = 'exported' in overrides ? overrides.exported : valid;
    return {
      file: 'acme-desk.ts',
      exported,
      registered: isHelpdesk(exported) ? [exported] : [],
      expectations: ['1.json'],
      readmeIds: ['acme-desk'],
      hasContentScript: true,
      hasBrowserFixtures: true,
      ...overrides,
    };
  };

  it('passes a complete adapter', () => {
    expect(adapterProblems(facts())).toEqual([]);
  });

  it.each<[string, Partial<AdapterFacts>, RegExp]>([
    ['no defineHelpdesk export', { exported: undefined }, /must end in `export default defineHelpdesk/],
    ['a file not named after its id', { file: 'acme.ts' }, /name the file after its id \(lib\/helpdesks\/acme-desk\.ts\)/],
    ['an adapter missing from HELPDESKS', { registered: [] }, /Register acme-desk: add `import acmeDesk from '\.\/acme-desk';`/],
    ['no fixture folder', { expectations: null }, /tests\/fixtures\/helpdesks\/acme-desk\/.*expected\/<name>\.json/],
    ['a fixture folder without expectations', { expectations: [] }, /at least one expected/],
    ['no non-ticket test URL', { exported: { ...valid, testUrls: { tickets: ['https://a.acme-desk.example/t/1'], nonTickets: [] } } }, /testUrls/],
    ['no ticket test URL', { exported: { ...valid, testUrls: { tickets: [], nonTickets: ['https://a.acme-desk.example/'] } } }, /testUrls/],
    ['no README row', { readmeIds: ['zendesk'] }, /Supported helpdesks table in lib\/helpdesks\/README\.md/],
    ['no content script entrypoint', { hasContentScript: false }, /entrypoints\/acme-desk\.content\.ts/],
    ['no browser fixtures', { hasBrowserFixtures: false }, /server\.mjs .* browser\.json/],
  ])('tells what to do about %s', (_, overrides, instruction) => {
    const problems = adapterProblems(facts(overrides));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(instruction);
  });

  it('reads ids from the first column of the Supported helpdesks table only', () => {
    const markdown = [
      '## The contract',
      '| field | what |',
      '|---|---|',
      '| `label` | a name |',
      '## Supported helpdesks',
      '| id | Helpdesk |',
      '|---|---|',
      '| `zendesk` | Zendesk |',
      '| `acme-desk` | Acme Desk |',
      '| Freshdesk | `freshdesk` |',
      '## How to add a helpdesk',
      '| `not-a-row` | here |',
    ].join('\n');
    expect(readmeIds(markdown)).toEqual(['zendesk', 'acme-desk']);
  });
});

// `npm run new:helpdesk <id>` (= `node scripts/new-helpdesk.mjs <id>`): scaffolds a helpdesk adapter.
// Writes lib/helpdesks/<id>.ts (a defineHelpdesk skeleton that compiles, with TODOs) and
// tests/fixtures/helpdesks/<id>/expected/.gitkeep, then prints the steps left. Until they are done,
// tests/unit/helpdesks/registry.meta.test.ts fails and says what is missing.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run new:helpdesk <id>   (kebab-case, e.g. help-scout)';
/** Names in lib/helpdesks/ that are not adapters. */
const RESERVED = new Set(['define-helpdesk', 'registry', 'readme', 'index']);

function fail(message) {
  console.error(`new-helpdesk: ${message}\n${USAGE}`);
  process.exit(1);
}

const args = process.argv.slice(2);
if (args.length !== 1) fail(args.length ? 'give exactly one id.' : 'give the helpdesk id.');
const id = args[0];
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) fail(`"${id}" is not a kebab-case id (lowercase letters and digits, words joined by "-").`);
if (id.length > 40) fail(`"${id}" is longer than 40 characters, the limit of a ticket's helpdesk id.`);
if (RESERVED.has(id)) fail(`"${id}" is reserved.`);

const adapterPath = join(ROOT, 'lib', 'helpdesks', `${id}.ts`);
const fixtureDir = join(ROOT, 'tests', 'fixtures', 'helpdesks', id);
for (const path of [adapterPath, fixtureDir]) {
  if (existsSync(path)) fail(`${relative(ROOT, path)} already exists.`);
}

const label = id
  .split('-')
  .map((word) => word[0].toUpperCase() + word.slice(1))
  .join(' ');
const host = `${id}.example`;

const adapter = `import { defineHelpdesk, placeholderTicket } from './define-helpdesk';

// TODO: the path of a ticket page, with the ticket id as the first group.
const TICKET_PATH = /^\\/tickets\\/(\\d+)(?:\\/|$)/;

/** ${label}: see lib/helpdesks/README.md for what each field must do. */
export default defineHelpdesk({
  id: '${id}',
  label: '${label}',
  // TODO: the helpdesk's hosts; https only. Cover the whole app if it changes pages without reloading.
  matches: ['https://*.${host}/*'],
  ticketFromUrl(url) {
    // TODO: the helpdesk's real hosts.
    if (url.protocol !== 'https:' || !url.hostname.endsWith('.${host}')) return null;
    const id = TICKET_PATH.exec(url.pathname)?.[1];
    return id ? { helpdesk: '${id}', ticketId: id, url: \`\${url.origin}/tickets/\${id}\` } : null;
  },
  async readTicket(ref, context) {
    context.signal.throwIfAborted();
    // TODO: read the ticket through the same-origin API (context.fetch('/api/...')), falling back to
    // context.document with a \`problem\` saying why; plain text only, within TICKET_LIMITS.
    return { ...placeholderTicket(ref), problem: 'QA Lens cannot read ${label} tickets yet.' };
  },
  testUrls: {
    // TODO: real-looking URLs of ticket pages, and of pages that are not tickets.
    tickets: ['https://acme.${host}/tickets/123'],
    nonTickets: ['https://acme.${host}/dashboard', 'http://acme.${host}/tickets/123'],
  },
});
`;

mkdirSync(join(fixtureDir, 'expected'), { recursive: true });
writeFileSync(join(fixtureDir, 'expected', '.gitkeep'), '');
writeFileSync(adapterPath, adapter);

const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
console.log(`Created:
  ${relative(ROOT, adapterPath)}
  ${relative(ROOT, join(fixtureDir, 'expected', '.gitkeep'))}

Next:
  1. Fill in the TODOs in ${relative(ROOT, adapterPath)}.
  2. Add fixtures under ${relative(ROOT, fixtureDir)}/ (API answers in api/, a page snapshot) and one
     expected/<name>.json per fixture; test them in tests/unit/helpdesks/${id}.test.ts, with a route
     for the API in tests/unit/helpdesks/fixture-fetch.ts.
  3. Register it in lib/helpdesks/registry.ts:
       import ${camel} from './${id}';
       export const HELPDESKS = [..., ${camel}];
  4. Add a row to the Supported helpdesks table in lib/helpdesks/README.md:
       | \`${id}\` | ${label} | \`https://<sub>.${host}/tickets/<id>\` | … | … |
  5. Add tests/fixtures/helpdesks/<id>/server.mjs: the hosts it answers for and its routes (an adapter
     that reads the page can serve its snapshots with snapshotRoutes from tests/support/snapshot-app.mjs,
     and joins tests/unit/helpdesks/page-adapters.contract.test.ts with one row).
  6. List every ticket URL shape its web app uses, with a public source for each, under "Ticket URL
     shapes and their sources" in lib/helpdesks/README.md, and put them in testUrls.

Then run: npx vitest run tests/unit/helpdesks`);

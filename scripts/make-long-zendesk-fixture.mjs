// `node scripts/make-long-zendesk-fixture.mjs`: writes Zendesk ticket 1004, a long messaging
// conversation (320 comments on two API pages), and what the adapter must read from it:
//   tests/fixtures/helpdesks/zendesk/api/ticket-1004.json
//   tests/fixtures/helpdesks/zendesk/api/comments-1004.json         (page 1: 100 comments)
//   tests/fixtures/helpdesks/zendesk/api/comments-1004-page-2.json  (page 2: the other 220)
//   tests/fixtures/helpdesks/zendesk/expected/1004.json
// Deterministic (no randomness, no clock): running it twice writes the same bytes. The expectation
// comes from this script's own model of the conversation, never from the adapter under test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'helpdesks', 'zendesk');
const ORIGIN = 'https://acme.zendesk.com';
const TICKET_ID = 1004;
const TOTAL = 320;
const PAGE_SIZE = 100;
const START = Date.UTC(2026, 10, 5, 8, 0, 0);
const SUBJECT = 'Sync keeps failing on the Android app';

const customer = { id: 504, name: 'Priya Raman', email: 'priya.raman@example.com', role: 'end-user' };
const agent = { id: 603, name: 'Jordan Lee', email: 'jordan.lee@acme-support.example', role: 'agent' };
// Appears on page 2 only, so the adapter must merge users sideloaded by later pages.
const supervisor = { id: 605, name: 'Morgan Blake', email: 'morgan.blake@acme-support.example', role: 'admin' };

/** Comment positions (0-based) that are internal notes, and who writes each. */
const NOTES = new Map([
  [57, agent],
  [120, supervisor],
  [210, supervisor],
  [300, agent],
]);
/** Comments whose body carries layout whitespace the adapter must tidy: [raw, expected text]. */
const LAYOUT = [
  'Still failing.\n\n\n\nLog excerpt:   sync_error=TIMEOUT\u00a0 retry=3  ',
  'Still failing.\n\nLog excerpt: sync_error=TIMEOUT retry=3',
];

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

function customerLine(turn) {
  if (turn % 50 === 10) return LAYOUT;
  const step = (turn % 7) + 1;
  const text = `Update ${turn}: the sync stopped again at step ${step} of 7, this time on Wi-Fi.`;
  return [text, text];
}

function agentLine(turn) {
  const tips = ['clear the app cache', 'sign out and back in', 'switch off battery saving', 'update to 4.2.3', 'send the diagnostics log'];
  const text = `Thanks, Priya (reply ${turn}). Could you ${tips[turn % tips.length]} and tell me what happens?`;
  return [text, text];
}

const comments = [];
const messages = [];
let turn = 0;
for (let i = 0; i < TOTAL; i++) {
  const id = 94_000 + i;
  const at = iso(START + i * 90_000);
  const note = NOTES.get(i);
  let author;
  let raw;
  let text;
  let role;
  if (note) {
    author = note;
    role = 'internal';
    raw = text = `Internal note ${i}: escalated to mobile engineering, see ENG-${4400 + i}.`;
  } else {
    const fromCustomer = turn % 2 === 0;
    author = fromCustomer ? customer : agent;
    role = fromCustomer ? 'customer' : 'agent';
    [raw, text] = fromCustomer ? customerLine(turn) : agentLine(turn);
    turn++;
  }
  comments.push({
    id,
    type: 'Comment',
    author_id: author.id,
    body: raw,
    html_body: `<div class="zd-comment"><p>${raw.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p></div>`,
    plain_body: raw,
    public: !note,
    attachments: [],
    created_at: at,
    via: { channel: 'native_messaging' },
  });
  messages.push({ id: String(id), author: author.name, role, at, text });
}

const pageLink = (page) => `${ORIGIN}/api/v2/tickets/${TICKET_ID}/comments.json?page=${page}&include=users&sort_order=asc`;
/** Zendesk sideloads only the users a page mentions. */
const usersOf = (page) => {
  const ids = new Set(page.map((c) => c.author_id));
  return [customer, agent, supervisor].filter((u) => ids.has(u.id));
};

const ticket = {
  ticket: {
    id: TICKET_ID,
    url: `${ORIGIN}/api/v2/tickets/${TICKET_ID}.json`,
    subject: SUBJECT,
    raw_subject: SUBJECT,
    status: 'open',
    requester_id: customer.id,
    assignee_id: agent.id,
    via: { channel: 'native_messaging', source: { from: {}, to: {}, rel: null } },
    created_at: iso(START),
    updated_at: iso(START + (TOTAL - 1) * 90_000),
    tags: ['android', 'sync'],
    priority: 'high',
    type: 'problem',
  },
  users: [customer, agent],
};
const first = comments.slice(0, PAGE_SIZE);
const rest = comments.slice(PAGE_SIZE);
const page1 = { comments: first, users: usersOf(first), next_page: pageLink(2), previous_page: null, count: TOTAL };
const page2 = { comments: rest, users: usersOf(rest), next_page: null, previous_page: pageLink(1), count: TOTAL };

const expected = {
  helpdesk: 'zendesk',
  ticketId: String(TICKET_ID),
  url: `${ORIGIN}/agent/tickets/${TICKET_ID}`,
  channel: 'messaging',
  subject: SUBJECT,
  status: 'open',
  customer: { name: customer.name, email: customer.email },
  agent: { name: agent.name, email: agent.email },
  messages,
  complete: true,
};

const write = (path, data) => {
  mkdirSync(dirname(join(DIR, path)), { recursive: true });
  writeFileSync(join(DIR, path), `${JSON.stringify(data, null, 2)}\n`);
};
write(`api/ticket-${TICKET_ID}.json`, ticket);
write(`api/comments-${TICKET_ID}.json`, page1);
write(`api/comments-${TICKET_ID}-page-2.json`, page2);
write(`expected/${TICKET_ID}.json`, expected);
console.log(`Wrote ticket ${TICKET_ID}: ${TOTAL} comments (${first.length} + ${rest.length}), ${NOTES.size} internal notes.`);

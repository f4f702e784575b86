// `node scripts/make-long-fixtures.mjs`: writes a long conversation (500 messages) for every helpdesk
// but Zendesk (see make-long-zendesk-fixture.mjs), shaped like that helpdesk's existing fixtures, and
// the `bench.json` that points `npm run bench` and tests/unit/helpdesks/long-conversations.test.ts at it:
//   - API adapters (Freshdesk, Zoho Desk, Gorgias, Intercom, ServiceNow): API answers under api/, paged the way
//     the adapter pages them and named the way the helpdesk's server.mjs routes them;
//   - page adapters (Help Scout, Front, Gmail, HubSpot, Kustomer, LiveChat, Crisp, Salesforce): one
//     page snapshot in the fixture folder, like the existing page-*.html.
// Messages alternate customer / agent, with a few internal notes (none in Gmail, which has none).
// Deterministic (no randomness, no clock): running it twice writes the same bytes. No expectation
// files: the unit test checks counts, roles and ids, not 500 messages one by one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'helpdesks');
const TOTAL = 500;
/** Positions (0-based) that are internal notes; the second and fourth are written by a team lead. */
const NOTES = [37, 141, 242, 333, 418, 477];
const STEP_MS = 60_000;
const TIPS = ['clear the app cache', 'sign out and back in', 'try another browser', 'update to the latest version', 'send a screenshot'];

/**
 * The conversation every fixture renders: `{ i, role, text, ms }` with role customer, agent or
 * internal (`lead` tells which internal notes the team lead wrote). Starts with the customer.
 */
function conversation(start, customerFirst, { notes = true } = {}) {
  const messages = [];
  let turn = 0;
  for (let i = 0; i < TOTAL; i++) {
    const ms = Date.parse(start) + i * STEP_MS;
    const note = notes ? NOTES.indexOf(i) : -1;
    if (note >= 0) {
      messages.push({ i, role: 'internal', lead: note % 2 === 1, ms, text: `Internal note ${i}: checked the logs, see OPS-${4400 + i}.` });
      continue;
    }
    const role = turn % 2 === 0 ? 'customer' : 'agent';
    const text =
      role === 'customer'
        ? `Update ${turn}: step ${(turn % 7) + 1} of 7 still fails for me.`
        : `Thanks, ${customerFirst} (reply ${turn}). Could you ${TIPS[turn % TIPS.length]}?`;
    messages.push({ i, role, lead: false, ms, text });
    turn++;
  }
  return messages;
}

const iso = (ms) => new Date(ms).toISOString(); // 2026-11-12T08:00:00.000Z
const isoSeconds = (ms) => iso(ms).replace('.000Z', 'Z'); // 2026-11-12T08:00:00Z
const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pages = (items, size) => Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));

/** JSON indented like the existing fixtures, except that long lists put one item on a line: smaller files, one message a line. */
function json(value, indent = '') {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const long = value.length > 20;
    return `[\n${value.map((item) => inner + (long ? JSON.stringify(item) : json(item, inner))).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${json(item, inner)}`).join(',\n')}\n${indent}}`;
}

const written = [];
function write(helpdesk, path, data) {
  const file = join(FIXTURES, helpdesk, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof data === 'string' ? data : `${json(data)}\n`);
  written.push(`${helpdesk}/${path}`);
}
const bench = (helpdesk, origin, url, page) => write(helpdesk, 'bench.json', `${JSON.stringify({ origin, url, ...(page ? { page } : {}) })}\n`);

/** A page snapshot like the existing page-*.html: the app's markup, its script removed. */
function pageHtml({ title, about, style = '', nav, main }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${esc(title)}</title>
    <!-- Written by scripts/make-long-fixtures.mjs: a long conversation (${TOTAL} messages) as the fixture app renders
         ${esc(about)} (its script removed), for npm run bench and tests/unit/helpdesks/long-conversations.test.ts. -->${style ? `\n    <style>\n${style}\n    </style>` : ''}
  </head>
  <body>
    ${nav}
    ${main}
  </body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Freshdesk (API v2): the ticket with its description (message 1), then conversations paged by 100.
function freshdesk() {
  const id = 2500;
  const support = 'support@acme.example';
  const requester = { id: 9050, name: 'Hanna Keller', email: 'hanna.keller@mail.example', mobile: null, phone: null };
  const agent = { id: 511, name: 'Jonas Weber', email: 'jonas.weber@acme.example', job_title: 'Support Specialist' };
  const lead = { id: 512, name: 'Mira Chen', email: 'mira.chen@acme.example', job_title: 'Support Team Lead' };
  const [first, ...rest] = conversation('2026-11-12T08:00:00Z', 'Hanna');
  const last = rest.at(-1);
  write('freshdesk', `api/ticket-${id}.json`, {
    id,
    subject: 'Checkout keeps failing at the payment step',
    description: `<div>${esc(first.text)}</div>`,
    description_text: first.text,
    status: 2,
    priority: 3,
    source: 1,
    type: 'Problem',
    requester_id: requester.id,
    responder_id: agent.id,
    group_id: 77,
    company_id: null,
    fr_escalated: false,
    spam: false,
    tags: ['checkout'],
    cc_emails: [],
    custom_fields: {},
    created_at: isoSeconds(first.ms),
    updated_at: isoSeconds(last.ms),
    requester,
  });
  const conversations = rest.map((m) => {
    const author = m.role === 'customer' ? requester : m.role === 'agent' ? agent : m.lead ? lead : agent;
    return {
      id: 65000 + m.i,
      body: `<div>${esc(m.text)}</div>`,
      body_text: m.text,
      incoming: m.role === 'customer',
      private: m.role === 'internal',
      user_id: author.id,
      support_email: m.role === 'agent' ? support : null,
      source: m.role === 'internal' ? 2 : 0,
      category: m.role === 'agent' ? 3 : 2,
      ticket_id: id,
      to_emails: m.role === 'customer' ? [support] : m.role === 'agent' ? [requester.email] : [],
      from_email: m.role === 'customer' ? requester.email : m.role === 'agent' ? support : null,
      cc_emails: [],
      bcc_emails: null,
      attachments: [],
      created_at: isoSeconds(m.ms),
      updated_at: isoSeconds(m.ms),
    };
  });
  // The adapter asks for page after page while they are full (100): 4 full pages and one of 99.
  pages(conversations, 100).forEach((page, n) => write('freshdesk', `api/conversations-${id}${n ? `-page-${n + 1}` : ''}.json`, page));
  for (const a of [agent, lead]) {
    write('freshdesk', `api/agent-${a.id}.json`, {
      id: a.id,
      available: true,
      occasional: false,
      signature: null,
      ticket_scope: 1,
      type: 'support_agent',
      created_at: '2025-01-10T08:00:00Z',
      updated_at: '2026-10-01T08:00:00Z',
      contact: { active: true, email: a.email, job_title: a.job_title, language: 'en', name: a.name, time_zone: 'Berlin' },
    });
  }
  bench('freshdesk', 'https://acme.freshdesk.com', `https://acme.freshdesk.com/a/tickets/${id}`);
}

// ---------------------------------------------------------------------------------------------
// Zoho Desk (API v1 on the app's origin): threads (customer and agent emails) by pages of 100, the
// full text of each of the first 100 threads (the adapter's cap; later ones keep their summary),
// and the private comments (notes).
function zohoDesk() {
  const id = '712000000305001';
  const contact = { id: '712000000100050', firstName: 'Sofia', lastName: 'Marin', email: 'sofia.marin@mail.example' };
  const assignee = { id: '712000000200050', firstName: 'Arjun', lastName: 'Das', email: 'arjun.das@acme.example' };
  const lead = { id: '712000000200051', firstName: 'Lea', lastName: 'Vogt', email: 'lea.vogt@acme.example' };
  const messages = conversation('2026-11-13T08:00:00Z', 'Sofia');
  const summary = (text) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  write('zoho-desk', `api/ticket-${id}.json`, {
    id,
    ticketNumber: '1500',
    subject: 'Invoices do not sync to the accounting app',
    status: 'Open',
    statusType: 'Open',
    channel: 'Email',
    departmentId: '712000000000321',
    contactId: contact.id,
    assigneeId: assignee.id,
    priority: 'High',
    email: contact.email,
    createdTime: iso(messages[0].ms),
    webUrl: `https://desk.zoho.com/support/acme/ShowHomePage.do#Cases/dv/${id}`,
    contact: { ...contact, phone: null },
    assignee: { ...assignee, photoURL: null },
  });
  const person = (p, type, roleName) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email, type, ...(roleName ? { roleName } : { photoURL: null }) });
  const threads = messages
    .filter((m) => m.role !== 'internal')
    .map((m, n) => ({
      id: String(712000000350000 + m.i),
      channel: 'EMAIL',
      direction: m.role === 'customer' ? 'in' : 'out',
      visibility: 'public',
      author: m.role === 'customer' ? person(contact, 'END_USER') : person(assignee, 'AGENT'),
      summary: summary(m.text),
      createdTime: iso(m.ms),
      hasAttach: false,
      contentType: 'text/html',
      status: 'SUCCESS',
      isDescriptionThread: n === 0,
      text: m.text,
    }));
  pages(threads, 100).forEach((page, n) =>
    write('zoho-desk', `api/threads-${id}${n ? `-from-${n * 100 + 1}` : ''}.json`, { data: page.map(({ text: _, ...thread }) => thread) }),
  );
  for (const { text, hasAttach: _a, status: _s, isDescriptionThread: _d, ...thread } of threads.slice(0, 100)) {
    write('zoho-desk', `api/thread-${thread.id}.json`, { ...thread, content: `<div>${esc(text)}</div>`, plainText: text, attachments: [] });
  }
  const comments = messages
    .filter((m) => m.role === 'internal')
    .map((m) => {
      const author = m.lead ? lead : assignee;
      return {
        id: String(712000000360000 + m.i),
        isPublic: false,
        contentType: 'plainText',
        content: m.text,
        commentedTime: iso(m.ms),
        modifiedTime: null,
        commenterId: author.id,
        commenter: { ...person(author, 'AGENT', m.lead ? 'Support Manager' : 'Agent'), firstName: author.firstName, lastName: author.lastName },
      };
    });
  write('zoho-desk', `api/comments-${id}.json`, { data: comments });
  bench('zoho-desk', 'https://desk.zoho.com', `https://desk.zoho.com/agent/acme/support/tickets/details/${id}`);
}

// ---------------------------------------------------------------------------------------------
// Gorgias (REST API): a ticket answer without messages, so the adapter reads the messages list by
// cursor, 100 a page (cursors p2…p5, as the existing messages-3003 pages).
function gorgias() {
  const id = 3500;
  const customer = { id: 7050, email: 'tomas.novak@mail.example', name: 'Tomas Novak', firstname: 'Tomas', lastname: 'Novak' };
  const agent = { id: 45, email: 'ines.costa@acme.example', name: 'Ines Costa', firstname: 'Ines', lastname: 'Costa' };
  const lead = { id: 46, email: 'ray.okoro@acme.example', name: 'Ray Okoro', firstname: 'Ray', lastname: 'Okoro' };
  const messages = conversation('2026-11-14T08:00:00Z', 'Tomas');
  const stamp = (ms) => iso(ms).replace('.000Z', '+00:00');
  write('gorgias', `api/ticket-${id}.json`, {
    id,
    uri: `/api/tickets/${id}/`,
    external_id: null,
    language: 'en',
    status: 'open',
    priority: 'normal',
    channel: 'chat',
    via: 'chat',
    subject: 'Discount code rejected at checkout',
    customer,
    assignee_user: agent,
    assignee_team: null,
    tags: [],
    created_datetime: stamp(messages[0].ms),
    updated_datetime: stamp(messages.at(-1).ms),
  });
  const list = messages.map((m) => {
    const sender = m.role === 'customer' ? customer : m.lead ? lead : agent;
    return {
      id: 35000 + m.i,
      uri: `/api/tickets/${id}/messages/${35000 + m.i}/`,
      ticket_id: id,
      external_id: null,
      public: m.role !== 'internal',
      channel: m.role === 'internal' ? 'internal-note' : 'chat',
      via: m.role === 'customer' ? 'chat' : 'helpdesk',
      from_agent: m.role !== 'customer',
      attachments: [],
      body_html: null,
      stripped_html: null,
      stripped_text: null,
      sender,
      body_text: m.text,
      created_datetime: stamp(m.ms),
    };
  });
  const all = pages(list, 100);
  all.forEach((data, n) =>
    write('gorgias', `api/messages-${id}${n ? `-p${n + 1}` : ''}.json`, {
      data,
      meta: { prev_cursor: n ? `p${n}` : null, next_cursor: n + 1 < all.length ? `p${n + 2}` : null },
      object: 'list',
      uri: `/api/tickets/${id}/messages`,
    }),
  );
  bench('gorgias', 'https://acme.gorgias.com', `https://acme.gorgias.com/app/ticket/${id}`);
}

// ---------------------------------------------------------------------------------------------
// Intercom (the inbox's same-origin /ember/ answer, in the REST conversation shape): the source is
// message 1, the other 499 are conversation parts in one answer (the adapter does not page), after
// an assignment part without words.
function intercom() {
  const id = '9500';
  const user = { id: '6a50', type: 'user', name: 'Emma Lindqvist', email: 'emma.lindqvist@example.com' };
  const admin = { id: '5150', type: 'admin', name: 'Kofi Mensah', email: 'kofi.mensah@acme-support.example' };
  const lead = { id: '5151', type: 'admin', name: 'Yara Haddad', email: 'yara.haddad@acme-support.example' };
  const [first, ...rest] = conversation('2026-11-15T08:00:00Z', 'Emma');
  const seconds = (ms) => Math.round(ms / 1000);
  const part = (partId, partType, body, at, author) => ({
    type: 'conversation_part',
    id: partId,
    part_type: partType,
    body,
    created_at: at,
    updated_at: at,
    notified_at: at,
    assigned_to: partType === 'assignment' ? { type: 'admin', id: admin.id } : null,
    author,
    attachments: [],
    external_id: null,
    redacted: false,
  });
  const parts = [
    part('850000', 'assignment', null, seconds(first.ms) + 30, admin),
    ...rest.map((m) =>
      part(String(850000 + m.i), m.role === 'internal' ? 'note' : 'comment', `<p>${esc(m.text)}</p>`, seconds(m.ms), m.role === 'customer' ? user : m.lead ? lead : admin),
    ),
  ];
  write('intercom', `api/conversation-${id}.json`, {
    type: 'conversation',
    id,
    title: 'Two-factor codes arrive too late',
    created_at: seconds(first.ms),
    updated_at: seconds(rest.at(-1).ms),
    waiting_since: null,
    snoozed_until: null,
    open: true,
    state: 'open',
    read: true,
    priority: 'priority',
    admin_assignee_id: Number(admin.id),
    team_assignee_id: null,
    tags: { type: 'tag.list', tags: [] },
    source: {
      type: 'conversation',
      id: '7050',
      delivered_as: 'customer_initiated',
      subject: '',
      body: `<p>${esc(first.text)}</p>`,
      author: user,
      attachments: [],
      url: null,
      redacted: false,
      created_at: seconds(first.ms),
    },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: user.id }] },
    conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
  });
  bench('intercom', 'https://app.intercom.com', `https://app.intercom.com/a/inbox/abc123de/inbox/shared/all/conversation/${id}`);
}

// ---------------------------------------------------------------------------------------------
// Help Scout (page): a chat conversation, threads newest first as the view lists them, with one
// line item (skipped by the adapter) after the first message.
function helpScout() {
  const id = '2391938500';
  const number = '352';
  const messages = conversation('2026-11-16T08:00:00Z', 'Nina');
  const names = { customer: 'Nina Petrova', agent: 'Leo Grant', lead: 'Priya Nair' };
  const thread = (threadId, cls, name, ms, body) =>
    `<article class="thread ${cls}" id="thread-${threadId}"><header class="threadHeader"><span class="name">${esc(name)}</span> <time datetime="${isoSeconds(ms)}">${isoSeconds(ms)}</time></header><section class="messageBody">${esc(body)}</section></article>`;
  const items = messages.map((m) =>
    thread(
      88175000 + m.i,
      m.role === 'internal' ? 'note' : m.role === 'customer' ? 'chat customer' : 'chat user',
      m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent,
      m.ms,
      m.text,
    ),
  );
  items.splice(1, 0, thread(88174999, 'lineitem', names.agent, messages[0].ms + 30_000, `${names.agent} assigned this conversation to ${names.agent}`));
  write(
    'help-scout',
    `page-${id}.html`,
    pageHtml({
      title: 'Help Scout (fixture)',
      about: `/conversation/${id}/${number}`,
      style: `      body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template-columns: 220px 1fr; min-height: 100vh; }
      nav { background: #1f2d3d; color: #fff; padding: 12px; }
      nav a { color: #fff; display: block; padding: 4px 0; }
      main { padding: 16px 24px; }
      article.thread { border: 1px solid #ddd; border-radius: 6px; padding: 8px; margin: 8px 0; }
      article.thread.note { background: #fff6d5; }`,
      nav: '<nav aria-label="Mailbox"><a href="/mailbox/85/39835/">Unassigned</a></nav>',
      main: `<main id="app" data-conversation-id="${id}" data-conversation-type="chat">
      <h1 data-cy="ConversationSubject">Chat with ${esc(names.customer)}</h1>
      <p>#${number} · <span data-cy="ConversationStatus">active</span> · Customer <span data-cy="CustomerName">${esc(names.customer)}</span> · Assigned to <span data-cy="AssigneeName">${esc(names.agent)}</span></p>
${items.reverse().join('\n')}
    </main>`,
    }),
  );
  bench('help-scout', 'https://secure.helpscout.net', `https://secure.helpscout.net/conversation/${id}/${number}`, `page-${id}.html`);
}

// ---------------------------------------------------------------------------------------------
// Front (page): a Front Chat conversation, messages and comments in one timeline, oldest first.
function front() {
  const id = 'cnv_kf1500';
  const messages = conversation('2026-11-17T08:00:00Z', 'Omar');
  const names = { customer: 'Omar Farouk', agent: 'Ana Silva', lead: 'Ben Carter' };
  const items = messages.map((m) => {
    const head = `<strong data-testid="message-author">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${iso(m.ms)}">${iso(m.ms)}</time>`;
    const body = `<div data-testid="message-body">${esc(m.text)}</div>`;
    if (m.role === 'internal') return `<article data-testid="timeline-item" data-kind="comment" data-comment-id="com_${(1_500_000 + m.i).toString(36)}">${head}${body}</article>`;
    return `<article data-testid="timeline-item" data-kind="message" data-message-id="msg_${(1_500_000 + m.i).toString(36)}" data-message-type="front_chat" data-is-inbound="${m.role === 'customer'}">${head}${body}</article>`;
  });
  write(
    'front',
    `page-${id}.html`,
    pageHtml({
      title: 'Front (fixture)',
      about: `for ${id}`,
      style: `      body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template-columns: 220px 1fr; min-height: 100vh; }
      nav { background: #001b38; color: #fff; padding: 12px; }
      nav a { color: #fff; display: block; padding: 4px 0; }
      main { padding: 16px 24px; }
      [data-testid="timeline-item"] { border: 1px solid #ddd; border-radius: 6px; padding: 8px; margin: 8px 0; }
      [data-kind="comment"] { background: #fff6d5; }`,
      nav: '<nav aria-label="Inboxes"><a href="/inboxes/teams/folders/4bj7r/unassigned/0">Unassigned</a></nav>',
      main: `<main id="app" data-conversation-id="${id}">
      <h1 data-testid="conversation-subject">Gift card balance shows zero</h1>
      <p><span data-testid="conversation-status">assigned</span> · <span data-testid="conversation-contact">${esc(names.customer)}</span> · Assignee <span data-testid="conversation-assignee">${esc(names.agent)}</span></p>
${items.join('\n')}
    </main>`,
    }),
  );
  bench('front', 'https://app.frontapp.com', `https://app.frontapp.com/open/${id}`, `page-${id}.html`);
}

// ---------------------------------------------------------------------------------------------
// Gmail (page): one expanded thread of 500 emails between a customer and the mailbox user. Gmail
// has no internal notes, so this conversation has none.
function gmail() {
  const token = 'FMfcgzQbfBhJkLNpRsTvWxZbCdFgLong';
  const messages = conversation('2026-11-18T08:00:00Z', 'Rosa', { notes: false });
  const me = { name: 'Alex Moreno', email: 'alex@acme-support.com' };
  const customer = { name: 'Rosa Alvarez', email: 'rosa.alvarez@example.net' };
  const subject = 'Parcel stuck in customs for order #6120';
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const shown = (ms) => {
    const d = new Date(ms);
    const h = d.getUTCHours();
    const minutes = String(d.getUTCMinutes()).padStart(2, '0');
    return `${days[d.getUTCDay()]}, ${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 || 12}:${minutes} ${h < 12 ? 'AM' : 'PM'}`;
  };
  const items = messages.map((m) => {
    const from = m.role === 'customer' ? customer : me;
    return `<div class="adn ads" data-message-id="#msg-f:178000000000000${5000 + m.i}" data-legacy-message-id="18b3d491b43${(0x50000 + m.i).toString(16)}"><h3 class="iw"><span class="gD" email="${esc(from.email)}" name="${esc(from.name)}">${esc(from.name)}</span></h3><span class="g3" title="${shown(m.ms)}">${shown(m.ms)}</span><div class="a3s aiL">${esc(m.text)}</div></div>`;
  });
  write(
    'gmail',
    'page-long.html',
    pageHtml({
      title: `${subject} - ${me.email} - Acme Support Mail`,
      about: `#inbox/${token}`,
      nav: `<header>
      <a aria-label="Google Account: ${esc(me.name)}
(${esc(me.email)})" href="https://accounts.google.com/SignOutOptions?hl=en&amp;continue=https://mail.google.com/mail/">AM</a>
    </header>
    <nav aria-label="Labels">
      <a href="#inbox">Inbox</a>
      <a href="#inbox/${token}">${esc(subject)}</a>
    </nav>`,
      main: `<div role="main" id="main"><h2 class="hP" data-thread-perm-id="thread-f:1780000000000000500" data-legacy-thread-id="18b3d491b4325000">${esc(subject)}</h2>
${items.join('\n')}
</div>`,
    }),
  );
  bench('gmail', 'https://mail.google.com', `https://mail.google.com/mail/u/0/#inbox/${token}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// HubSpot (page): a help desk ticket whose chat thread the app renders with data-test-id hooks.
function hubspot() {
  const id = '5500';
  const messages = conversation('2026-11-19T08:00:00Z', 'Lena');
  const names = { customer: 'Lena Fischer', agent: 'Sam Okafor', lead: 'Alex Moreno' };
  const items = messages.map((m) => {
    const internal = m.role === 'internal';
    const actor = m.role === 'customer' ? 'V-5050' : m.lead ? 'A-9060506' : 'A-9060505';
    const direction = internal ? '' : m.role === 'customer' ? 'INCOMING' : 'OUTGOING';
    return `<article data-test-id="thread-message" data-message-id="${internal ? 'c' : 'm'}-${95000 + m.i}" data-message-type="${internal ? 'COMMENT' : 'MESSAGE'}" data-actor-id="${actor}" data-direction="${direction}"><strong data-test-id="message-sender-name">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${isoSeconds(m.ms)}">${isoSeconds(m.ms)}</time><div data-test-id="message-text">${esc(m.text)}</div></article>`;
  });
  write(
    'hubspot',
    `page-${id}.html`,
    pageHtml({
      title: 'HubSpot Help Desk (fixture)',
      about: `/help-desk/4411223/view/112233/ticket/${id}`,
      style: `      body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template-columns: 200px 1fr; min-height: 100vh; }
      nav { background: #213343; color: #fff; padding: 12px; }
      nav a { color: #fff; display: block; padding: 4px 0; }
      main { padding: 16px 24px; }
      [data-test-id="thread-message"] { border: 1px solid #ddd; border-radius: 6px; padding: 8px; margin: 8px 0; }
      [data-message-type="COMMENT"] { background: #fef8f0; }`,
      nav: `<nav aria-label="Views">
      <a href="/help-desk/4411223/view/112233">Open tickets</a>
      <a href="/help-desk/4411223/view/112233/ticket/${id}">#${id} Login loop</a>
    </nav>`,
      main: `<main id="app"><section data-test-id="ticket-view" data-ticket-id="${id}"><h1 data-test-id="ticket-subject">Login loop after password reset</h1><p><span data-test-id="ticket-pipeline-stage">Waiting on us</span> · <span data-test-id="thread-channel" data-channel-id="1000">Chat</span> · Contact <span data-test-id="contact-name">${esc(names.customer)}</span> <span data-test-id="contact-email">lena.fischer@example.com</span> · Owner <span data-test-id="ticket-owner-name">${esc(names.agent)}</span></p>
${items.join('\n')}
</section></main>`,
    }),
  );
  bench('hubspot', 'https://app.hubspot.com', `https://app.hubspot.com/help-desk/4411223/view/112233/ticket/${id}`, `page-${id}.html`);
}

// ---------------------------------------------------------------------------------------------
// Kustomer (page): a chat conversation's timeline of messages and notes.
function kustomer() {
  const customerId = '5f0c0a1b2c3d4e5f60718250';
  const id = '65a1b2c3d4e5f60718293b00';
  const messages = conversation('2026-11-20T08:00:00Z', 'Maya');
  const names = { customer: 'Maya Cohen', agent: 'Alex Moreno', lead: 'Sam Okafor' };
  const items = messages.map((m) => {
    const itemId = `65a1b2c3d4e5f6071829${(0xb000 + m.i).toString(16)}`;
    const direction = m.role === 'internal' ? '' : m.role === 'customer' ? 'in' : 'out';
    return `<article data-testid="timeline-item" data-item-type="${m.role === 'internal' ? 'note' : 'message'}" data-item-id="${itemId}" data-direction="${direction}" data-auto="false"><strong data-testid="timeline-item-author">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${iso(m.ms)}">${iso(m.ms)}</time><div data-testid="timeline-item-body">${esc(m.text)}</div></article>`;
  });
  write(
    'kustomer',
    'page-long.html',
    pageHtml({
      title: 'Kustomer (fixture)',
      about: `/app/customers/${customerId}/event/${id}`,
      style: `      body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template-columns: 200px 1fr; min-height: 100vh; }
      nav { background: #1c1c3c; color: #fff; padding: 12px; }
      nav a { color: #fff; display: block; padding: 4px 0; }
      main { padding: 16px 24px; }
      [data-testid="timeline-item"] { border: 1px solid #ddd; border-radius: 6px; padding: 8px; margin: 8px 0; }
      [data-item-type="note"] { background: #fff8d6; }`,
      nav: `<nav aria-label="Queues">
      <a href="/app/search/all">All conversations</a>
      <a href="/app/customers/${customerId}/event/${id}">Maya: subscription</a>
    </nav>`,
      main: `<main id="app"><aside><h2 data-testid="customer-name">${esc(names.customer)}</h2><p data-testid="customer-email">maya.cohen@example.com</p></aside><section data-testid="conversation-timeline" data-conversation-id="${id}"><h1 data-testid="conversation-name">Subscription renewed twice</h1><p><span data-testid="conversation-status">open</span> · <span data-testid="conversation-channel" data-channel="chat">chat</span> · Assigned to <span data-testid="conversation-assignee">${esc(names.agent)}</span></p>
${items.join('\n')}
</section></main>`,
    }),
  );
  bench('kustomer', 'https://acme.kustomerapp.com', `https://acme.kustomerapp.com/app/customers/${customerId}/event/${id}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// LiveChat (page): one chat thread's events, with private (agents-only) messages as notes.
function livechat() {
  const id = 'L0NGCHAT50';
  const thread = 'K7L0NGTHR1';
  const messages = conversation('2026-11-21T08:00:00Z', 'Lee');
  const names = { customer: 'Lee Park', agent: 'Sam Okafor', lead: 'Dana Brooks' };
  const stamp = (ms) => iso(ms).replace('.000Z', '.000000Z');
  const items = messages.map(
    (m) =>
      `<div data-testid="chat-event" data-event-id="${thread}_${m.i + 1}" data-event-type="message" data-author-type="${m.role === 'customer' ? 'customer' : 'agent'}" data-visibility="${m.role === 'internal' ? 'agents' : 'all'}"><strong data-testid="event-author">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${stamp(m.ms)}">${stamp(m.ms)}</time> <span data-testid="event-text">${esc(m.text)}</span></div>`,
  );
  write(
    'livechat',
    `page-${id}.html`,
    pageHtml({
      title: 'LiveChat Agent App (fixture)',
      about: `/archives/${id}`,
      nav: `<nav aria-label="Chats">
      <a href="/home">Home</a>
      <a href="/archives/${id}">${esc(names.customer)}</a>
    </nav>`,
      main: `<main id="app">
      <section data-testid="chat-details" data-chat-id="${id}" data-source="chat_widget"><header><h1 data-testid="customer-name">${esc(names.customer)}</h1><span data-testid="customer-email">lee.park@example.org</span> · <span data-testid="chat-status">archived</span> · Agent <span data-testid="chat-agent-name">${esc(names.agent)}</span></header>
${items.join('\n')}
      </section>
    </main>`,
    }),
  );
  bench('livechat', 'https://my.livechatinc.com', `https://my.livechatinc.com/archives/${id}`, `page-${id}.html`);
}

// ---------------------------------------------------------------------------------------------
// Crisp (page): a chat session's messages, with notes.
function crisp() {
  const website = '8c842203-7ed8-4e29-a608-7cf78a7d2fcc';
  const id = 'session_5a0e1b2c-3d4e-4f50-8a61-b72c83d94e05';
  const messages = conversation('2026-11-22T08:00:00Z', 'Jun');
  const names = { customer: 'Jun Watanabe', agent: 'Sam Okafor', lead: 'Dana Brooks' };
  const items = messages.map(
    (m) =>
      `<div data-testid="message" data-fingerprint="${163239625000000 + m.i}" data-from="${m.role === 'customer' ? 'user' : 'operator'}" data-type="${m.role === 'internal' ? 'note' : 'text'}" data-origin="chat" data-automated="false"><strong data-testid="message-author">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${iso(m.ms)}">${iso(m.ms)}</time> <span data-testid="message-content">${esc(m.text)}</span></div>`,
  );
  write(
    'crisp',
    'page-long.html',
    pageHtml({
      title: 'Crisp Inbox (fixture)',
      about: `/website/${website}/inbox/${id}/`,
      nav: `<nav aria-label="Inbox"><a href="/website/${website}/inbox/">Inbox</a></nav>`,
      main: `<main id="app">
      <section data-testid="conversation" data-session-id="${id}" data-origin="chat"><header><h1 data-testid="conversation-subject">Export to CSV times out</h1><span data-testid="visitor-nickname">${esc(names.customer)}</span> <span data-testid="visitor-email">jun.watanabe@example.org</span> · <span data-testid="conversation-state">unresolved</span> · Assigned to <span data-testid="assigned-operator">${esc(names.agent)}</span></header>
${items.join('\n')}
      </section>
    </main>`,
    }),
  );
  bench('crisp', 'https://app.crisp.chat', `https://app.crisp.chat/website/${website}/inbox/${id}/`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// Salesforce (page): a Chat case whose feed holds messaging conversation entries and unpublished
// case comments (notes).
function salesforce() {
  const id = '500Hs00001XyZ50AAF';
  const messages = conversation('2026-11-23T08:00:00Z', 'Carla');
  const names = { customer: 'Carla Romero', agent: 'Sam Okafor', lead: 'Alex Moreno' };
  const field = (name, label, value) =>
    `<div data-target-selection-name="sfdc:RecordField.Case.${name}"><span class="test-id__field-label">${label}</span><span class="test-id__field-value">${esc(value)}</span></div>`;
  const items = messages.map((m) => {
    const head = `<strong data-feed-part="author">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${iso(m.ms)}">${iso(m.ms)}</time><div data-feed-part="body">${esc(m.text)}</div>`;
    if (m.role === 'internal') return `<article data-feed-item-id="00aHs0000${String(15000 + m.i).padStart(6, '0')}AAA" data-feed-type="CaseComment" data-published="false">${head}</article>`;
    return `<article data-feed-item-id="0Mw-entry-${m.i + 1}" data-feed-type="ConversationEntry" data-sender-role="${m.role === 'customer' ? 'EndUser' : 'Agent'}">${head}</article>`;
  });
  write(
    'salesforce',
    'page-long.html',
    pageHtml({
      title: 'Service Console | Salesforce (fixture)',
      about: `/lightning/r/Case/${id}/view`,
      style: `      body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template-columns: 200px 1fr; min-height: 100vh; }
      nav { background: #032d60; color: #fff; padding: 12px; }
      nav a { color: #fff; display: block; padding: 4px 0; }
      main { padding: 16px 24px; }
      [data-feed-item-id] { border: 1px solid #ddd; border-radius: 6px; padding: 8px; margin: 8px 0; }
      [data-published="false"] { background: #fff8d6; }
      .test-id__field-label { color: #666; margin-right: 6px; }`,
      nav: `<nav aria-label="Cases">
      <a href="/lightning/o/Case/list?filterName=Recent">Recent cases</a>
      <a href="/lightning/r/Case/${id}/view">00001500 Chat</a>
    </nav>`,
      main: `<main id="console"><div data-record-id="${id}">${[
        field('CaseNumber', 'Case Number', '00001500'),
        field('Subject', 'Subject', 'Chat: replacement charger never arrived'),
        field('Status', 'Status', 'Working'),
        field('Origin', 'Case Origin', 'Chat'),
        field('ContactId', 'Contact Name', names.customer),
        field('ContactEmail', 'Contact Email', 'carla.romero@example.com'),
        field('OwnerId', 'Case Owner', names.agent),
      ].join('')}<section aria-label="Case feed">
${items.join('\n')}
</section></div></main>`,
    }),
  );
  bench('salesforce', 'https://acme.lightning.force.com', `https://acme.lightning.force.com/lightning/r/Case/${id}/view`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// Re:amaze (page): an email conversation with internal notes (visibility 1).
function reamaze() {
  const slug = 'support-sync-keeps-failing';
  const messages = conversation('2026-11-24T08:00:00Z', 'Nora');
  const names = { customer: 'Nora Lind', agent: 'Ana Silva', lead: 'Dana Brooks' };
  const items = messages.map(
    (m) =>
      `<article data-testid="message" data-message-id="msg-${70000 + m.i}" data-origin="${m.role === 'customer' ? 'customer' : 'staff'}" data-visibility="${m.role === 'internal' ? 1 : 0}"><strong data-testid="message-author">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${isoSeconds(m.ms)}">${isoSeconds(m.ms)}</time> <div data-testid="message-body">${esc(m.text)}</div></article>`,
  );
  write(
    'reamaze',
    'page-long.html',
    pageHtml({
      title: 'Sync keeps failing · Re:amaze (fixture)',
      about: `/admin/conversations/${slug}`,
      nav: `<nav aria-label="Inbox"><a href="/admin/conversations">All conversations</a></nav>`,
      main: `<main id="app">
      <section data-testid="conversation" data-conversation-slug="${slug}" data-channel="email" data-status="0"><header><h1 data-testid="conversation-subject">Sync keeps failing</h1><span data-testid="customer-name">${esc(names.customer)}</span> <span data-testid="customer-email">nora.lind@example.org</span> · Assigned to <span data-testid="conversation-assignee">${esc(names.agent)}</span></header>
${items.join('\n')}
      </section>
    </main>`,
    }),
  );
  bench('reamaze', 'https://acme.reamaze.com', `https://acme.reamaze.com/admin/conversations/${slug}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// Dixa (page): an email conversation whose internal notes sit in the same timeline.
function dixa() {
  const id = '48500';
  const messages = conversation('2026-11-25T08:00:00Z', 'Omar');
  const names = { customer: 'Omar Haddad', agent: 'Jonas Weber', lead: 'Mira Chen' };
  const items = messages.map((m) => {
    const head = `<strong data-testid="item-author">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${isoSeconds(m.ms)}">${isoSeconds(m.ms)}</time> <div data-testid="item-body">${esc(m.text)}</div>`;
    if (m.role === 'internal') return `<article data-testid="timeline-item" data-kind="note" data-note-id="note-${9000 + m.i}">${head}</article>`;
    return `<article data-testid="timeline-item" data-kind="message" data-message-id="d4e5f6a7-${10000 + m.i}" data-direction="${m.role === 'customer' ? 'Inbound' : 'Outbound'}" data-automated="false">${head}</article>`;
  });
  write(
    'dixa',
    'page-long.html',
    pageHtml({
      title: 'Invoices missing VAT number · Dixa (fixture)',
      about: `/conversation/${id}`,
      nav: `<nav aria-label="Conversations"><a href="/">Inbox</a></nav>`,
      main: `<main id="app">
      <section data-testid="conversation-view" data-conversation-id="${id}" data-channel="Email" data-state="Open"><header><h1 data-testid="conversation-subject">Invoices missing VAT number</h1><span data-testid="requester-name">${esc(names.customer)}</span> <span data-testid="requester-email">omar.haddad@example.org</span> · Assignee <span data-testid="conversation-assignee">${esc(names.agent)}</span></header>
${items.join('\n')}
      </section>
    </main>`,
    }),
  );
  bench('dixa', 'https://acme.dixa.com', `https://acme.dixa.com/conversation/${id}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// Freshchat (page): a web chat with private notes (message_type private).
function freshchat() {
  const app = '236306003128395';
  const id = '720870712805000';
  const messages = conversation('2026-11-26T08:00:00Z', 'Kiran');
  const names = { customer: 'Kiran Rao', agent: 'Arjun Mehta', lead: 'Meera Das' };
  const items = messages.map(
    (m) =>
      `<article data-testid="message" data-message-id="f5a6b7c8-${20000 + m.i}" data-actor-type="${m.role === 'customer' ? 'user' : 'agent'}" data-message-type="${m.role === 'internal' ? 'private' : 'normal'}"><strong data-testid="message-actor">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${isoSeconds(m.ms)}">${isoSeconds(m.ms)}</time> <div data-testid="message-text">${esc(m.text)}</div></article>`,
  );
  write(
    'freshchat',
    'page-long.html',
    pageHtml({
      title: 'App crashes on login · Freshchat (fixture)',
      about: `/a/${app}/open/conversation/${id}`,
      nav: `<nav aria-label="Inbox"><a href="/a/${app}/inbox/0/0">All conversations</a></nav>`,
      main: `<main id="app">
      <section data-testid="conversation" data-conversation-id="${id}" data-source="web" data-status="assigned"><header><h1 data-testid="conversation-topic">App crashes on login</h1><span data-testid="user-name">${esc(names.customer)}</span> <span data-testid="user-email">kiran.rao@example.in</span> · Assigned to <span data-testid="assigned-agent">${esc(names.agent)}</span></header>
${items.join('\n')}
      </section>
    </main>`,
    }),
  );
  bench('freshchat', 'https://acme.freshchat.com', `https://acme.freshchat.com/a/${app}/open/conversation/${id}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// Gladly (page): an email conversation in a customer's profile, with conversation notes.
function gladly() {
  const customerId = 'cu500LongFixtureCust01';
  const id = 'Lg500convLongFixture01';
  const messages = conversation('2026-11-27T08:00:00Z', 'Ines');
  const names = { customer: 'Ines Duarte', agent: 'Ana Silva', lead: 'Dana Brooks' };
  const items = messages.map(
    (m) =>
      `<article data-testid="timeline-item" data-item-id="it-long-${30000 + m.i}" data-content-type="${m.role === 'internal' ? 'CONVERSATION_NOTE' : 'EMAIL'}" data-initiator-type="${m.role === 'customer' ? 'CUSTOMER' : 'AGENT'}"><strong data-testid="item-initiator">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${isoSeconds(m.ms)}">${isoSeconds(m.ms)}</time> <div data-testid="item-content">${esc(m.text)}</div></article>`,
  );
  write(
    'gladly',
    'page-long.html',
    pageHtml({
      title: 'Ines Duarte · Gladly (fixture)',
      about: `/customer/${customerId}/conversation/${id}`,
      nav: `<aside aria-label="Customer details"><h2 data-testid="customer-name">${esc(names.customer)}</h2><p data-testid="customer-email">ines.duarte@example.org</p></aside>`,
      main: `<main id="app">
      <section data-testid="conversation-timeline" data-conversation-id="${id}" data-status="OPEN"><header>Topics: <span data-testid="conversation-topic">Account access</span> · Assigned to <span data-testid="conversation-assignee">${esc(names.agent)}</span></header>
${items.join('\n')}
      </section>
    </main>`,
    }),
  );
  bench('gladly', 'https://acme.gladly.com', `https://acme.gladly.com/customer/${customerId}/conversation/${id}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// tawk.to (page): a long chat, with whispers (agent-only messages).
function tawkTo() {
  const property = '5e52b5a2a89cda5a1887877e';
  const id = 'c4b9e0f2-7a1d-11ee-9b3c-0242ac120500';
  const messages = conversation('2026-11-28T08:00:00Z', 'Tomas');
  const names = { customer: 'Tomas Novak', agent: 'Ben Cho', lead: 'Meera Das' };
  const items = messages.map(
    (m) =>
      `<div data-testid="chat-message" data-message-id="c4b9-0500-${m.i + 1}" data-sender-type="${m.role === 'customer' ? 'visitor' : 'agent'}" data-message-type="${m.role === 'internal' ? 'whisper' : 'msg'}"><strong data-testid="sender-name">${esc(m.role === 'customer' ? names.customer : m.lead ? names.lead : names.agent)}</strong> <time datetime="${isoSeconds(m.ms)}">${isoSeconds(m.ms)}</time> <p data-testid="message-text">${esc(m.text)}</p></div>`,
  );
  write(
    'tawk-to',
    'page-long.html',
    pageHtml({
      title: 'Tomas Novak · tawk.to (fixture)',
      about: `#/inbox/${property}/all/chat/${id}`,
      nav: `<nav aria-label="Inbox"><a href="#/inbox/${property}/all">All chats</a></nav>`,
      main: `<main id="app">
      <section data-testid="chat-view" data-chat-id="${id}" data-chat-status="ongoing"><header><h1><span data-testid="visitor-name">${esc(names.customer)}</span></h1><span data-testid="visitor-email">tomas.novak@example.org</span> · Answered by <span data-testid="chat-agent">${esc(names.agent)}</span></header>
${items.join('\n')}
      </section>
    </main>`,
    }),
  );
  bench('tawk-to', 'https://dashboard.tawk.to', `https://dashboard.tawk.to/#/inbox/${property}/all/chat/${id}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// Outlook on the web (page): a long mail thread in the reading pane (mail has no internal notes).
function outlook() {
  const id = 'AAQkAGI2TGuLONG0';
  const messages = conversation('2026-11-29T08:00:00Z', 'Leo', { notes: false });
  const names = { customer: 'Leo Martin', agent: 'Ana Silva' };
  const items = messages.map((m) => {
    const from = m.role === 'customer' ? `${names.customer} &lt;leo.martin@example.org&gt;` : `${names.agent} &lt;support@acme.example&gt;`;
    return `<div aria-label="Email message"><span aria-label="From: ${m.role === 'customer' ? names.customer : names.agent}">${from}</span> <time datetime="${isoSeconds(m.ms)}">${isoSeconds(m.ms)}</time> <div aria-label="Message body">${esc(m.text)}</div></div>`;
  });
  write(
    'outlook',
    'page-long.html',
    pageHtml({
      title: 'Mail - Ana Silva - Outlook (fixture)',
      about: `/mail/inbox/id/${encodeURIComponent(id)}`,
      nav: `<header><span id="mectrl_currentAccount_primary">${names.agent}</span> <span id="mectrl_currentAccount_secondary">support@acme.example</span></header>
    <div role="listbox" aria-label="Message list"><a role="option" data-convid="${id}" aria-selected="true" href="/mail/inbox/id/${encodeURIComponent(id)}">${names.customer}</a></div>`,
      main: `<main aria-label="Reading Pane"><div role="heading" aria-level="2">Backup restore fails halfway</div>
${items.join('\n')}
    </main>`,
    }),
  );
  bench('outlook', 'https://outlook.office.com', `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(id)}`, 'page-long.html');
}

// ---------------------------------------------------------------------------------------------
// ServiceNow (Table API): a case whose description is the first message and whose journal holds the
// other 499 (comments and work notes), paged by 100 the way the adapter asks for them.
function servicenow() {
  const id = 'a1b2c3d4e5f60718293a4b5c6d7e8f99';
  const [first, ...rest] = conversation('2026-11-30T08:00:00Z', 'Omar');
  const stamp = (ms) => iso(ms).replace('T', ' ').replace('.000Z', '');
  const field = (value, display = value) => ({ value, display_value: display });
  write('servicenow', `api/record-${id}.json`, {
    result: {
      number: field('CS0001500'),
      short_description: field('Bulk import stops at row 1200'),
      description: field(first.text),
      state: field('10', 'Open'),
      contact_type: field('email', 'Email'),
      contact: field('c0ffee00000000000000000000000006', 'Omar Haddad'),
      opened_by: field('c0ffee00000000000000000000000006', 'Omar Haddad'),
      assigned_to: field('c0ffee00000000000000000000000002', 'Jonas Weber'),
      sys_created_on: field(stamp(first.ms)),
    },
  });
  const entries = rest.map((m) => ({
    sys_id: `e9${String(m.i).padStart(30, '0')}`,
    element: m.role === 'internal' ? 'work_notes' : 'comments',
    value: m.text,
    sys_created_on: stamp(m.ms),
    sys_created_by: m.role === 'customer' ? 'omar.haddad' : m.lead ? 'mira.chen' : 'jonas.weber',
  }));
  pages(entries, 100).forEach((page, n) => write('servicenow', `api/journal-${id}-${n * 100}.json`, { result: page }));
  bench('servicenow', 'https://acme.service-now.com', `https://acme.service-now.com/now/cwf/agent/record/sn_customerservice_case/${id}`, 'page-workspace.html');
}

const MAKERS = [freshdesk, zohoDesk, gorgias, intercom, helpScout, front, gmail, hubspot, kustomer, livechat, crisp, salesforce, reamaze, dixa, freshchat, gladly, tawkTo, outlook, servicenow];
for (const make of MAKERS) make();
console.log(`Wrote ${written.length} files: ${TOTAL}-message conversations for ${MAKERS.length} helpdesks (${NOTES.length} internal notes each, none in Gmail and Outlook).`);

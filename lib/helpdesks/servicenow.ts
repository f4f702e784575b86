import type { Channel } from '../schemas/common';
import type { MessageRole, TicketContext, TranscriptMessage } from '../schemas/ticket';
import { TICKET_LIMITS as LIMITS } from '../schemas/ticket-limits';
import { apiThenPage, cleanText, clip, defineHelpdesk, getJson, ownValue, type ReadContext, type TicketRef } from './define-helpdesk';

/**
 * ServiceNow Customer Service Management: cases (`sn_customerservice_case`) and incidents, opened
 * in the CSM Configurable Workspace, the Service Operations Workspace, the older Agent Workspace or
 * the classic form. Every one of those reads the instance's own REST Table API on the same origin
 * with the session cookie and the `X-UserToken` the page holds (`g_ck`), so the adapter does the
 * same: the record, its journal (comments and work notes) and the users who wrote it. Workspaces
 * draw records deep inside shadow roots, so the page is only a fallback on the classic form.
 */
const HOST = /^[a-z0-9][a-z0-9-]{0,62}\.(?:service-now|servicenowservices)\.com$/;
const TABLES = new Set(['sn_customerservice_case', 'incident']);
const SYS_ID = /^[0-9a-f]{32}$/;
/** `/now/<workspace…>/record/<table>/<sys_id>[/params/…]`: sow, cwf/agent, workspace/agent and others. */
const WORKSPACE_RECORD = /^\/now\/(?:[a-z0-9_-]{1,40}\/){1,4}record\/([a-z0-9_]{1,80})\/([0-9a-fA-F]{32})(?:\/.*)?$/;
/** The classic form inside Next Experience's frame: `/now/nav/ui/classic/params/target/<encoded form URL>`. */
const CLASSIC_TARGET = /^\/now\/nav\/ui\/classic\/params\/target\/(.+)$/;
/** Journal entries asked for per request, and requests at most. */
const PAGE = 100;
const MAX_PAGES = 50;
/** Authors whose names are looked up at most (one request). */
const MAX_USERS = 100;

/** A Table API field read with `sysparm_display_value=all`. */
interface Field {
  value?: string | null;
  display_value?: string | null;
}
type TaskRecord = Partial<Record<'number' | 'short_description' | 'description' | 'state' | 'contact_type' | 'contact' | 'caller_id' | 'opened_by' | 'assigned_to' | 'sys_created_on', Field>>;
interface JournalEntry {
  sys_id: string;
  element: 'comments' | 'work_notes' | string;
  value?: string | null;
  sys_created_on?: string | null;
  sys_created_by?: string | null;
}
interface SysUser {
  sys_id: string;
  user_name: string;
  name?: string | null;
  email?: string | null;
}

/** `contact_type` (how the case or incident came in), grouped into the channels QA teams report on. */
const CONTACT_TYPES: Record<string, Channel> = {
  email: 'email',
  web: 'email',
  'self-service': 'email',
  chat: 'chat',
  virtual_agent: 'chat',
  phone: 'voice',
  social: 'social',
  sms: 'messaging',
  whatsapp: 'messaging',
};

export function servicenowChannel(contactType: string | null | undefined): Channel {
  return ownValue(CONTACT_TYPES, contactType, 'other');
}

/** The record a URL opens, from the forms of URL every ServiceNow interface uses, or null. */
function recordOf(url: URL): { table: string; sysId: string } | null {
  const workspace = WORKSPACE_RECORD.exec(url.pathname);
  if (workspace?.[1] && workspace[2]) return checked(workspace[1], workspace[2]);
  const target = CLASSIC_TARGET.exec(url.pathname)?.[1];
  if (target) return classicForm(safeDecode(target), url.origin);
  if (url.pathname === '/nav_to.do') return classicForm(url.searchParams.get('uri') ?? '', url.origin);
  return classicForm(`${url.pathname}${url.search}`, url.origin);
}

/** `/<table>.do?sys_id=<sys_id>`, the classic form (also as `nav_to.do`'s `uri`, with or without its slash). */
function classicForm(form: string, origin: string): { table: string; sysId: string } | null {
  let url: URL;
  try {
    url = new URL(form.startsWith('/') ? form : `/${form}`, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const table = /^\/([a-z0-9_]{1,80})\.do$/.exec(url.pathname)?.[1];
  return table ? checked(table, url.searchParams.get('sys_id') ?? '') : null;
}

function checked(table: string, rawId: string): { table: string; sysId: string } | null {
  const sysId = rawId.toLowerCase();
  return TABLES.has(table) && SYS_ID.test(sysId) ? { table, sysId } : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/**
 * The session's CSRF token, which ServiceNow's own pages send as `X-UserToken`: classic pages set
 * `var g_ck = '…'` and Next Experience pages `window.g_ck = '…'` in an inline script.
 */
export function pageToken(document: Document): string | null {
  for (const script of document.querySelectorAll('script:not([src])')) {
    const token = /\bg_ck\s*=\s*['"]([A-Za-z0-9]{16,128})['"]/.exec(script.textContent ?? '')?.[1];
    if (token) return token;
  }
  return null;
}

/** ServiceNow's UTC `yyyy-MM-dd HH:mm:ss` as ISO 8601; other text unchanged. */
function isoTime(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
}

const shown = (field: Field | undefined) => cleanText(field?.display_value ?? field?.value);

async function readFromApi(ref: TicketRef, context: ReadContext): Promise<TicketContext> {
  const record = recordOf(new URL(ref.url));
  if (!record) throw new Error('the ticket URL names no case or incident');
  const token = pageToken(context.document);
  const options = token ? { headers: { 'X-UserToken': token } } : {};
  const fields = 'number,short_description,description,state,contact_type,contact,caller_id,opened_by,assigned_to,sys_created_on';
  const { result: task } = await getJson<{ result: TaskRecord }>(
    context,
    `/api/now/table/${record.table}/${record.sysId}?sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_fields=${fields}`,
    'ServiceNow',
    options,
  );
  const entries: JournalEntry[] = [];
  let unread = false;
  for (let page = 0; ; page++) {
    if (page === MAX_PAGES || entries.length >= LIMITS.messages - 1) {
      unread = true;
      break;
    }
    const query = encodeURIComponent(`element_id=${record.sysId}^elementINcomments,work_notes^ORDERBYsys_created_on`);
    const path = `/api/now/table/sys_journal_field?sysparm_query=${query}&sysparm_fields=sys_id,element,value,sys_created_on,sys_created_by&sysparm_limit=${PAGE}&sysparm_offset=${page * PAGE}`;
    const { result = [] } = await getJson<{ result?: JournalEntry[] }>(context, path, 'ServiceNow', options);
    for (const entry of result) entries.push(entry);
    if (result.length < PAGE) break;
  }
  const names = [...new Set(entries.map((e) => e.sys_created_by).filter((n): n is string => !!n))].slice(0, MAX_USERS);
  const users = new Map<string, SysUser>();
  if (names.length) {
    const query = encodeURIComponent(`user_nameIN${names.join(',')}`);
    const { result = [] } = await getJson<{ result?: SysUser[] }>(context, `/api/now/table/sys_user?sysparm_query=${query}&sysparm_fields=sys_id,user_name,name,email&sysparm_limit=${MAX_USERS}`, 'ServiceNow', options);
    for (const user of result) users.set(user.user_name, user);
  }
  const customerField = record.table === 'incident' ? task.caller_id : task.contact;
  const customerId = customerField?.value ?? '';
  const customerName = shown(customerField);
  const role = (entry: JournalEntry, user: SysUser | undefined): MessageRole => {
    if (entry.element === 'work_notes') return 'internal';
    if (user && customerId && user.sys_id === customerId) return 'customer';
    // Inbound actions, flows and Virtual Agent write as `system` or as no user the instance knows.
    return !user || entry.sys_created_by === 'system' ? 'bot' : 'agent';
  };
  const description = cleanText(task.description?.value);
  const opener = task.opened_by?.value ?? '';
  const messages: TranscriptMessage[] = [
    ...(description
      ? [
          {
            id: clip(`${record.sysId}:description`),
            author: clip((opener === customerId ? customerName : shown(task.opened_by)) || customerName || 'ServiceNow'),
            role: (opener && opener === customerId) || !opener ? ('customer' as const) : ('agent' as const),
            ...(task.sys_created_on?.value ? { at: clip(isoTime(task.sys_created_on.value) ?? '') } : {}),
            text: clip(description, LIMITS.messageChars),
          },
        ]
      : []),
    ...entries.slice(0, LIMITS.messages - (description ? 1 : 0)).map((entry): TranscriptMessage => {
      const user = users.get(entry.sys_created_by ?? '');
      const at = isoTime(entry.sys_created_on);
      return {
        id: clip(entry.sys_id),
        author: clip(cleanText(user?.name) || entry.sys_created_by || 'ServiceNow'),
        role: role(entry, user),
        ...(at ? { at: clip(at) } : {}),
        text: clip(cleanText(entry.value), LIMITS.messageChars),
      };
    }),
  ];
  const customerUser = [...users.values()].find((u) => u.sys_id === customerId);
  const agent = shown(task.assigned_to);
  return {
    ...ref,
    channel: servicenowChannel(task.contact_type?.value),
    subject: clip(shown(task.short_description)),
    status: clip(shown(task.state)),
    customer: customerName ? { name: clip(customerName), ...(customerUser?.email ? { email: clip(customerUser.email) } : {}) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages,
    complete: true,
    ...(unread ? { problem: `Read the first ${messages.length} entries only: the rest of the activity was not read.` } : {}),
  };
}

/** The classic form's fields, by the element ids ServiceNow gives them (`<table>.<field>`). */
function readFromPage(ref: TicketRef, document: Document, problem: string): TicketContext {
  const table = recordOf(new URL(ref.url))?.table ?? '';
  const value = (id: string) => {
    const element = document.getElementById(id);
    if (element instanceof HTMLSelectElement) return cleanText(element.selectedOptions[0]?.textContent);
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return cleanText(element.value);
    return cleanText(element?.textContent);
  };
  const customer = value(`sys_display.${table}.${table === 'incident' ? 'caller_id' : 'contact'}`);
  const agent = value(`sys_display.${table}.assigned_to`);
  const description = value(`${table}.description`);
  return {
    ...ref,
    channel: servicenowChannel(value(`${table}.contact_type`).toLowerCase()),
    subject: clip(value(`${table}.short_description`)),
    status: clip(value(`${table}.state`)),
    customer: customer ? { name: clip(customer) } : null,
    agent: agent ? { name: clip(agent) } : null,
    messages: description ? [{ id: clip(`${ref.ticketId}:description`), author: clip(customer || 'ServiceNow'), role: 'customer', text: clip(description, LIMITS.messageChars) }] : [],
    // The activity stream is not read from the page: only the API gives every comment and note.
    complete: false,
    problem: clip(`${problem} Comments and work notes were not read.`),
  };
}

export default defineHelpdesk({
  id: 'servicenow',
  label: 'ServiceNow',
  // Workspaces are single-page apps under /now/; classic forms are pages of their own.
  matches: ['service-now', 'servicenowservices'].flatMap((domain) =>
    ['/now/*', '/nav_to.do*', '/sn_customerservice_case.do*', '/incident.do*'].map((path) => `https://*.${domain}.com${path}`),
  ),
  ticketFromUrl(url) {
    if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.port) return null;
    const record = recordOf(url);
    return record ? { helpdesk: 'servicenow', ticketId: record.sysId, url: `${url.origin}/${record.table}.do?sys_id=${record.sysId}` } : null;
  },
  readTicket: apiThenPage(readFromApi, readFromPage, 'the Table API'),
  testUrls: {
    tickets: [
      'https://acme.service-now.com/now/cwf/agent/record/sn_customerservice_case/a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'https://acme.service-now.com/now/sow/record/incident/0f1e2d3c4b5a69788796a5b4c3d2e1f0/params/selected-tab-index/1',
      'https://acme.service-now.com/now/workspace/agent/record/sn_customerservice_case/A1B2C3D4E5F60718293A4B5C6D7E8F91',
      'https://acme.service-now.com/sn_customerservice_case.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f92&sysparm_view=case',
      'https://acme.service-now.com/incident.do?sys_id=0f1e2d3c4b5a69788796a5b4c3d2e1f1',
      'https://acme.service-now.com/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D0f1e2d3c4b5a69788796a5b4c3d2e1f2',
      'https://acme.service-now.com/nav_to.do?uri=sn_customerservice_case.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f93',
      'https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D0f1e2d3c4b5a69788796a5b4c3d2e1f3%26sysparm_view%3D',
      'https://agency.servicenowservices.com/now/sow/record/incident/0f1e2d3c4b5a69788796a5b4c3d2e1f4',
    ],
    nonTickets: [
      'https://acme.service-now.com/now/sow/home',
      'https://acme.service-now.com/now/sow/list/params/list-id/abc123/tiny-id/xyz',
      'https://acme.service-now.com/now/cwf/agent/home',
      'https://acme.service-now.com/now/sow/record/incident/-1_uid_1/params/query/short_description%3Dx',
      'https://acme.service-now.com/incident.do?sys_id=-1',
      'https://acme.service-now.com/incident_list.do?sysparm_query=active%3Dtrue',
      'https://acme.service-now.com/sn_customerservice_case_list.do',
      'https://acme.service-now.com/now/sow/record/change_request/a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'https://acme.service-now.com/change_request.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'https://acme.service-now.com/now/nav/ui/classic/params/target/incident_list.do%3Fsysparm_query%3Dstate%253D1',
      'https://acme.service-now.com/nav_to.do?uri=https%3A%2F%2Fevil.example%2Fincident.do%3Fsys_id%3Da1b2c3d4e5f60718293a4b5c6d7e8f90',
      'https://acme.service-now.com/api/now/table/incident/a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'http://acme.service-now.com/incident.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'https://acme.service-now.com.evil.example/incident.do?sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90',
    ],
  },
});

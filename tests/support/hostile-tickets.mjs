// Hostile twins of the helpdesk fixtures, built from the XSS corpus: for each helpdesk, its first
// browser-test ticket with every text the adapter reads of it (subject, agent, customer name and
// email, each message's text) swapped for a corpus payload, wherever that text appears in what the
// fixture server sends (snapshot pages, API JSON, app shells). One rule for all helpdesks: the
// fixture's expectations file says what the adapter reads, so the twin needs no page of its own.
//
// A payload goes in as the helpdesk would send what a customer typed: escaped as text in HTML,
// a plain JSON string in JSON (escaped as text too where that string is itself HTML). Inline
// scripts of app shells are left alone. What the adapter should then read is the expectations file
// with the same swaps made.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XSS_PAYLOADS } from '../fixtures/hostile/xss-payloads.mjs';

const TEXT_PAYLOADS = XSS_PAYLOADS.filter((p) => !p.email);
const EMAIL_PAYLOADS = XSS_PAYLOADS.filter((p) => p.email);

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The original as a fixture may hold it: as is or escaped as HTML, with any run of white space (or tags) where it has one. */
function originalPattern(original) {
  const minimal = original.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const forms = [...new Set([original, minimal, escapeHtml(original), minimal.replace(/'/g, '&#39;'), minimal.replace(/"/g, '&quot;')])];
  // Where the text has white space, the markup may have tags instead (`Hi,\n\nthe…` is `<p>Hi,</p><p>the…`).
  return new RegExp(forms.map((form) => form.split(/\s+/).map(escapeRegExp).join('(?:\\s|<[^<>]*>)+')).join('|'), 'g');
}
/** Every file a helpdesk's fixture routes may send (not what the tests expect of them). */
const servedFiles = (folder) =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'expected' ? [] : servedFiles(path);
    return name === 'browser.json' || name === 'bench.json' ? [] : [readFileSync(path, 'utf8')];
  });

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/**
 * Whether a JSON string is itself HTML (an email's HTML body), by its field's name and its markup:
 * `html_body`, `HtmlBody`, or a `body`/`content` with tags that is not a `body_text`/`TextBody`.
 * A name such as "Lee <b>Park</b>" is text, whatever it holds.
 */
const isHtmlField = (key, text) =>
  /html/i.test(key) || (/body|content/i.test(key) && !/text|plain/i.test(key) && /<\/?(p|div|br|span|b|i|a|img|table|tr|td|ul|ol|li|blockquote|strong|em|h[1-6])\b[^>]*>/i.test(text));

/**
 * Every string in a JSON value, mapped. A name the API splits (`first_name`, `lastName`…) is
 * mapped whole: joined with a space, swapped, and split again at the first space.
 */
function mapStrings(value, map, key = '') {
  if (typeof value === 'string') return map(value, key);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map, key));
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map, k)]));
  const first = Object.keys(value).find((k) => /^first(_?name)?$/i.test(k));
  const last = Object.keys(value).find((k) => /^last(_?name)?$/i.test(k));
  if (first && last && typeof value[first] === 'string' && typeof value[last] === 'string') {
    const whole = `${value[first]} ${value[last]}`;
    const swapped = map(whole, '');
    if (swapped !== whole) {
      const space = swapped.indexOf(' ');
      out[first] = space < 0 ? swapped : swapped.slice(0, space);
      out[last] = space < 0 ? '' : swapped.slice(space + 1);
    }
  }
  return out;
}

/**
 * The hostile twin of each helpdesk's first browser ticket. Payloads go round the corpus, starting
 * further on for each helpdesk, so every payload lands in several helpdesks and several kinds of field.
 * @param {string} fixtures the helpdesk fixtures folder
 */
export function hostileTickets(fixtures) {
  const tickets = new Map();
  const ids = readdirSync(fixtures).sort();
  ids.forEach((id, index) => {
    const { url, ticketId } = JSON.parse(readFileSync(join(fixtures, id, 'browser.json'), 'utf8')).tickets[0];
    const expected = readdirSync(join(fixtures, id, 'expected'))
      .map((file) => JSON.parse(readFileSync(join(fixtures, id, 'expected', file), 'utf8')))
      .find((read) => read.ticketId === ticketId);
    if (!expected) throw new Error(`tests/fixtures/helpdesks/${id}/expected/ has no file for ticket ${ticketId}, the first of its browser.json.`);
    const fields = [
      ['subject', expected.subject],
      ['agent', expected.agent?.name],
      ['customer', expected.customer?.name],
      ['email', expected.customer?.email],
      ...expected.messages.map((m, i) => [`message ${i + 1}`, m.text]),
    ].filter(([, original]) => original);
    // Only texts the fixtures hold are swapped; a subject the adapter makes up ("Chat with …") changes through the names in it.
    const files = servedFiles(join(fixtures, id));
    const held = fields.filter(([, original]) => files.some((text) => originalPattern(original).test(text) || text.includes(JSON.stringify(original).slice(1, -1))));
    let next = index * 7;
    const payloadFor = (field) => (field === 'email' ? EMAIL_PAYLOADS[index % EMAIL_PAYLOADS.length] : TEXT_PAYLOADS[next++ % TEXT_PAYLOADS.length]);
    const swaps = held.map(([field, original]) => ({ field, original, pattern: originalPattern(original), payload: payloadFor(field) }));
    // Longest first, so a message that quotes the customer's name is swapped whole.
    swaps.sort((a, b) => b.original.length - a.original.length);
    const swap = (text, encode) => swaps.reduce((out, s) => out.replace(s.pattern, () => encode(s.payload.text)), text);
    tickets.set(id, {
      helpdesk: id,
      url,
      ticketId,
      swaps,
      /** What the adapter should read of the twin: its expectations with the same swaps. */
      expected: mapStrings(expected, (text) => swap(text, (p) => p)),
      /** A response body of this helpdesk's fixture routes, with the swaps made. */
      rewrite(body, type) {
        if (/json/.test(type)) {
          return JSON.stringify(mapStrings(JSON.parse(body), (text, key) => swap(text, isHtmlField(key, text) ? escapeHtml : (p) => p)));
        }
        if (/html/.test(type)) {
          // Inline scripts of app shells are code, not text: left as they are.
          return body.split(/(<script\b[\s\S]*?<\/script>)/i).map((part, i) => (i % 2 ? part : swap(part, escapeHtml))).join('');
        }
        return body;
      },
    });
  });
  return tickets;
}

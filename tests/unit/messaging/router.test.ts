import { createRequestRouter, type RequestHandlers } from '@/lib/messaging/router';
import type { RequestOf } from '@/lib/messaging/contracts';
import { ticket } from '../db/factories';

const options = { extensionId: 'qa-lens-id', extensionOrigin: 'chrome-extension://qa-lens-id/' };
const contentScript = { id: 'qa-lens-id', url: 'https://acme.zendesk.com/agent/tickets/1001', tab: { id: 7 } };
const panelPage = { id: 'qa-lens-id', url: 'chrome-extension://qa-lens-id/panel.html', tab: { id: 7 } };

const unanswered = async (): Promise<never> => {
  throw new Error('not part of this test');
};

function recordingHandlers() {
  const calls: { name: string; payload: unknown; tabId: number | undefined }[] = [];
  const handlers: RequestHandlers = {
    async 'ticket/observed'(payload, context) {
      calls.push({ name: 'ticket/observed', payload, tabId: context.tabId });
      return { layout: { width: 400, open: true } };
    },
    async 'panel/layout'() {
      return { ok: true };
    },
    async 'site/config'() {
      return null;
    },
    async 'panel/hello'(_payload, context) {
      return { tabId: context.tabId ?? -1, ticket: null };
    },
    async 'panel/close'() {
      throw new Error('The tab is gone.');
    },
    async 'reminders/refresh'() {
      return { ok: true };
    },
    'team/join': unanswered,
    'team/leave': unanswered,
    'team/status': unanswered,
    'team/dismiss-rejected': unanswered,
    async 'team/sync'(payload) {
      calls.push({ name: 'team/sync', payload, tabId: undefined });
      return { ok: true };
    },
  };
  return { calls, route: createRequestRouter(handlers, options) };
}

describe('the request router', () => {
  it('hands a valid request from the right sender to its handler, parsed', async () => {
    const { calls, route } = recordingHandlers();
    expect(await route({ type: 'ticket/observed', payload: { ticket } }, contentScript)).toEqual({ ok: true, data: { layout: { width: 400, open: true } } });
    expect(calls).toEqual([{ name: 'ticket/observed', payload: { ticket }, tabId: 7 }]);
    expect(await route({ type: 'panel/hello', payload: {} }, panelPage)).toEqual({ ok: true, data: { tabId: 7, ticket: null } });
  });

  it.each([
    ['not an envelope', 'hello', contentScript, /Not a QA Lens message/],
    ['an unknown type', { type: 'evaluations/delete-all', payload: {} }, panelPage, /Unknown message type "evaluations\/delete-all"/],
    ['a prototype key as type', { type: 'constructor', payload: {} }, panelPage, /Unknown message type/],
    ['a page-only request from a content script', { type: 'panel/hello', payload: {} }, contentScript, /not accepted from this sender/],
    ['a reminder refresh from a content script', { type: 'reminders/refresh', payload: {} }, contentScript, /not accepted from this sender/],
    ['a helpdesk page asking to join a team', { type: 'team/join', payload: { serverUrl: 'https://evil.example', inviteCode: 'stolen-code' } }, contentScript, /not accepted from this sender/],
    ['a helpdesk page asking to sync', { type: 'team/sync', payload: {} }, contentScript, /not accepted from this sender/],
    ['a join with no invite code', { type: 'team/join', payload: { serverUrl: 'https://qa.example.com', inviteCode: '  ' } }, panelPage, /Invalid "team\/join" request: inviteCode/],
    ['a content request from an extension page', { type: 'ticket/observed', payload: { ticket: null } }, panelPage, /not accepted from this sender/],
    ['another extension', { type: 'ticket/observed', payload: { ticket: null } }, { ...contentScript, id: 'someone-else' }, /not accepted/],
    ['a sender with no tab and no extension url', { type: 'ticket/observed', payload: { ticket: null } }, { id: 'qa-lens-id' }, /not accepted/],
    ['a ticket with a bad channel', { type: 'ticket/observed', payload: { ticket: { ...ticket, channel: 'fax' } } }, contentScript, /Invalid "ticket\/observed" request: ticket\.channel/],
    ['a panel wider than the limit', { type: 'panel/layout', payload: { width: 5000 } }, contentScript, /Invalid "panel\/layout" request: width/],
    ['a huge transcript', { type: 'ticket/observed', payload: { ticket: { ...ticket, messages: Array.from({ length: 5001 }, (_, i) => ({ id: String(i), author: 'x', role: 'customer', text: 'x' })) } } }, contentScript, /ticket\.messages/],
  ])('rejects %s with a clear error and calls no handler', async (_case, message, sender, error) => {
    const { calls, route } = recordingHandlers();
    const reply = await route(message, sender);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(error);
    expect(calls).toEqual([]);
  });

  it('turns a handler failure into an error reply', async () => {
    const { route } = recordingHandlers();
    expect(await route({ type: 'panel/close', payload: {} }, panelPage)).toEqual({ ok: false, error: 'The tab is gone.' });
  });

  it('types requests from the contract', () => {
    const valid: RequestOf<'ticket/observed'> = { ticket: null };
    // @ts-expect-error a ticket/observed request needs a ticket (or null)
    const missing: RequestOf<'ticket/observed'> = {};
    // @ts-expect-error channels are a closed list
    const wrongChannel: RequestOf<'ticket/observed'> = { ticket: { ...ticket, channel: 'fax' } };
    expect([valid, missing, wrongChannel]).toHaveLength(3);
  });
});

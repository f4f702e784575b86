import { describe, expect, it } from 'vitest';
import { previewCsvImport, type CsvImportContext } from '../../../lib/imports/preview-csv-import';
import { DEFAULT_ROOT_CAUSES } from '../../../lib/schemas';

let ids = 0;
const context: CsvImportContext = {
  scorecards: [],
  rootCauses: DEFAULT_ROOT_CAUSES,
  now: Date.UTC(2025, 5, 1),
  newId: () => `id-${++ids}`,
  storedEvaluationIds: async () => new Set(),
};

async function tickets(text: string) {
  const result = await previewCsvImport('tickets', text, context);
  if (result.kind !== 'tickets') throw new Error('wrong kind');
  return result.preview;
}

async function kpis(text: string) {
  const result = await previewCsvImport('kpis', text, context);
  if (result.kind !== 'kpis') throw new Error('wrong kind');
  return result.preview;
}

describe('ticket lists exported from a helpdesk', () => {
  const file = [
    'Ticket ID,Link,Via,Assignee,Created at,Satisfaction',
    '1001,https://acme.zendesk.com/agent/tickets/1001,Email,Sam Okafor,2025-03-10T09:00:00Z,5',
    '1002,https://acme.zendesk.com/agent/tickets/1002,Live chat,Ana Agent,2025-03-11,',
  ].join('\r\n');

  it('maps the helpdesk\'s column names and reads each ticket, its helpdesk from the URL', async () => {
    const preview = await tickets(file);
    expect(preview.rejected).toEqual([]);
    expect(preview.mapping.map((m) => m.field)).toEqual(['ticket_id', 'url', 'channel', 'agent', 'created', 'csat']);
    expect(preview.accepted.map((r) => r.ticket)).toEqual([
      { key: 'zendesk:1001', helpdesk: 'zendesk', ticketId: '1001', url: 'https://acme.zendesk.com/agent/tickets/1001', channel: 'email', agent: 'Sam Okafor', createdAt: Date.UTC(2025, 2, 10, 9), complexity: null, reopened: null, complaint: null, importedAt: context.now },
      { key: 'zendesk:1002', helpdesk: 'zendesk', ticketId: '1002', url: 'https://acme.zendesk.com/agent/tickets/1002', channel: 'chat', agent: 'Ana Agent', createdAt: Date.UTC(2025, 2, 11), complexity: null, reopened: null, complaint: null, importedAt: context.now },
    ]);
  });

  it('turns a CSAT answer into a ticket KPI record, and no answer into none', async () => {
    const [first, second] = (await tickets(file)).accepted;
    expect(first?.kpi).toMatchObject({ scope: 'ticket', ticketKey: 'zendesk:1001', agent: 'Sam Okafor', kpis: { csat: 5 }, source: 'import' });
    expect(second?.kpi).toBeNull();
  });

  it.each([
    ['an unknown channel', '1003,https://acme.zendesk.com/agent/tickets/1003,Carrier pigeon,,,', /unknown channel "Carrier pigeon"/],
    ['a CSAT out of range', '1003,https://acme.zendesk.com/agent/tickets/1003,Email,,,9', /CSAT must be between 1 and 5/],
    ['a bad number', '1003,https://acme.zendesk.com/agent/tickets/1003,Email,,,five', /csat: "five" is not a number/],
    ['a bad date', '1003,https://acme.zendesk.com/agent/tickets/1003,Email,,10/03/2025,', /created: "10\/03\/2025" is not a date/],
    ['a helpdesk it cannot tell', '1003,https://tickets.example.org/1003,Email,,,', /cannot tell the helpdesk/],
    ['a missing id', ',https://acme.zendesk.com/agent/tickets/1003,Email,,,', /the ticket id is empty/],
    ['a duplicate ticket', '1001,https://acme.zendesk.com/agent/tickets/1001,Email,,,', /duplicate ticket zendesk:1001: already on line 2/],
    ['too few cells', '1003,Email', /The row has 2 cells; the header has 6/],
  ])('refuses %s on its line', async (_, row, reason) => {
    const preview = await tickets(`${file}\r\n${row}\r\n`);
    expect(preview.rejected).toHaveLength(1);
    expect(preview.rejected[0]?.line).toBe(4);
    expect(preview.rejected[0]?.reason).toMatch(reason);
  });

  it('reads complexity, reopens and complaints where the export has them, for sampling', async () => {
    const preview = await tickets(
      [
        'Ticket ID,Link,Via,Assignee,Difficulty,Reopens,Tags',
        '2001,https://acme.zendesk.com/agent/tickets/2001,Email,Sam Okafor,Complex,2,billing complaint',
        '2002,https://acme.zendesk.com/agent/tickets/2002,Email,Sam Okafor,simple,0,billing',
        '2003,https://acme.zendesk.com/agent/tickets/2003,Email,Sam Okafor,,,',
      ].join('\r\n'),
    );
    expect(preview.rejected).toEqual([]);
    expect(preview.accepted.map(({ ticket: t }) => [t.ticketId, t.complexity, t.reopened, t.complaint])).toEqual([
      ['2001', 'high', true, true],
      ['2002', 'low', false, false],
      ['2003', null, null, null],
    ]);
  });

  it('refuses a complexity it does not know, saying what it takes', async () => {
    const preview = await tickets('id,url,channel,complexity\r\n1,https://acme.zendesk.com/agent/tickets/1,email,extreme\r\n');
    expect(preview.rejected[0]?.reason).toMatch(/"extreme" is not a complexity band: use low, medium or high/);
  });

  it('refuses a list without a channel column as a whole', async () => {
    expect((await tickets('id,url\r\n1,https://acme.zendesk.com/agent/tickets/1\r\n')).fileError).toBe('The file lacks the column channel.');
  });
});

describe('KPI records', () => {
  it('reads per-ticket KPIs with a helpdesk column', async () => {
    const preview = await kpis('helpdesk,ticket_id,agent,date,csat,nps,fcr,first_response_seconds,resolution_seconds,reopens\r\nfreshdesk,2001,Ana,2025-03-10,4,9,yes,120,3600,0\r\n');
    expect(preview.rejected).toEqual([]);
    expect(preview.accepted).toEqual([
      expect.objectContaining({
        scope: 'ticket',
        ticketKey: 'freshdesk:2001',
        agent: 'Ana',
        at: Date.UTC(2025, 2, 10),
        kpis: { csat: 4, nps: 9, firstContactResolved: true, firstResponseSeconds: 120, resolutionSeconds: 3600, reopens: 0 },
      }),
    ]);
  });

  it('reads agent-period KPIs when the file has period columns', async () => {
    const preview = await kpis('Agent,Period start,Period end,CSAT %,FCR %,NPS,AHT seconds\r\nAna,2025-03-01,2025-03-31,91.5,78,42,310\r\n');
    expect(preview.mapping.map((m) => m.field)).toEqual(['agent', 'period_start', 'period_end', 'csat_percent', 'fcr_percent', 'nps', 'aht_seconds']);
    expect(preview.accepted).toEqual([
      expect.objectContaining({
        scope: 'agent-period',
        agent: 'Ana',
        periodStart: Date.UTC(2025, 2, 1),
        periodEnd: Date.UTC(2025, 2, 31),
        kpis: { csatPercent: 91.5, fcrPercent: 78, nps: 42, ahtSeconds: 310 },
      }),
    ]);
  });

  it.each([
    ['an NPS out of range', 'helpdesk,ticket_id,nps\r\nzendesk,1,11\r\n', /nps: /],
    ['a period that ends before it starts', 'agent,period_start,period_end\r\nAna,2025-03-31,2025-03-01\r\n', /period_end is before period_start/],
    ['a duplicate agent period', 'agent,period_start,period_end\r\nAna,2025-03-01,2025-03-31\r\nAna,2025-03-01,2025-03-31\r\n', /duplicate agent period/],
  ])('refuses %s', async (_, text, reason) => {
    const preview = await kpis(text);
    expect(preview.rejected[0]?.reason).toMatch(reason);
  });
});

describe('ticket lists with transcripts', () => {
  it('flags each conversation for Spotlight from its transcript and CSAT, and keeps the flags, not the transcript', async () => {
    const transcript = 'Customer: This is ridiculous, I want to speak to a manager!\nSam Okafor: Hi, I am sorry. I have refunded you.';
    const csv = ['ticket_id,url,channel,csat,transcript', `1001,https://acme.zendesk.com/agent/tickets/1001,chat,1,"${transcript}"`, '1002,https://acme.zendesk.com/agent/tickets/1002,chat,5,'].join('\r\n');
    const preview = await tickets(csv);
    expect(preview.rejected).toEqual([]);
    const [flagged, plain] = preview.accepted.map((r) => r.ticket);
    expect(flagged!.spotlight?.map((f) => f.kind)).toEqual(['negative-sentiment', 'escalation', 'low-csat']);
    expect(JSON.stringify(flagged)).not.toMatch(/This is ridiculous|refunded you/);
    expect(plain).not.toHaveProperty('spotlight');
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { AuditLogSection } from '../../../components/options/AuditLogSection';
import type { PrivacyClient } from '../../../components/options/privacy-client';
import { PrivacySection } from '../../../components/options/PrivacySection';
import { SubjectRightsSection } from '../../../components/options/SubjectRightsSection';
import { erasePerson, exportPersonData, findPerson, getTeamSettings, listAuditLog, saveTicketSnapshot, savePrivacySettings, type QaLensDatabase } from '../../../lib/db';
import { redactObservedTicket } from '../../../lib/privacy';
import { auditAlone } from '../../../lib/db/audit';
import { freshDatabase, ticket } from '../db/factories';

let now = 1_800_000_000_000;

/** The privacy client over a real (fake-indexeddb) database; downloads are recorded instead of saved. */
function client(db: QaLensDatabase) {
  const downloads: { filename: string; text: string }[] = [];
  const privacy: PrivacyClient = {
    getPrivacySettings: async () => (await getTeamSettings(db)).privacy,
    savePrivacySettings: async (settings) => (await savePrivacySettings(db, settings, ++now)).privacy,
    findPerson: (query) => findPerson(db, query),
    exportPerson: async (query, reference) => {
      downloads.push({ filename: 'person.json', text: JSON.stringify(await exportPersonData(db, query, ++now, reference)) });
      return 'person.json';
    },
    erasePerson: (query, reference) => erasePerson(db, query, ++now, reference),
    listAuditLog: (query) => listAuditLog(db, query),
    exportAuditLog: async (entries) => {
      downloads.push({ filename: 'audit.csv', text: JSON.stringify(entries) });
      return 'audit.csv';
    },
  };
  return { privacy, downloads };
}

const noViolations = async () => {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
};

describe('Settings → Privacy', () => {
  it('saves which kinds are redacted and the retention, and shows the sample as it would be stored', async () => {
    const db = freshDatabase();
    render(<PrivacySection client={client(db).privacy} />);
    const sample = await screen.findByLabelText('Sample as stored');
    expect(sample.textContent).toBe('Hi, I’m on [phone] or [email]. Card [card], order #4829173650.');
    fireEvent.click(screen.getByRole('checkbox', { name: /Phone numbers as \[phone\]/ }));
    expect(screen.getByLabelText('Sample as stored').textContent).toBe('Hi, I’m on 07911 123456 or [email]. Card [card], order #4829173650.');
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Keep ticket snapshots for (days)' }), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    await screen.findByText(/Privacy settings saved\. Ticket snapshots are kept for 90 days; evaluations are kept until someone deletes them\./);
    expect((await getTeamSettings(db)).privacy).toMatchObject({ keep: ['phone'], retention: { ticketDays: 90, evaluationDays: null } });
    await noViolations();
  });

  it('refuses a team pattern that could backtrack catastrophically, says why, and saves nothing', async () => {
    const db = freshDatabase();
    render(<PrivacySection client={client(db).privacy} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add pattern' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Label 1' }), { target: { value: 'account' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Pattern 1' }), { target: { value: '(\\d+)+$' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Pattern 1 \(account\): "\(\\d\+\)\+\$" can match the same text in many ways/);
    expect((await getTeamSettings(db)).privacy.customPatterns).toEqual([]);
    await noViolations();

    fireEvent.input(screen.getByRole('textbox', { name: 'Pattern 1' }), { target: { value: 'ACC-\\d{8}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save privacy settings' }));
    await screen.findByText(/Privacy settings saved/);
    expect((await getTeamSettings(db)).privacy.customPatterns).toEqual([expect.objectContaining({ label: 'account', pattern: 'ACC-\\d{8}' })]);
  });
});

describe('Requests about a person', () => {
  it('finds a customer, exports their data, and erases them only after a second, explicit click', async () => {
    const db = freshDatabase();
    // Kept the way the worker keeps it: the email redacted, only its fingerprint left to find by.
    await saveTicketSnapshot(db, await redactObservedTicket({ ...ticket, customer: { name: 'Dana Whitfield', email: 'dana@example.com' } }), 1);
    const { privacy, downloads } = client(db);
    render(<SubjectRightsSection client={privacy} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Email or full name' }), { target: { value: 'dana@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByText('About them: 1 ticket snapshots.');
    fireEvent.click(screen.getByRole('button', { name: 'Export a person’s data' }));
    // A step between Find and the download: what the file will hold, and a button that says what it does.
    const exportStep = screen.getByRole('group', { name: /Export this customer’s data as a JSON file: About them: 1 ticket snapshots\./ });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Download their data (JSON)' }));
    expect(downloads).toHaveLength(0);
    await noViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    expect(exportStep.isConnected).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export a person’s data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export a person’s data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download their data (JSON)' }));
    await screen.findByText('Saved person.json.');
    expect(JSON.parse(downloads[0]!.text).about.tickets).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export a person’s data' }));

    fireEvent.click(screen.getByRole('button', { name: 'Erase a person' }));
    expect(await db.tickets.count()).toBe(1);
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be undone/);
    // The button that was pressed is gone: focus is on the one that finishes the job, not lost.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase permanently' }));
    await noViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase a person' }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase a person' }));
    fireEvent.click(screen.getByRole('button', { name: 'Erase permanently' }));
    await screen.findByText(/Erased: 1 records deleted/);
    expect(screen.getByRole('status').textContent).toMatch(/^Erased: 1 records deleted, 0 rewritten/);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Email or full name' }));
    expect(await db.tickets.count()).toBe(0);
    await noViolations();
  });

  it('refuses a search too short to name one person', async () => {
    render(<SubjectRightsSection client={client(freshDatabase()).privacy} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Email or full name' }), { target: { value: 'a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at least 3 characters/);
  });
});

describe('Audit log', () => {
  it('lists entries newest first, filters by action, exports what the filter shows, and offers no way to edit', async () => {
    const db = freshDatabase();
    await auditAlone(db, { action: 'export', summary: '12 evaluations exported as CSV.' }, 1);
    await auditAlone(db, { action: 'erasure', summary: 'A customer erased on request.' }, 2);
    const { privacy, downloads } = client(db);
    render(<AuditLogSection client={privacy} />);
    const table = await screen.findByRole('table', { name: /Audit log, newest first \(2 entries\)/ });
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([expect.stringContaining('A customer erased'), expect.stringContaining('12 evaluations')]);
    expect(within(table).queryAllByRole('button')).toEqual([]);
    expect(within(table).queryAllByRole('textbox')).toEqual([]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'export' } });
    await screen.findByRole('table', { name: /\(1 entry\)/ });
    fireEvent.click(screen.getByRole('button', { name: 'Export audit log as CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(JSON.parse(downloads[0]!.text)).toHaveLength(1);
    await noViolations();
  });
});

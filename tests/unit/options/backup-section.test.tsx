import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BackupSection } from '../../../components/options/BackupSection';
import { readAllTables } from '../../../lib/db';
import { backupEnvelope } from '../../../lib/imports/read-backup';
import { BACKUP_SCHEMA_VERSION } from '../../../lib/schemas';
import { createBackupClient } from '../../../lib/options/extension-backup-client';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';
import { freshDatabase } from '../db/factories';

async function backupText(): Promise<string> {
  const source = freshDatabase();
  await source.scorecards.add(makeScorecard());
  await source.evaluations.bulkAdd([makeEvaluation({ id: 'ev-1', ticketId: '1' }), makeEvaluation({ id: 'ev-2', ticketId: '2' })]);
  return JSON.stringify(backupEnvelope(await readAllTables(source), Date.UTC(2025, 4, 1), 'Rita Reviewer'));
}

function renderSection() {
  const db = freshDatabase();
  render(<BackupSection client={createBackupClient(db)} />);
  const section = screen.getByRole('region', { name: 'Backup and restore' });
  const choose = (name: string, text: string) =>
    fireEvent.change(within(section).getByLabelText('Restore from backup'), { target: { files: [new File([text], name, { type: 'application/json' })] } });
  return { db, section, choose };
}

describe('Backup and restore in Settings', () => {
  it('shows what a backup holds, and restores it only when asked', async () => {
    const { db, section, choose } = renderSection();
    expect(within(section).getByRole('button', { name: 'Download backup' })).toBeTruthy();
    choose('qa-lens-backup.json', await backupText());
    await within(section).findByText(/by Rita Reviewer, with 1 scorecard versions, 2 evaluations\./);
    expect(await db.evaluations.count()).toBe(0);
    fireEvent.click(within(section).getByRole('button', { name: 'Restore' }));
    await within(section).findByText('Restored: 3 records added, 0 updated to a newer version, 0 already here.');
    expect(await db.evaluations.count()).toBe(2);
  });

  it('refuses a backup from a newer QA Lens with a clear message, and changes nothing', async () => {
    const { db, section, choose } = renderSection();
    choose('future.json', (await backupText()).replace(`"schemaVersion":${BACKUP_SCHEMA_VERSION}`, '"schemaVersion":99'));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('future.json cannot be restored:');
    expect(alert.textContent).toContain('This backup was made by a newer QA Lens (database schema version 99)');
    expect(within(section).queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(await db.evaluations.count()).toBe(0);
  });
});

import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { DashboardClient } from '../../../components/dashboard/dashboard-client';
import { DashboardApp } from '../../../components/dashboard/DashboardApp';
import { csvChunk, csvHeader } from '../../../lib/csv/evaluations-csv';
import { listEvaluations, getScorecard } from '../../../lib/db';
import { createCsvIoClient } from '../../../lib/pages/csv-io-client';
import { DEFAULT_ROOT_CAUSES } from '../../../lib/schemas';
import { freshDatabase } from '../db/factories';
import { makeEvaluation, makeScorecard } from './factories';

const scorecard = makeScorecard();

async function renderEmptyDashboard() {
  const db = freshDatabase();
  await db.scorecards.add(scorecard);
  const client: DashboardClient = { listEvaluations: () => listEvaluations(db), getScorecard: (id, version) => getScorecard(db, id, version) };
  render(<DashboardApp client={client} csv={createCsvIoClient(db)} />);
  await screen.findByText(/^No evaluations yet/);
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
  return { db, dialog: screen.getByRole('dialog', { name: 'Import from CSV' }) };
}

const choose = (dialog: HTMLElement, name: string, text: string) =>
  fireEvent.change(within(dialog).getByLabelText('CSV file'), { target: { files: [new File([text], name, { type: 'text/csv' })] } });

const options = { shape: { kind: 'long' as const }, bom: true, rootCauses: DEFAULT_ROOT_CAUSES, scorecardFor: () => scorecard };
const exported = csvHeader(options) + csvChunk([makeEvaluation({ id: 'ev-1', ticketId: '1' }), makeEvaluation({ id: 'ev-2', ticketId: '2', choices: { accurate: 'no' } })], options);

describe('the Import dialog', () => {
  it('previews the file, writes nothing until confirmed, then lists the imported evaluations', async () => {
    const { db, dialog } = await renderEmptyDashboard();
    choose(dialog, 'export.csv', exported);
    await within(dialog).findByText('export.csv: 10 rows read; 2 evaluations ready to import.');
    expect(within(dialog).getAllByRole('row')).toHaveLength(1 + 31);
    expect(await db.evaluations.count()).toBe(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm import' }));
    await within(dialog).findByText('Imported 2 evaluations from export.csv.');
    expect(await db.evaluations.count()).toBe(2);
    await screen.findByRole('table');
    expect(screen.getByText('2 evaluations')).toBeTruthy();
  });

  it('lists each refused row with its line and offers no confirmation', async () => {
    const { db, dialog } = await renderEmptyDashboard();
    choose(dialog, 'edited.csv', exported.replace(',email,', ',pigeon,'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('1 row was refused, so nothing can be imported.');
    expect(within(alert).getByText(/^Line 2: channel: unknown channel "pigeon"/)).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Confirm import' })).toBeNull();
    expect(await db.evaluations.count()).toBe(0);
  });

  it('says why a whole file cannot be imported', async () => {
    const { dialog } = await renderEmptyDashboard();
    choose(dialog, 'photo.csv', '\u0000\u0001PNG');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('photo.csv cannot be imported: This is not a CSV text file. Choose a .csv file saved as UTF-8 text.');
  });
});

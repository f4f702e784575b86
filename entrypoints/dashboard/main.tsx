import { render } from 'preact';
import '../../components/shared/base.css';
import '../../components/dashboard/dashboard.css';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import type { DashboardClient } from '../../components/dashboard/dashboard-client';
import { getScorecard, listEvaluations, openDatabase } from '../../lib/db';
import { createCsvIoClient } from '../../lib/pages/csv-io-client';

const db = openDatabase();

const client: DashboardClient = {
  listEvaluations: () => listEvaluations(db),
  getScorecard: (id, version) => getScorecard(db, id, version),
};

const root = document.getElementById('app');
if (root) render(<DashboardApp client={client} csv={createCsvIoClient(db)} />, root);

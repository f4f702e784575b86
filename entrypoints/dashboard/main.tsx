import { render } from 'preact';
import '../../components/shared/base.css';
import '../../components/dashboard/dashboard.css';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import type { DashboardClient } from '../../components/dashboard/dashboard-client';
import { getScorecard, listEvaluations, openDatabase } from '../../lib/db';
import { downloadText } from '../../lib/pages/download-text';

const db = openDatabase();

const client: DashboardClient = {
  listEvaluations: () => listEvaluations(db),
  getScorecard: (id, version) => getScorecard(db, id, version),
  download: (filename, text) => downloadText(filename, text, 'text/csv;charset=utf-8'),
};

const root = document.getElementById('app');
if (root) render(<DashboardApp client={client} />, root);

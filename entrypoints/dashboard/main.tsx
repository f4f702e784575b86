import { render } from 'preact';
import '../../components/shared/base.css';
import '../../components/dashboard/dashboard.css';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import type { DashboardClient } from '../../components/dashboard/dashboard-client';
import { getScorecard, listEvaluations, openDatabase } from '../../lib/db';

const db = openDatabase();

const client: DashboardClient = {
  listEvaluations: () => listEvaluations(db),
  getScorecard: (id, version) => getScorecard(db, id, version),
  download(filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has started by now; keep the URL a little longer for slow browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};

const root = document.getElementById('app');
if (root) render(<DashboardApp client={client} />, root);

import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../../components/shared/base.css';
import '../../components/dashboard/dashboard.css';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { openDatabase } from '../../lib/db';
import { createCsvIoClient } from '../../lib/pages/csv-io-client';
import { createExtensionDashboardClient } from '../../lib/pages/extension-dashboard-client';
import type { EarlyRead } from '../../lib/pages/early-report-read';
import { refuseWhenFramed } from '../../lib/pages/frame-guard';

export function startDashboard(early: EarlyRead): void {
  const db = openDatabase();
  const root = document.getElementById('app');
  if (root && !refuseWhenFramed(root)) render(<DashboardApp client={createExtensionDashboardClient(db, early)} csv={createCsvIoClient(db)} />, root);
}

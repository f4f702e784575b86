import { readReportDaysEarly } from '../../lib/pages/early-report-read';

// The report rows are most of what the dashboard waits for: the database starts reading them now,
// while the browser loads and runs the rest of the page (./dashboard-page.tsx).
const early = readReportDaysEarly();
void import('./dashboard-page').then(({ startDashboard }) => startDashboard(early));

import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '../../components/shared/base.css';
import '../../components/dashboard/dashboard.css';
import '../../components/review-pack/review-pack.css';
import { ReviewPackApp } from '../../components/review-pack/ReviewPackApp';
import { openDatabase } from '../../lib/db';
import { createExtensionDashboardClient } from '../../lib/pages/extension-dashboard-client';
import { parseReviewPackQuery } from '../../lib/reports/review-pack-query';
import { refuseWhenFramed } from '../../lib/pages/frame-guard';

const root = document.getElementById('app');
if (root && !refuseWhenFramed(root)) render(<ReviewPackApp client={createExtensionDashboardClient(openDatabase())} query={parseReviewPackQuery(location.search)} />, root);

import { render } from 'preact';
import '../../components/shared/base.css';
import '../../components/dashboard/dashboard.css';
import '../../components/reviews/reviews.css';
import '../../components/plans/plans.css';
import { CalibrationApp } from '../../components/calibration/CalibrationApp';
import { openDatabase } from '../../lib/db';
import { createExtensionCalibrationClient } from '../../lib/pages/extension-calibration-client';

const root = document.getElementById('app');
if (root) render(<CalibrationApp client={createExtensionCalibrationClient(openDatabase())} />, root);

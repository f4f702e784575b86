import { render } from 'preact';
import '../../components/shared/base.css';
import '../../components/dashboard/dashboard.css';
import '../../components/reviews/reviews.css';
import '../../components/plans/plans.css';
import { PlansApp } from '../../components/plans/PlansApp';
import { openDatabase } from '../../lib/db';
import { createExtensionPlansClient } from '../../lib/pages/extension-plans-client';

const root = document.getElementById('app');
if (root) render(<PlansApp client={createExtensionPlansClient(openDatabase())} />, root);

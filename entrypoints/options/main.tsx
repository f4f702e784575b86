import { render } from 'preact';
import '../../components/shared/base.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { OptionsClient } from '../../components/options/options-client';
import {
  archiveScorecard,
  getProfile,
  getTeamSettings,
  listScorecards,
  openDatabase,
  saveProfile,
  saveScorecard,
  saveTeamSettings,
  seedScorecards,
} from '../../lib/db';
import { createBackupClient } from '../../lib/options/extension-backup-client';
import { createSitesClient } from '../../lib/options/extension-sites-client';
import { createTeamClient } from '../../lib/options/extension-team-client';
import { SCORECARD_TEMPLATES } from '../../lib/scorecards/templates';
import { afterWrite } from '../../lib/pages/after-write';
import { downloadText } from '../../lib/pages/download-text';

const db = openDatabase();

// A fresh profile starts with the bundled templates; seeding does nothing once any scorecard exists.
const seeded = seedScorecards(db, SCORECARD_TEMPLATES, Date.now()).catch((error: unknown) => {
  console.error('QA Lens: could not add the scorecard templates', error);
});

const client: OptionsClient = {
  listScorecards: async () => {
    await seeded;
    return listScorecards(db);
  },
  saveScorecard: (input) => afterWrite(saveScorecard(db, input, Date.now())),
  archiveScorecard: (id) => afterWrite(archiveScorecard(db, id, Date.now())),
  getProfile: () => getProfile(db),
  // Identities decide which reviews are the user's own, and so which deadlines to remind them of.
  saveProfile: (profile) => afterWrite(saveProfile(db, profile)),
  getTeamSettings: () => getTeamSettings(db),
  saveTeamSettings: (settings) => afterWrite(saveTeamSettings(db, settings)),
  download: (filename, text) => downloadText(filename, text, 'application/json;charset=utf-8'),
};

const root = document.getElementById('app');
if (root) render(<OptionsApp client={client} sites={createSitesClient()} backup={createBackupClient(db)} team={createTeamClient()} />, root);

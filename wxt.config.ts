import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { strictBundle } from './scripts/build/strict-bundle';
// https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({
    plugins: [strictBundle(), preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'QA Lens',
    description: 'Score customer-service conversations against your QA scorecard, beside the ticket.',
    // storage: panel layout, enabled sites and each tab's ticket; scripting: QA Lens on sites the
    // user enables, whose hosts are asked for one at a time, when they enable them; alarms and
    // notifications: reminders of acknowledgement deadlines and coaching follow-ups.
    permissions: ['storage', 'scripting', 'alarms', 'notifications'],
    // The toolbar button carries the count of due reminders as its badge.
    action: { default_title: 'QA Lens' },
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Open or close the QA Lens panel',
      },
    },
    web_accessible_resources: [
      // Only the panel page may be framed: by helpdesk pages and by the sites a user enables, which can
      // be any. A panel framed elsewhere shows nothing: it shows a tab's ticket only inside the page
      // that reported it (see lib/panel/extension-panel-client.ts).
      { resources: ['panel.html'], matches: ['https://*/*', 'http://*/*'] },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'qa-lens@qa-lens.dev',
              // The first releases that read data_collection_permissions (desktop 140, an ESR;
              // Android 142): older ones would install the add-on without its data declaration.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
          // Firefox's Manifest V2 spells optional host permissions this way.
          optional_permissions: ['https://*/*', 'http://*/*'],
        }
      : {}),
  }),
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HELPDESK_MATCHES } from './lib/helpdesks/registry';

/** `https://*.zendesk.com/agent/*` → `https://*.zendesk.com/*`: web-accessible resources take origins only. */
const helpdeskOrigins = [...new Set(HELPDESK_MATCHES.map((pattern) => pattern.replace(/^([a-z*]+:\/\/[^/]+)\/.*$/, '$1/*')))];

// https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'QA Lens',
    description: 'Score customer-service conversations against your QA scorecard, beside the ticket.',
    // storage: drafts of panel width and the per-tab ticket context; alarms: background sync and reminders.
    permissions: ['storage'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Open or close the QA Lens panel',
      },
    },
    web_accessible_resources: [
      // Only the panel page may be framed, and only by helpdesk pages; dashboard and options stay private.
      { resources: ['panel.html'], matches: helpdeskOrigins },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'qa-lens@qa-lens.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

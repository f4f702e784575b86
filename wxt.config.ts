import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { strictBundle } from './scripts/build/strict-bundle';
import { HELPDESKS } from './lib/helpdesks/registry';

/**
 * The supported helpdesks' hosts, from the registry the content scripts match: one list, no drift.
 * Web-accessible matches take whole origins (path `/*`), so each pattern keeps its scheme and host.
 */
const HELPDESK_MATCHES = [...new Set(HELPDESKS.flatMap((helpdesk) => helpdesk.matches).map((pattern) => pattern.replace(/^(\w+:\/\/[^/]+)\/.*$/, '$1/*')))];

/**
 * Extension pages run only their own bundled scripts: no eval, no remote code, no plugins, no
 * <base> rewriting; nothing can frame them but the helpdesk pages the panel is made for and the
 * sites a user enables (checked again by the page itself, see lib/pages/frame-guard.ts).
 */
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
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
    ...(browser === 'firefox'
      ? {
          // Firefox's Manifest V2 takes one policy string for every extension page.
          content_security_policy: EXTENSION_PAGES_CSP,
          web_accessible_resources: ['panel.html'],
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
      : {
          content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
          web_accessible_resources: [
            // Only the panel page may be framed, and on the supported helpdesks' hosts by its static URL.
            { resources: ['panel.html'], matches: HELPDESK_MATCHES },
            // Sites a user enables can be anywhere, and browsers cannot add web-accessible matches at run
            // time. So for them the panel is reachable only through a URL whose id changes every session
            // (use_dynamic_url), which only our content script learns from runtime.getURL: a page cannot
            // guess it to probe for QA Lens or frame the panel. A panel framed elsewhere shows nothing
            // (lib/panel/extension-panel-client.ts).
            { resources: ['panel.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
          ],
          // No other extension and no web page may message QA Lens (onMessageExternal is never listened to either).
          externally_connectable: { ids: [] },
        }),
  }),
});

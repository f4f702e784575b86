import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import zones draw the architecture (see ARCHITECTURE.md): pure domain modules import only zod
 * and each other; adapters never touch the database; the content script stays free of Dexie,
 * Preact and zod; components get data through props and typed clients, never from the database.
 */
const restrict = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
/** zod itself and every schema module but the zod-free limits. */
const ZOD_MODULES = String.raw`^(zod(/.*)?|.*/schemas(/(?!ticket-limits$)[^/]+)?)$`;
const noBrowserGlue = [
  { group: ['dexie', 'wxt/*', 'preact', 'preact/*', '**/db', '**/db/*'], message: 'Pure domain code: take data in, return data.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Text from the helpdesk page is rendered as text only; the build cuts this path out of Preact.
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'QA Lens renders no HTML: render text (see scripts/build/strict-bundle.ts).' }],
    },
  },
  restrict(['lib/scoring/**', 'lib/schemas/**', 'lib/autoqa/**', 'lib/scorecards/**', 'lib/csv/**', 'lib/reports/**', 'lib/dashboard/**', 'lib/feedback/**', 'lib/coaching/**', 'lib/reminders/**', 'lib/time/**', 'lib/privacy/**', 'lib/stats/**', 'lib/sampling/**', 'lib/calibration/**', 'lib/storage/**'], [
    ...noBrowserGlue,
    { group: ['**/helpdesks/*', '**/messaging/*', '**/content/*', '**/background/*', 'papaparse'], message: 'Pure domain code imports only zod and other domain modules.' },
  ]),
  restrict(['server/domain/**'], [
    ...noBrowserGlue,
    { group: ['node:*', 'pg', '@electric-sql/*', 'hono', 'hono/*', '@hono/*', '**/store/*', '**/http/*', '**/db/*'], message: 'The server’s domain rules are pure: the store passes in what they need.' },
  ]),
  {
    // The core rule, not the typescript-eslint one the zones use, so it adds to them instead of replacing them.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'pg', '@electric-sql/*', 'hono', 'hono/*', '@hono/*'], message: 'The extension never imports the team server; both share lib/schemas.' }] }],
    },
  },
  restrict(['lib/imports/**'], [
    { group: ['dexie', 'wxt/*', 'preact', 'preact/*', '**/db', '**/db/*'], message: 'Imports parse and check files; lib/db writes them.' },
  ]),
  restrict(['lib/helpdesks/**', 'lib/sites/site-pattern.ts', 'lib/sites/generic-helpdesk.ts'], [
    { group: ['dexie', '**/db', '**/db/*'], message: 'Adapters read the page; they never touch the database.' },
    { regex: ZOD_MODULES, allowTypeImports: true, message: 'Adapters run in the content script: import schema types only (import type), never zod.' },
  ]),
  restrict(['entrypoints/*.content.ts', 'entrypoints/*.content/**', 'lib/content/**'], [
    { group: ['dexie', '**/db', '**/db/*', 'preact', 'preact/*', '**/components/**'], message: 'The content script stays tiny and never opens the database.' },
    { regex: ZOD_MODULES, allowTypeImports: true, message: 'Keep zod out of the content script: import types only.' },
    { group: ['**/messaging/contracts', '**/messaging/router', '**/messaging/client'], allowTypeImports: true, message: 'Keep zod out of the content script: import types only.' },
    { group: ['**/privacy', '**/privacy/*', 'libphonenumber-js', 'libphonenumber-js/*', 'ibantools', 'redos-detector'], message: 'Redaction runs in the worker and the panel, never on the helpdesk page.' },
  ]),
  restrict(['components/**'], [
    { group: ['dexie', '**/db', '**/db/*', 'wxt/browser', '**/messaging/client'], allowTypeImports: true, message: 'Components get data through props or a typed client passed in.' },
  ]),
  {
    // Node scripts that also hand functions to the browser (page.evaluate, and worker.evaluate in the
    // extension's service worker) see both sets of globals, and the extension API.
    files: ['scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
);

// The built extension's content scripts, as the browser receives them: one per helpdesk, each
// within the 8 KB gzip budget (a page loads one of them), matched exactly to the patterns its
// adapter declares in the registry, and never to every site.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HELPDESKS } from '../../lib/helpdesks/registry';
import { EXTENSION_DIR } from '../support/launch-extension.mjs';

const BUDGET_BYTES = 8 * 1024;

interface Manifest {
  content_scripts?: { matches: string[]; js: string[] }[];
  host_permissions?: string[];
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

describe.each(HELPDESKS.map((helpdesk) => [helpdesk.id, helpdesk] as const))('%s content script', (id, helpdesk) => {
  const file = join(EXTENSION_DIR, 'content-scripts', `${id}.js`);

  it(`is built and within ${BUDGET_BYTES} bytes gzipped`, () => {
    expect(existsSync(file), `no ${file}: is entrypoints/${id}.content.ts there, and was the extension built?`).toBe(true);
    expect(gzipSync(readFileSync(file), { level: 9 }).length).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('runs exactly where the registry says, and nowhere else', () => {
    const entry = manifest.content_scripts?.find((script) => script.js.includes(`content-scripts/${id}.js`));
    expect([...(entry?.matches ?? [])].sort()).toEqual([...helpdesk.matches].sort());
  });
});

it('asks for no content script on every site', () => {
  const patterns = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
  expect(patterns.filter((pattern) => pattern === '<all_urls>' || /^[*a-z]+:\/\/\*\//.test(pattern))).toEqual([]);
});

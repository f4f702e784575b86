import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './launch-extension.mjs';

/**
 * A copy of the built extension with these hosts already granted. Headless Chromium cannot click
 * the browser's permission prompt, so the copy stands in for the user's "Allow"; with the host
 * granted, `permissions.request` answers true without a prompt, and everything after it runs as
 * shipped. The caller removes the folder.
 */
export function extensionWithHostsGranted(patterns: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-lens-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...patterns];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

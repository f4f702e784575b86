// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { redactCli } from '../../../scripts/redact-cli';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'qa-lens-redact-'));

/** `npm run redact -- FILE` is `tsx scripts/redact.ts FILE`: run as a user would, in a child process. */
async function redactCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['scripts/redact.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The same command's logic in this process (a child process per case would load the machine for the other tests). */
const redact = async (...args: string[]) => redactCli(args);

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run redact -- FILE', () => {
  it('prints the array redacted, as JSON, in the same order, from the command line', async () => {
    const input = file('in.json', JSON.stringify(['Call 07911 123456 or jane@example.com', 'Order #4829173650', '']));
    const result = await redactCommand(input);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['Call [phone] or [email]', 'Order #4829173650', '']);
  });

  it('applies a team’s privacy settings given with --settings', async () => {
    const input = file('team.json', JSON.stringify(['acc-12345678 at LS1 4AP']));
    const settings = file('privacy.json', JSON.stringify({ keep: ['postcode'], customPatterns: [{ id: 'a', label: 'account id', pattern: String.raw`ACC-\d{8}` }] }));
    const result = await redact(input, '--settings', settings);
    expect(JSON.parse(result.stdout)).toEqual(['[account id] at LS1 4AP']);
  });

  it.each([
    ['not JSON', '["unclosed', /is not JSON/],
    ['not an array', '{"text": "a"}', /must hold a JSON array of strings; it holds object/],
    ['an item that is not a string', '["ok", 42]', /item 2 of .* is 42, not a string/],
  ])('refuses a file that is %s, with the reason and exit code 1', async (_what, text, reason) => {
    const result = await redact(file('bad.json', text));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(reason);
    expect(result.stdout).toBe('');
  });
});

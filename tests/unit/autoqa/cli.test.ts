import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AUTOQA_CHECK_IDS } from '../../../lib/schemas';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'qa-lens-autoqa-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run autoqa`'s script as the command does, on a file written for the test. */
async function autoqa(content: string, ...args: string[]) {
  const file = join(dir, `input-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/autoqa.ts', file, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const CONVERSATION = {
  channel: 'chat',
  customerName: 'Lee Park',
  messages: [
    { role: 'customer', author: 'Lee Park', time: '2026-11-03T14:00:00Z', text: 'My app keeps logging me out' },
    { role: 'agent', author: 'Sam', time: '2026-11-03T14:00:40Z', text: 'Which version? Bear with me, mate.' },
  ],
};

describe('npm run autoqa', () => {
  it('prints every check and the spotlight for each conversation, with the team’s prohibited phrases', async () => {
    const { code, stdout } = await autoqa(JSON.stringify([CONVERSATION, { ...CONVERSATION, channel: 'email' }]), '--prohibited', 'bear with me', '--prohibited', 'MATE');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Record<string, { outcome: string; confidence: number; evidence: unknown[] }>[];
    expect(output).toHaveLength(2);
    expect(Object.keys(output[0]!)).toEqual([...AUTOQA_CHECK_IDS, 'spotlight']);
    expect(output[0]!.greeting).toMatchObject({ outcome: 'fail', evidence: [{ message: 1, start: 0, end: 14 }] });
    expect(output[0]!['prohibited-phrase']).toMatchObject({ outcome: 'fail', evidence: [{ message: 1, start: 15, end: 27 }, { message: 1, start: 29, end: 33 }] });
    expect(output[0]!['first-response']).toMatchObject({ outcome: 'pass', confidence: 1 });
    expect(output[0]!.spotlight).toEqual([]);
  });

  it('refuses input that is not an array of conversations, naming each problem, and prints nothing on stdout', async () => {
    const bad = [{ ...CONVERSATION, messages: [{ role: 'visitor', author: 'x', text: 'hi', time: 'yesterday' }] }];
    const { code, stdout, stderr } = await autoqa(JSON.stringify(bad));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/0\.messages\.0\.role: /);
    expect(stderr).toMatch(/0\.messages\.0\.time: not a date and time/);
    expect((await autoqa('{ not json')).stderr).toMatch(/Not valid JSON/);
  });
});

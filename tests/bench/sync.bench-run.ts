// @vitest-environment node
// First sync of a team's history into a fresh browser profile: 10,000 submitted reviews (20
// criteria each) on the team server (PGlite, started as `npm run server` starts it), and a new
// member joining from Settings → Team's own request in the built extension in Chromium. The
// `team/join` request answers once the first sync round has finished, so its round trip is the
// first sync. Baseline, same page and run: the same rows written into IndexedDB with bare batched
// puts (500 a transaction), no sync, no Dexie.
import os from 'node:os';
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Evaluation } from '../../lib/schemas';
import { benchScorecard } from './bench-scorecard';
import { extensionWithHostsGranted } from '../support/granted-extension';
import { launchWithExtension } from '../support/launch-extension.mjs';
import { inviteCode, startTeamServer, teamId, type TeamServer } from '../support/team-server.mjs';
import { median, writeBenchSection } from './write-section';

const EVALUATIONS = Number(process.env.BENCH_SYNC_EVALUATIONS ?? 10_000);
const CRITERIA = 20;
const RUNS = 3;
const TARGET_MS = 5_000;
const PUSH_BATCH = 200;

const SCORECARD = benchScorecard(CRITERIA);

/** A year of reviews of 50 agents by one reviewer, from a fixed seed. */
function reviews(count: number): Evaluation[] {
  let state = 20_261_203;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const start = Date.UTC(2025, 11, 1);
  return Array.from({ length: count }, (_, n) => {
    const at = start + Math.floor((n / count) * 365 * 86_400_000);
    const answers = Object.fromEntries(
      SCORECARD.sections.flatMap((s) => s.criteria).map((c) => [c.id, { optionId: random() < 0.85 ? 'yes' : 'no', na: false, comment: '', evidence: [], rootCauses: [] }]),
    );
    const yes = Object.values(answers).filter((a) => a.optionId === 'yes').length;
    return {
      id: `bench-${String(n).padStart(6, '0')}`,
      kind: 'review',
      status: 'submitted',
      ticket: { key: `zendesk:${n}`, helpdesk: 'zendesk', ticketId: String(n), url: `https://acme.zendesk.com/agent/tickets/${n}`, channel: 'email', subject: `Ticket ${n}`, agent: { name: `Agent ${n % 50}` } },
      scorecardId: SCORECARD.id,
      scorecardVersion: 1,
      answers,
      strengths: 'Clear next steps.',
      improvements: 'Greet the customer by name.',
      author: { name: 'Ada Admin', role: 'admin' },
      score: (yes / CRITERIA) * 100,
      passed: yes / CRITERIA >= 0.8,
      reviewSeconds: 120,
      acknowledgeBy: null,
      history: [],
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
    } satisfies Evaluation;
  });
}

async function post(url: string, token: string | null, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The team's history, pushed by its admin as their browser would. */
async function seedTeam(team: TeamServer): Promise<string> {
  const created = await team.admin('create-team', 'Bench team', '--name', 'Ada Admin');
  const clientId = crypto.randomUUID();
  const { token } = (await post(`${team.url}/v1/join`, null, { inviteCode: inviteCode(created), clientId })) as { token: string };
  const records = [{ kind: 'scorecard', key: 'bench-card@1', record: SCORECARD }, ...reviews(EVALUATIONS).map((e) => ({ kind: 'evaluation', key: e.id, record: e }))];
  for (let from = 0; from < records.length; from += PUSH_BATCH) {
    const mutations = records.slice(from, from + PUSH_BATCH).map((r, i) => ({ id: from + i + 1, op: 'put', ...r }));
    await post(`${team.url}/v1/push`, token, { clientId, mutations });
  }
  return teamId(created);
}

interface RunResult {
  firstSyncMs: number;
  bareWriteMs: number;
  stored: number;
}

/** A fresh profile joins and syncs; then the same rows are written bare into a scratch database. */
async function oneRun(team: TeamServer, teamOfRun: string, extensionDir: string): Promise<RunResult> {
  const code = inviteCode(await team.admin('invite', '--team', teamOfRun, '--role', 'supervisor', '--name', `Rita ${crypto.randomUUID().slice(0, 8)}`));
  const browser = await launchWithExtension({ extensionDir });
  try {
    const page: Page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await page.getByRole('region', { name: 'Team', exact: true }).getByRole('button', { name: 'Join team' }).waitFor();
    const firstSyncMs = await page.evaluate(
      async ({ url, inviteCode }) => {
        const started = performance.now();
        const reply = (await chrome.runtime.sendMessage({ type: 'team/join', payload: { serverUrl: url, inviteCode } })) as { ok: boolean; error?: string; data?: { phase: string } };
        if (!reply.ok || reply.data?.phase !== 'synced') throw new Error(`join: ${JSON.stringify(reply)}`);
        return performance.now() - started;
      },
      { url: team.url, inviteCode: code },
    );
    return await page.evaluate(
      async (firstSync) => {
        const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name, 1);
            request.onupgradeneeded = () => upgrade?.(request.result);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        const lens = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('qa-lens');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = lens.transaction('evaluations').objectStore('evaluations').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const scratch = await open(`bench-scratch-${Math.random()}`, (db) => db.createObjectStore('evaluations', { keyPath: 'id' }));
        const started = performance.now();
        for (let from = 0; from < rows.length; from += 500) {
          await new Promise<void>((resolve, reject) => {
            const tx = scratch.transaction('evaluations', 'readwrite');
            for (const row of rows.slice(from, from + 500)) tx.objectStore('evaluations').put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        }
        return { firstSyncMs: firstSync, bareWriteMs: performance.now() - started, stored: rows.length };
      },
      firstSyncMs,
    );
  } finally {
    await browser.close();
  }
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('sync bench', () => {
  it(`first sync of ${EVALUATIONS.toLocaleString('en')} evaluations into a fresh profile`, async () => {
    const load = os.loadavg()[0]!;
    const team = await startTeamServer();
    const extensionDir = extensionWithHostsGranted(['http://127.0.0.1/*']);
    try {
      const seedStarted = performance.now();
      const id = await seedTeam(team);
      const seedMs = performance.now() - seedStarted;
      const runs: RunResult[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await oneRun(team, id, extensionDir));
      for (const run of runs) expect(run.stored).toBe(EVALUATIONS);
      const sync = median(runs.map((r) => r.firstSyncMs));
      const bare = median(runs.map((r) => r.bareWriteMs));
      const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
      writeBenchSection(
        'sync',
        `## Team sync: first sync into a fresh profile

Command: \`npm run bench\` (tests/bench/sync.bench-run.ts). The team server runs as \`npm run server\` runs it (PGlite, its own process); its admin pushes ${EVALUATIONS.toLocaleString('en')} submitted reviews × ${CRITERIA} criteria in batches of ${PUSH_BATCH} (${ms(seedMs)}). Each run is a fresh Chromium profile with the built extension whose options page sends Settings → Team's own \`team/join\` request; the worker answers it after the first sync round, so its round trip is the first sync: join, then ${Math.ceil(EVALUATIONS / 500)} pull pages of 500, each written with its cursor in one Dexie transaction while the next page is already being fetched. Baseline, same page and run: the same rows written into a scratch IndexedDB with bare batched puts (500 a transaction). Median of ${RUNS} runs. Machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, 1-minute load average ${load.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after.

| Metric | Measured | Target | Result |
| --- | --: | --: | :-: |
| First sync of ${EVALUATIONS.toLocaleString('en')} evaluations (join → synced) | ${ms(sync)} | ≤ ${ms(TARGET_MS)} | ${sync <= TARGET_MS ? 'pass' : 'miss'} |
| Bare batched IndexedDB write of the same rows (baseline) | ${ms(bare)} | — | — |
| First sync / bare write | ${(sync / bare).toFixed(2)}× | — | — |
| Runs | ${runs.map((r) => ms(r.firstSyncMs)).join(', ')} | — | — |
`,
      );
      console.log(`first sync ${ms(sync)}, bare write ${ms(bare)}`);
    } finally {
      await team.close();
      rmSync(extensionDir, { recursive: true, force: true });
    }
  }, 600_000);
});

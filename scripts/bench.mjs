// `npm run bench` (= `wxt build && node scripts/bench.mjs`): measures what QA Lens costs a helpdesk
// page and how quickly its panel answers, in one run against the local HTTPS fixtures, then prints a
// markdown table and writes it into docs/benchmarks.md between the bench:skeleton markers.
//
// Exits 0 even when a target is missed (it prints a warning); non-zero only when the run crashes.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startFixtureServer } from '../tests/support/fixture-server.mjs';
import { launchWithExtension } from '../tests/support/launch-extension.mjs';
import { clickLauncher, rememberPanelClosed } from '../tests/support/panel-launcher.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DIR = join(ROOT, '.output', 'chrome-mv3');
const DOC_PATH = join(ROOT, 'docs', 'benchmarks.md');
const MARK_START = '<!-- bench:skeleton:start -->';
const MARK_END = '<!-- bench:skeleton:end -->';

const LOAD_URL = 'https://acme.zendesk.com/agent/tickets/1001';
const SAVE_URL = 'https://acme.zendesk.com/agent/tickets/1002';
const LOADS = positiveInt(process.env.BENCH_LOADS, 50);
const WARMUP_LOADS = 2;
const SAVES = 20;
/** Every context reads its metrics this long after `load`: one settle rule for all three. */
const SETTLE_AFTER_LOAD_MS = 500;
const PANEL_TIMEOUT_MS = 10_000;
const SAVE_TIMEOUT_MS = 5_000;
/** Pause after closing each tab, so one browser's teardown does not land in the next browser's load. */
const COOL_DOWN_MS = 150;

const TARGETS = {
  contentScriptGzipBytes: 8 * 1024,
  loadRatio: 1.1,
  scriptDeltaMs: 5,
  panelMs: 300,
  saveDraftMs: 20,
};

// ---------------------------------------------------------------- small helpers

function positiveInt(text, fallback) {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `probe` until it returns something other than null/undefined, or throws after `timeoutMs`. */
async function pollFor(what, probe, timeoutMs, intervalMs = 20) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile: always a value that was actually measured. */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** "median (p25–p75)": the spread shows how much to trust a difference between two medians. */
function medianWithSpread(values, format) {
  if (values.length === 0) return 'n/a';
  return `${format(median(values))} (IQR ${percentile(values, 25).toFixed(1)}–${percentile(values, 75).toFixed(1)})`;
}

const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(3)}×` : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

// ---------------------------------------------------------------- 1. content-script size

/**
 * Copies the build to a temp dir, so a rebuild during the run (`wxt dev`, another `wxt build`)
 * cannot swap files under the running browser: everything below measures this one snapshot.
 */
function snapshotBuild() {
  if (!existsSync(join(BUILD_DIR, 'manifest.json'))) throw new Error(`${BUILD_DIR} has no build: run \`npx wxt build\` first.`);
  const dir = mkdtempSync(join(os.tmpdir(), 'qa-lens-build-'));
  cpSync(BUILD_DIR, dir, { recursive: true });
  return dir;
}

/**
 * Each helpdesk has its own content script and a page runs one of them, so the budget applies to
 * the largest; gzip per file, as the browser reads (and a store compresses) each on its own.
 */
function measureContentScriptSize(extensionDir) {
  const scriptsDir = join(extensionDir, 'content-scripts');
  const sizes = readdirSync(scriptsDir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const bytes = readFileSync(join(scriptsDir, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
  const largest = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  return { files: [largest.name], count: sizes.length, raw: largest.raw, gzip: largest.gzip };
}

// ---------------------------------------------------------------- 2. browser contexts

/**
 * An extension whose content script is empty, injected exactly like QA Lens's (same matches, same
 * run_at): what any content script costs the page, whatever it does. It has an empty service worker
 * because launchWithExtension waits for one to learn the extension id (and QA Lens has one too).
 */
function makeEmptyExtension() {
  const dir = mkdtempSync(join(os.tmpdir(), 'qa-lens-empty-ext-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script (bench baseline)',
    version: '0.0.1',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['https://*.zendesk.com/agent/*'], run_at: 'document_idle', js: ['empty.js'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'empty.js'), '');
  writeFileSync(join(dir, 'background.js'), '');
  return dir;
}

/** The browsers start together, so none gets a quieter machine than the others. */
async function launchContexts(server, emptyExtensionDir, qaLensDir) {
  const specs = [
    { key: 'none', label: 'No extension', extensionDir: null },
    { key: 'empty', label: 'Empty content script', extensionDir: emptyExtensionDir },
    { key: 'qa', label: 'QA Lens (panel opens, as installed)', extensionDir: qaLensDir },
    { key: 'qaClosed', label: 'QA Lens, panel closed by the user (launcher only)', extensionDir: qaLensDir },
  ];
  const settled = await Promise.allSettled(
    specs.map(async (spec) => {
      const launched = await launchWithExtension({ extensionDir: spec.extensionDir, hostResolverRules: server.hostResolverRules, headless: true });
      await spec.setUp?.(launched.context);
      return launched;
    }),
  );
  const launched = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.allSettled(launched.map((l) => l.close()));
    throw failed.reason;
  }
  return specs.map((spec, i) => ({ ...spec, launched: launched[i], samples: [] }));
}

async function chromiumVersion(launched) {
  const browser = launched.context.browser();
  if (browser) return browser.version();
  // Older Playwright returns no Browser for a persistent context; ask the browser itself.
  const page = await launched.context.newPage();
  try {
    const cdp = await launched.context.newCDPSession(page);
    return (await cdp.send('Browser.getVersion')).product;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- 2 + 3. one page load

async function scriptDurationMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

function findPanelFrame(page) {
  return page.frames().find((f) => f.url().includes('/panel.html'));
}

/** A child frame that ended on Chromium's error page: the panel iframe could not load. */
function failedFrame(page) {
  return page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith('chrome-error://'));
}

/** Waits for the panel iframe and its 'qa-lens:interactive' mark; returns the mark in epoch ms. */
async function panelInteractiveAt(page, timeoutMs = PANEL_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  const frame = await pollFor('the panel iframe', () => findPanelFrame(page) ?? failedFrame(page), timeoutMs);
  if (!frame.url().includes('/panel.html')) throw new Error(`The panel iframe failed to load (${frame.url()}).`);
  const at = await pollFor(
    "the panel's qa-lens:interactive mark",
    () =>
      frame
        .evaluate(() => {
          const mark = performance.getEntriesByName('qa-lens:interactive')[0];
          return mark ? performance.timeOrigin + mark.startTime : null;
        })
        // The frame can still be navigating to panel.html; try again.
        .catch(() => null),
    Math.max(0, deadline - Date.now()),
  );
  return { frame, at };
}

/** Clicks the launcher and returns when, on the page's timeline, the click happened (the event's own time stamp). */
async function clickLauncherAt(page) {
  const clicked = page.evaluate(
    (timeout) =>
      new Promise((resolve, reject) => {
        addEventListener('click', (event) => resolve(event.timeStamp), { capture: true, once: true });
        setTimeout(() => reject(new Error('the click on the launcher never reached the page')), timeout);
      }),
    PANEL_TIMEOUT_MS,
  );
  await clickLauncher(page);
  return clicked;
}



/**
 * One measured load in a fresh page: load time from the Navigation Timing entry, main-thread script
 * time from CDP `Performance` (a delta, so nothing before the navigation counts) read at
 * `load + SETTLE_AFTER_LOAD_MS` in every context, and, with QA Lens, when its panel became usable:
 * after `load` as installed, after a click on the launcher where the user closed it (the click comes
 * after the script time is read, so it is not counted in it).
 */
async function measureLoad(entry) {
  const { context } = entry.launched;
  // Its launcher click reopens the panel for good, so it is closed again before each load.
  if (entry.key === 'qaClosed') await rememberPanelClosed(context);
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const scriptBefore = await scriptDurationMs(cdp);
    await page.goto(LOAD_URL, { waitUntil: 'load' });
    const { loadMs, pageOrigin } = await page.evaluate(async (settle) => {
      const nav = performance.getEntriesByType('navigation')[0];
      // Timed inside the page, so Playwright's round trips don't stretch the window.
      const wait = nav.loadEventStart + settle - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return { loadMs: nav.loadEventStart, pageOrigin: performance.timeOrigin };
    }, SETTLE_AFTER_LOAD_MS);
    const scriptMs = (await scriptDurationMs(cdp)) - scriptBefore;
    const sample = { loadMs, scriptMs };
    if (entry.key === 'qa' || entry.key === 'qaClosed') {
      try {
        const startedAt = entry.key === 'qaClosed' ? await clickLauncherAt(page) : loadMs;
        // Both clocks are epoch-based, so the frame's mark can be put on the page's timeline.
        const { at } = await panelInteractiveAt(page);
        sample.panelMs = at - pageOrigin - startedAt;
      } catch (error) {
        // A panel that never becomes usable is a result to report, not a reason to stop measuring.
        sample.panelError = error instanceof Error ? error.message : String(error);
      }
    }
    return sample;
  } finally {
    await page.close();
    await sleep(COOL_DOWN_MS);
  }
}

/** Round-robin (A, B, C, A, B, C, …) so drift in machine load hits every context alike. */
async function runPageCost(entries) {
  for (let round = 0; round < WARMUP_LOADS + LOADS; round++) {
    for (const entry of entries) {
      const sample = await measureLoad(entry);
      if (round >= WARMUP_LOADS) entry.samples.push(sample);
    }
  }
  const summary = {};
  for (const entry of entries) {
    const pick = (field) => entry.samples.map((s) => s[field]).filter(Number.isFinite);
    summary[entry.key] = {
      label: entry.label,
      loads: pick('loadMs'),
      scripts: pick('scriptMs'),
      loadMs: median(pick('loadMs')),
      scriptMs: median(pick('scriptMs')),
      panelErrors: entry.samples.map((s) => s.panelError).filter(Boolean),
      panelMs: { median: median(pick('panelMs')), p95: percentile(pick('panelMs'), 95) },
    };
  }
  return summary;
}

// ---------------------------------------------------------------- 4. save and submit

const countEntries = (frame, name) => frame.evaluate((n) => performance.getEntriesByName(n).length, name);
const readDurations = (frame, name) => frame.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/** Clicks `radio` and waits until the autosave after it has been measured. */
async function answerAndWaitForSave(frame, radio) {
  const before = await countEntries(frame, 'qa-lens:save-draft');
  await radio.click();
  await pollFor('the draft autosave', async () => ((await countEntries(frame, 'qa-lens:save-draft')) > before ? true : null), SAVE_TIMEOUT_MS);
}

/** Answers every criterion with its first option and submits; reports the form's alert if it refuses. */
async function submitOnce(frame) {
  const groups = frame.getByRole('radiogroup');
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio').first().click();
  // Feedback that passes the panel's checks (names a criterion, long enough to act on).
  await frame.getByRole('textbox', { name: 'Strengths' }).fill('Greeting used the customer’s name and thanked them for waiting.');
  await frame.getByRole('textbox', { name: 'Improvements' }).fill('Next steps: say when the fix takes effect and what to do if it does not.');
  await frame.getByRole('button', { name: 'Submit evaluation' }).click();
  const outcome = await pollFor(
    'the submit to finish',
    async () => {
      const durations = await readDurations(frame, 'qa-lens:submit');
      if (durations.length) return { durationMs: durations[0] };
      const alert = frame.getByRole('alert');
      if (await alert.count()) return { error: (await alert.first().innerText()).trim() };
      return null;
    },
    PANEL_TIMEOUT_MS,
  );
  return { ...outcome, criteria: count };
}

/** Saves then a submit on ticket 1002; a step that fails is reported in the table, not thrown. */
async function runSaves(entry) {
  const page = await entry.launched.context.newPage();
  const result = { saves: [], saveError: null, submit: null };
  try {
    await page.goto(SAVE_URL, { waitUntil: 'load' });
    const { frame } = await panelInteractiveAt(page);
    try {
      // Alternate between the first criterion's first two options, so every click changes the draft.
      const radios = frame.getByRole('radiogroup').first().getByRole('radio');
      if ((await radios.count()) < 2) throw new Error('the first criterion has fewer than two options to alternate between');
      for (let i = 0; i < SAVES; i++) await answerAndWaitForSave(frame, radios.nth(i % 2));
    } catch (error) {
      result.saveError = error instanceof Error ? error.message : String(error);
    }
    result.saves = await readDurations(frame, 'qa-lens:save-draft');
    result.submit = await submitOnce(frame).catch((error) => ({ error: error instanceof Error ? error.message : String(error), criteria: '?' }));
    return result;
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- report

function row(metric, measured, target = '—', pass = null) {
  return { metric, measured, target, result: pass === null ? '—' : pass ? 'pass' : '**FAIL**', pass };
}

/**
 * Each round loads the ticket in every browser within a second or so, so a slow moment on the machine
 * hits one round's loads alike; differences taken within a round cancel it, and their median is the
 * steadier estimate of what QA Lens adds (shown beside the judged difference of medians).
 */
function pairedDifferences(values, baseline) {
  return values.map((value, round) => value - baseline[round]).filter(Number.isFinite);
}

function buildRows({ size, cost, saves }) {
  const { none, empty, qa, qaClosed } = cost;
  const browsers = [none, empty, qa, qaClosed];
  const loadRatio = qa.loadMs / empty.loadMs;
  const scriptDelta = qa.scriptMs - none.scriptMs;
  const rows = [
    row(`Largest of ${size.count} content script(s), raw (${size.files.join(', ')})`, `${size.raw.toLocaleString('en')} B`),
    row('Largest content script, gzip -9', `${kb(size.gzip)} (${size.gzip.toLocaleString('en')} B)`, `≤ ${kb(TARGETS.contentScriptGzipBytes)}`, size.gzip <= TARGETS.contentScriptGzipBytes),
  ];
  for (const c of browsers) rows.push(row(`Load (loadEventStart), median: ${c.label}`, medianWithSpread(c.loads, ms)));
  rows.push(
    row('Load ratio QA Lens / empty content script', ratio(loadRatio), `≤ ${TARGETS.loadRatio.toFixed(2)}×`, loadRatio <= TARGETS.loadRatio),
    row('Load ratio QA Lens, panel closed / empty content script', ratio(qaClosed.loadMs / empty.loadMs)),
    row('Load ratio empty content script / none (floor)', ratio(empty.loadMs / none.loadMs)),
  );
  for (const c of browsers) rows.push(row(`Main-thread script time, median: ${c.label}`, medianWithSpread(c.scripts, ms)));
  rows.push(
    row('Script time QA Lens − none', ms(scriptDelta), `≤ ${TARGETS.scriptDeltaMs} ms`, scriptDelta <= TARGETS.scriptDeltaMs),
    row('Script time QA Lens − none, per round (median of the paired differences)', medianWithSpread(pairedDifferences(qa.scripts, none.scripts), ms)),
    row('Script time QA Lens, panel closed − none', ms(qaClosed.scriptMs - none.scriptMs)),
    row('Script time QA Lens, panel closed − none, per round', medianWithSpread(pairedDifferences(qaClosed.scripts, none.scripts), ms)),
    row('Panel interactive after load, median / p95', `${ms(qa.panelMs.median)} / ${ms(qa.panelMs.p95)}`, `≤ ${TARGETS.panelMs} ms`, qa.panelMs.median <= TARGETS.panelMs),
    row('Panel interactive after a click on the launcher, median / p95', `${ms(qaClosed.panelMs.median)} / ${ms(qaClosed.panelMs.p95)}`, `≤ ${TARGETS.panelMs} ms`, qaClosed.panelMs.median <= TARGETS.panelMs),
  );
  for (const c of [qa, qaClosed]) {
    if (c.panelErrors.length) rows.push(row(`${c.label}: loads whose panel never became interactive`, `${c.panelErrors.length} of ${c.loads.length}: ${c.panelErrors[0]}`, '0', false));
  }
  const saveMedian = median(saves.saves);
  rows.push(
    row(`Draft save (qa-lens:save-draft), median of ${saves.saves.length}`, ms(saveMedian), `≤ ${TARGETS.saveDraftMs} ms`, saveMedian <= TARGETS.saveDraftMs),
    row('Draft save, p95', ms(percentile(saves.saves, 95))),
  );
  if (saves.saveError) rows.push(row(`Draft autosave after each of ${SAVES} answers`, `stopped: ${saves.saveError}`, 'every answer saved', false));
  rows.push(
    saves.submit.error
      ? row(`Submit (${saves.submit.criteria} criteria answered)`, `refused: “${saves.submit.error}”`, 'succeeds', false)
      : row(`Submit (qa-lens:submit, ${saves.submit.criteria} criteria answered)`, ms(saves.submit.durationMs)),
  );
  return rows;
}

function markdownTable(rows) {
  const lines = ['| Metric | Measured | Target | Result |', '| --- | --: | --: | :-: |'];
  for (const r of rows) lines.push(`| ${r.metric} | ${r.measured} | ${r.target} | ${r.result} |`);
  return lines.join('\n');
}

function section({ table, machine, runtimeS }) {
  return `${MARK_START}
## Skeleton benchmarks

Measured ${new Date().toISOString()} with \`npm run bench\` (${runtimeS.toFixed(0)} s).
Machine: ${machine.cpu} × ${machine.cores} cores, ${machine.os}, Node ${process.version}, ${machine.chromium} (headless);
1-minute load average ${machine.loadBefore} before the run, ${machine.loadAfter} after.${machine.busy ? ' **The machine was busy (load average above the core count): page-load numbers are noisy.**' : ''}
Page loads: ${LOADS} per browser after ${WARMUP_LOADS} warm-ups (\`BENCH_LOADS\` overrides), of ${LOAD_URL} from the local HTTPS fixture server.

${table}

**How to read it.** Four Chromium browsers start together and load the same ticket in turn (A, B, C, D,
A, …), each time in a fresh tab with a ${COOL_DOWN_MS} ms pause after it closes, so slow moments on the machine
hit all of them alike: one without extensions; one with an extension whose content script is empty
but injected like QA Lens's (the floor any content script pays); QA Lens as installed, whose panel
opens beside the ticket; and QA Lens after the user closed the panel, where a ticket gets the
launcher only and is not read. *Load* is \`loadEventStart\` of the page's navigation entry, from
navigation start; the interquartile range (IQR) in brackets shows the noise: when two browsers'
ranges overlap widely, the difference between their medians means little. *Main-thread script time*
is CDP \`Performance.getMetrics\` ScriptDuration for the page, read ${SETTLE_AFTER_LOAD_MS} ms after \`load\` in every
browser; it covers the page's main thread, where the content script runs, but not the panel, an
out-of-process extension frame. *Panel interactive* is the panel's \`qa-lens:interactive\` mark put on
the page's timeline through both documents' \`performance.timeOrigin\` (two processes, so allow a
millisecond of clock skew), counted from \`load\` as installed (the panel deliberately mounts only
after the page's \`load\`) and from the click's own event time where the panel was closed (the click
comes after the script time is read). *Draft save*
is the \`qa-lens:save-draft\` measure around the IndexedDB write, over ${SAVES} answers on ticket 1002;
*Submit* is one \`qa-lens:submit\` after answering every criterion. Targets are judged on medians; the
p95 rows show the tails. KB = 1,024 bytes.
${MARK_END}`;
}

/** Replaces the marked section, or adds it (and the file) if it is not there yet. */
function writeDoc(text) {
  mkdirSync(dirname(DOC_PATH), { recursive: true });
  const current = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(MARK_START);
  const end = current.indexOf(MARK_END);
  const next =
    start !== -1 && end > start
      ? current.slice(0, start) + text + current.slice(end + MARK_END.length)
      : `${current.trimEnd()}\n\n${text}\n`;
  writeFileSync(DOC_PATH, next);
}

// ---------------------------------------------------------------- main

async function main() {
  const startedAt = Date.now();
  const qaLensDir = snapshotBuild();
  const size = measureContentScriptSize(qaLensDir);
  const emptyExtensionDir = makeEmptyExtension();
  const server = await startFixtureServer();
  let entries = [];
  try {
    entries = await launchContexts(server, emptyExtensionDir, qaLensDir);
    const qa = entries.find((e) => e.key === 'qa');
    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown CPU',
      cores: os.cpus().length,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      chromium: `Chromium ${await chromiumVersion(qa.launched)}`,
      loadBefore: os.loadavg()[0].toFixed(2),
    };
    console.log(`Measuring ${LOADS} loads per browser (+${WARMUP_LOADS} warm-ups)…`);
    const cost = await runPageCost(entries);
    console.log('Measuring draft saves and a submit…');
    const saves = await runSaves(qa);
    // Other work on the machine is the main source of noise in page loads, so the report says how busy it was.
    machine.loadAfter = os.loadavg()[0].toFixed(2);
    machine.busy = Math.max(Number(machine.loadBefore), Number(machine.loadAfter)) > machine.cores;
    const rows = buildRows({ size, cost, saves });
    const table = markdownTable(rows);
    const runtimeS = (Date.now() - startedAt) / 1000;
    console.log(`\n${table}\n`);
    writeDoc(section({ table, machine, runtimeS }));
    console.log(`Wrote ${DOC_PATH} (${runtimeS.toFixed(1)} s).`);
    const missed = rows.filter((r) => r.pass === false);
    if (machine.busy) console.warn(`\nWARNING: load average ${machine.loadBefore} → ${machine.loadAfter} on ${machine.cores} cores: page-load numbers are noisy.`);
    if (missed.length) console.warn(`\nWARNING: ${missed.length} target(s) missed: ${missed.map((r) => r.metric).join('; ')}`);
  } finally {
    await Promise.allSettled(entries.map((e) => e.launched.close()));
    await server.close();
    rmSync(emptyExtensionDir, { recursive: true, force: true });
    rmSync(qaLensDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

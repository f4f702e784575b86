// `node scripts/ensure-system-packages.mjs <start|test|bench>`: makes sure the programs that npm
// command needs beyond Node are on this machine. Where one is missing it installs Debian's package
// (as root, or with sudo that asks no password), saying what it installs and why; otherwise it
// stops with the exact command to run. Run first by `npm start`, `npm test` and `npm run bench`,
// so a fresh Debian machine with Node goes from `npm install` to a running demo and a green suite.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * What each command needs: Debian packages, why, and how to tell it is there. `binary` lists
 * places to look (an environment variable first, where the tests honour one); `command`, a name
 * to find on PATH.
 */
export const NEEDS = {
  chromium: {
    packages: ['chromium'],
    why: 'Chromium, which runs the extension in the demo, the browser tests and the benchmarks',
    env: 'CHROMIUM_PATH',
    binary: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  },
  firefox: {
    packages: ['firefox-esr'],
    why: 'Firefox ESR, for the Firefox smoke test',
    env: 'FIREFOX_PATH',
    binary: ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'],
  },
  openssl: {
    packages: ['openssl'],
    why: 'openssl, which makes the throwaway certificate the fixture helpdesks are served with',
    command: 'openssl',
  },
  fonts: {
    // DejaVu is what fontconfig picks for sans-serif, serif and monospace; with Liberation alone
    // every page was drawn in Liberation Mono. Liberation stands in for Arial, Helvetica and Times.
    packages: ['fonts-dejavu-core', 'fonts-liberation'],
    why: 'fonts, without which the browsers draw no text in screenshots',
    fonts: true,
  },
  postgresql: {
    packages: ['postgresql'],
    why: "PostgreSQL's initdb and pg_ctl, which the team server's tests start a throwaway database with",
    command: 'initdb',
    binaryGlob: { dir: '/usr/lib/postgresql', path: 'bin/initdb' },
  },
};

export const COMMANDS = {
  start: ['chromium', 'openssl', 'fonts'],
  test: ['chromium', 'firefox', 'openssl', 'fonts', 'postgresql'],
  bench: ['chromium', 'openssl', 'fonts'],
};

/** How a user types each command, for messages. */
const NPM = { start: 'npm start', test: 'npm test', bench: 'npm run bench' };

/**
 * What to do, from what the machine has: `{ action: 'none' }`, `{ action: 'install', packages,
 * runAs, update }` or `{ action: 'stop', message }`. Pure, so every case is tested.
 * `wrongPaths` lists environment variables set to a file that does not exist: a typo to fix, not a
 * package to install.
 * @param {{ command: string, missing: string[], wrongPaths?: { variable: string, value: string }[], isRoot: boolean, canSudo: boolean, hasApt: boolean, aptListsEmpty: boolean }} machine
 */
export function plan({ command, missing, wrongPaths = [], isRoot, canSudo, hasApt, aptListsEmpty }) {
  if (!Object.hasOwn(COMMANDS, command)) {
    return { action: 'stop', message: `Unknown command "${command}": expected one of ${Object.keys(COMMANDS).join(', ')}.` };
  }
  if (wrongPaths.length) {
    return {
      action: 'stop',
      message: wrongPaths.map(({ variable, value }) => `${variable} is set to ${value}, which does not exist: point it at the browser binary, or unset it to use Debian's.`).join('\n'),
    };
  }
  if (missing.length === 0) return { action: 'none' };
  const needs = missing.map((name) => NEEDS[name]);
  const packages = needs.flatMap((need) => need.packages);
  const list = needs.map((need) => `  - ${need.packages.join(', ')}: ${need.why}`).join('\n');
  const npm = NPM[command];
  if (!hasApt) {
    const variables = needs.flatMap((need) => (need.env ? [need.env] : []));
    return {
      action: 'stop',
      message:
        `\`${npm}\` needs programs this machine lacks, and there is no apt-get here to install them with:\n${list}\n` +
        `Install them with the system's package manager${variables.length ? ` (or point ${variables.join(' and ')} at a browser binary)` : ''}, then run \`${npm}\` again.`,
    };
  }
  if (!isRoot && !canSudo) {
    return {
      action: 'stop',
      message:
        `\`${npm}\` needs these Debian packages, and installing them takes root:\n${list}\n` +
        `Run:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}\nthen run \`${npm}\` again.`,
    };
  }
  return { action: 'install', packages, reasons: list, runAs: isRoot ? [] : ['sudo', '-n'], update: aptListsEmpty };
}

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, name)));

/** Whether any font file sits where fontconfig looks by default, a few folders deep. */
function hasFonts() {
  const roots = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts')];
  const walk = (dir, depth) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((entry) =>
      entry.isDirectory() ? depth > 0 && walk(join(dir, entry.name), depth - 1) : /\.(ttf|otf|ttc|pfb)$/i.test(entry.name),
    );
  };
  return roots.some((root) => walk(root, 4));
}

/** Whether this machine has what `name` in NEEDS stands for (a variable naming a binary counts). */
export function isPresent(name) {
  const need = NEEDS[name];
  if (need.env && process.env[need.env] && existsSync(process.env[need.env])) return true;
  if (need.binary?.some(isExecutable)) return true;
  if (need.command && onPath(need.command)) return true;
  if (need.binaryGlob) {
    const { dir, path } = need.binaryGlob;
    const versions = existsSync(dir) ? readdirSync(dir) : [];
    if (versions.some((version) => isExecutable(join(dir, version, path)))) return true;
  }
  if (need.fonts) return hasFonts();
  return false;
}

const run = (argv) => spawnSync(argv[0], argv.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;

function aptListsEmpty() {
  try {
    return !readdirSync('/var/lib/apt/lists').some((file) => file.endsWith('_Packages') || file.includes('_Packages.'));
  } catch {
    return true;
  }
}

function main() {
  const command = process.argv[2] ?? '';
  const needed = COMMANDS[command] ?? [];
  const wrongPaths = needed.flatMap((name) => {
    const variable = NEEDS[name].env;
    const value = variable && process.env[variable];
    return value && !existsSync(value) ? [{ variable, value }] : [];
  });
  const missing = needed.filter((name) => !isPresent(name));
  const isRoot = process.getuid?.() === 0;
  const decision = plan({
    command,
    missing,
    wrongPaths,
    isRoot,
    canSudo: !isRoot && missing.length > 0 && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    hasApt: onPath('apt-get'),
    aptListsEmpty: missing.length > 0 && aptListsEmpty(),
  });
  if (decision.action === 'none') return 0;
  if (decision.action === 'stop') {
    console.error(decision.message);
    return 1;
  }
  const apt = [...decision.runAs, 'apt-get'];
  console.log(`\`${NPM[command]}\` needs Debian packages this machine lacks; installing them${decision.runAs.length ? ' with sudo' : ''}:\n${decision.reasons}`);
  const update = () => run([...apt, 'update', '-q']);
  const install = () => run([...apt, 'install', '-y', '-q', '--no-install-recommends', ...decision.packages]);
  // Empty package lists (a fresh machine) need an update first; stale ones fail the install, and
  // get one update and a second try.
  if (decision.update && !update()) return fail(decision, command);
  if (!install() && (decision.update || !update() || !install())) return fail(decision, command);
  const still = missing.filter((name) => !isPresent(name));
  if (still.length) {
    console.error(`Installed ${decision.packages.join(' ')}, yet these are still missing: ${still.map((name) => NEEDS[name].why).join('; ')}.`);
    return 1;
  }
  console.log(`Installed ${decision.packages.join(' ')}.`);
  return 0;
}

function fail(decision, command) {
  const sudo = decision.runAs.length ? 'sudo ' : '';
  console.error(
    `Could not install ${decision.packages.join(' ')} (apt-get said why above). Fix that, or install them by hand:\n` +
      `  ${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${decision.packages.join(' ')}\nthen run \`${NPM[command]}\` again.`,
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();

import { COMMANDS, isPresent, plan } from '@/scripts/ensure-system-packages.mjs';

const fresh = { missing: ['chromium', 'firefox', 'openssl', 'fonts', 'postgresql'], isRoot: true, canSudo: false, hasApt: true, aptListsEmpty: true };

describe('ensure-system-packages', () => {
  it('needs what each command runs: browsers, openssl and fonts; Firefox and PostgreSQL for the tests only', () => {
    expect(COMMANDS.start).toEqual(['chromium', 'openssl', 'fonts']);
    expect(COMMANDS.bench).toEqual(['chromium', 'openssl', 'fonts']);
    expect(COMMANDS.test).toEqual(['chromium', 'firefox', 'openssl', 'fonts', 'postgresql']);
  });

  it('does nothing on a machine that has everything', () => {
    expect(plan({ ...fresh, command: 'test', missing: [] })).toEqual({ action: 'none' });
  });

  it('installs Debian’s packages as root on a fresh machine, updating the empty package lists first', () => {
    const decision = plan({ ...fresh, command: 'test' });
    expect(decision).toMatchObject({ action: 'install', packages: ['chromium', 'firefox-esr', 'openssl', 'fonts-dejavu-core', 'fonts-liberation', 'postgresql'], runAs: [], update: true });
    expect(decision.action === 'install' && decision.reasons).toMatch(/firefox-esr: Firefox ESR, for the Firefox smoke test/);
  });

  it('installs with sudo where sudo asks no password, and skips the update where the lists are there', () => {
    expect(plan({ ...fresh, command: 'start', missing: ['chromium'], isRoot: false, canSudo: true, aptListsEmpty: false })).toMatchObject({
      action: 'install',
      packages: ['chromium'],
      runAs: ['sudo', '-n'],
      update: false,
    });
  });

  it('stops with the exact command to run where it cannot become root', () => {
    const decision = plan({ ...fresh, command: 'test', missing: ['firefox', 'postgresql'], isRoot: false, canSudo: false });
    expect(decision.action).toBe('stop');
    expect(decision.action === 'stop' && decision.message).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends firefox-esr postgresql\nthen run `npm test` again.',
    );
  });

  it('stops, naming what is missing and the variables that point at browsers, where there is no apt-get', () => {
    const decision = plan({ ...fresh, command: 'bench', missing: ['chromium', 'openssl'], hasApt: false });
    expect(decision.action === 'stop' && decision.message).toMatch(/^`npm run bench` needs programs this machine lacks, and there is no apt-get here/);
    expect(decision.action === 'stop' && decision.message).toMatch(/chromium: Chromium[^]*openssl: openssl[^]*point CHROMIUM_PATH at a browser binary/);
  });

  it('stops on a browser variable that points nowhere rather than installing over a typo', () => {
    expect(plan({ ...fresh, command: 'start', missing: [], wrongPaths: [{ variable: 'CHROMIUM_PATH', value: '/opt/chrom/chrome' }] })).toEqual({
      action: 'stop',
      message: "CHROMIUM_PATH is set to /opt/chrom/chrome, which does not exist: point it at the browser binary, or unset it to use Debian's.",
    });
  });

  it('refuses a command it does not know', () => {
    expect(plan({ ...fresh, command: 'deploy' })).toEqual({ action: 'stop', message: 'Unknown command "deploy": expected one of start, test, bench.' });
  });

  it('finds a browser named by its variable, and not one whose variable points nowhere', () => {
    const saved = { CHROMIUM_PATH: process.env.CHROMIUM_PATH, PATH: process.env.PATH };
    try {
      process.env.PATH = '';
      process.env.CHROMIUM_PATH = process.execPath; // any executable file will do
      expect(isPresent('chromium')).toBe(true);
      expect(isPresent('openssl')).toBe(false); // not on an empty PATH
    } finally {
      process.env.CHROMIUM_PATH = saved.CHROMIUM_PATH;
      process.env.PATH = saved.PATH;
      if (saved.CHROMIUM_PATH === undefined) delete process.env.CHROMIUM_PATH;
    }
  });
});

/**
 * `npm run server:admin -- <command>`: runs teams on a running team server. PGlite serves one
 * process only, so the CLI never opens the database: it calls the server's admin endpoints on
 * loopback with the secret the server wrote to its data folder (QA_LENS_DATA, readable by its
 * owner only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, ADDRESS_FILE, ADMIN_SECRET_FILE } from '../server';

const USAGE = `Usage: npm run server:admin -- <command>
  create-team "<name>" [--name "<admin's name>"] [--email <admin's email>]
  invite --team <id> --role admin|supervisor|agent --name "<name>" [--email <e>] [--identity "<helpdesk name or email>"]...
  revoke <member id or email>
  list <team id>`;

export class CliError extends Error {}

const NOT_RUNNING = 'The team server is not running: start it with npm run server (with the same QA_LENS_DATA), then run this again.';

function connection(dataDir: string): { url: string; secret: string } {
  try {
    const { url } = JSON.parse(readFileSync(join(dataDir, ADDRESS_FILE), 'utf8')) as { url: string };
    return { url, secret: readFileSync(join(dataDir, ADMIN_SECRET_FILE), 'utf8').trim() };
  } catch {
    throw new CliError(NOT_RUNNING);
  }
}

async function call<T>(dataDir: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const { url, secret } = connection(dataDir);
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new CliError(NOT_RUNNING);
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new CliError(answer.error ?? `The team server answered ${response.status}.`);
  return answer as T;
}

interface MemberOut {
  id: string;
  name: string;
  email: string | null;
  role: string;
  identities: { value: string }[];
  active: boolean;
}
interface InviteOut {
  code: string;
  expiresAt: number;
  member: MemberOut;
  team: { id: string; name: string };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Runs one command; returns what to print. Throws CliError with a sentence for the operator. */
export async function runAdmin(argv: readonly string[], dataDir = configFromEnv().dataDir): Promise<string> {
  const [command, ...rest] = argv;
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: { team: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, identity: { type: 'string', multiple: true } },
      });
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n${USAGE}`);
    }
  })();
  switch (command) {
    case 'create-team': {
      const name = positionals[0];
      if (!name) throw new CliError(`create-team needs the team's name.\n${USAGE}`);
      const out = await call<InviteOut>(dataDir, 'POST', '/admin/teams', { name, adminName: values.name, adminEmail: values.email ?? null });
      return [
        `Team "${out.team.name}" created.`,
        `Team id: ${out.team.id}`,
        `Invite code: ${out.code}`,
        `That code signs in the team's first admin (${out.member.name}) once, until ${day(out.expiresAt)}: paste it in QA Lens, Settings → Team.`,
      ].join('\n');
    }
    case 'invite': {
      if (!values.team || !values.role || !values.name) throw new CliError(`invite needs --team, --role and --name.\n${USAGE}`);
      if (!['admin', 'supervisor', 'agent'].includes(values.role)) throw new CliError(`--role must be admin, supervisor or agent, not "${values.role}".`);
      const out = await call<InviteOut>(dataDir, 'POST', '/admin/invites', {
        teamId: values.team,
        role: values.role,
        name: values.name,
        email: values.email ?? null,
        identities: values.identity ?? [],
      });
      return [
        `Invite code: ${out.code}`,
        `For ${out.member.name} (${out.member.role}, member ${out.member.id}) in "${out.team.name}"; one use, until ${day(out.expiresAt)}.`,
      ].join('\n');
    }
    case 'revoke': {
      const user = positionals[0];
      if (!user) throw new CliError(`revoke needs a member id or email.\n${USAGE}`);
      const out = await call<{ member: MemberOut; team: { name: string }; tokens: number }>(dataDir, 'POST', '/admin/revoke', { user });
      return `Revoked ${out.member.name} (${out.member.id}) in "${out.team.name}": ${out.tokens} sign-in(s) ended, member deactivated.`;
    }
    case 'list': {
      const team = positionals[0];
      if (!team) throw new CliError(`list needs a team id.\n${USAGE}`);
      const out = await call<{ team: { id: string; name: string }; members: (MemberOut & { joined: boolean; signedIn: number })[] }>(dataDir, 'GET', `/admin/teams/${encodeURIComponent(team)}`);
      const rows = out.members.map((m) => [m.id, m.name, m.role, m.email ?? '', m.identities.map((i) => i.value).join(', '), m.active ? 'yes' : 'no', m.joined ? `yes (${m.signedIn} signed in)` : 'invited']);
      return [`Team "${out.team.name}" (${out.team.id}), ${out.members.length} member(s)`, table(['id', 'name', 'role', 'email', 'identities', 'active', 'joined'], rows)].join('\n');
    }
    default:
      throw new CliError(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
  }
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

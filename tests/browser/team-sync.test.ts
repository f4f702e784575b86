/**
 * Two browser profiles of one team, a reviewer and an agent, each with the built extension, through
 * one team server started as a user starts it and run by its admin CLI from a second process.
 */
import { rmSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { startFixtureServer } from '../support/fixture-server.mjs';
import { extensionWithHostsGranted } from '../support/granted-extension';
import { launchWithExtension } from '../support/launch-extension.mjs';
import { inviteCode, startTeamServer, teamId, type TeamServer } from '../support/team-server.mjs';
import { answerAll, axeViolations, panelFrame, stopServiceWorker, type BrowserSession } from './support/session';

/** The extension's own API, as code passed to `page.evaluate` on an extension page sees it. */
declare const chrome: typeof browser;

const TICKET = (id: number) => `https://acme.zendesk.com/agent/tickets/${id}`;

interface Member {
  session: BrowserSession;
  /** An extension page kept open: Settings, My reviews, the dashboard. */
  app: Page;
}

async function openMember(extensionDir: string, hostResolverRules: string, server: Awaited<ReturnType<typeof startFixtureServer>>): Promise<Member> {
  const launched = await launchWithExtension({ extensionDir, hostResolverRules });
  const session: BrowserSession = { server, context: launched.context, extensionUrl: launched.extensionUrl, close: () => launched.close() };
  const app = await session.context.newPage();
  return { session, app };
}

async function joinTeam(member: Member, team: TeamServer, code: string): Promise<void> {
  const { app, session } = member;
  await app.goto(session.extensionUrl('options.html'));
  const section = app.getByRole('region', { name: 'Team', exact: true });
  await section.getByRole('textbox', { name: 'Server address' }).fill(team.url);
  await section.getByRole('textbox', { name: 'Invite code' }).fill(code);
  await section.getByRole('button', { name: 'Join team' }).click();
  await section.getByRole('status').filter({ hasText: /^Synced · last synced .* · no changes waiting$/ }).waitFor({ timeout: 30_000 });
}

/** "Sync now" in Settings → Team, then waits for the round to finish. */
async function syncNow(member: Member): Promise<void> {
  const { app, session } = member;
  await app.goto(session.extensionUrl('options.html'));
  const section = app.getByRole('region', { name: 'Team', exact: true });
  await section.getByRole('status').waitFor();
  const before = await app.evaluate(() => chrome.runtime.sendMessage({ type: 'team/status', payload: {} }).then((r: { data: { lastSyncedAt: number | null } }) => r.data.lastSyncedAt));
  await section.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(() => app.evaluate(() => chrome.runtime.sendMessage({ type: 'team/status', payload: {} }).then((r: { data: { lastSyncedAt: number | null; phase: string } }) => r.data)))
    .toMatchObject({ phase: 'synced', lastSyncedAt: expect.toSatisfy((at: number | null) => at !== null && at !== before) });
}

async function scoreTicket(member: Member, id: number, agent = 'Alex Moreno'): Promise<void> {
  const page = await member.session.context.newPage();
  await page.goto(TICKET(id));
  const panel: Frame = await panelFrame(page);
  await panel.getByTestId('ticket-agent').getByText(agent).waitFor();
  await answerAll(panel);
  await panel.getByRole('textbox', { name: 'Strengths' }).fill('Identified the real need: the refund date was confirmed up front.');
  await panel.getByRole('textbox', { name: 'Improvements' }).fill('Greeting and personalisation: open with the customer’s name.');
  await panel.getByRole('button', { name: 'Submit evaluation' }).click();
  await panel.getByText(/Evaluation submitted: \d+(\.\d+)?%/).waitFor();
  await page.close();
}

describe('team sync between a reviewer’s and an agent’s browser', () => {
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let team: TeamServer;
  let extensionDir: string;
  let rita: Member;
  let alex: Member;
  const review = (member: Member, subject: RegExp) => member.app.getByRole('article', { name: subject });

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    team = await startTeamServer();
    extensionDir = extensionWithHostsGranted(['http://127.0.0.1/*']);
    // The QA lead creates the team from a second terminal while the server runs; she reviews too.
    const created = await team.admin('create-team', 'Acme support', '--name', 'Rita Reviewer');
    const agentInvite = await team.admin('invite', '--team', teamId(created), '--role', 'agent', '--name', 'Alex Moreno', '--email', 'alex.moreno@acme-support.example', '--identity', 'alex.moreno@acme-support.example');
    rita = await openMember(extensionDir, fixtures.hostResolverRules, fixtures);
    alex = await openMember(extensionDir, fixtures.hostResolverRules, fixtures);
    await joinTeam(rita, team, inviteCode(created));
    await joinTeam(alex, team, inviteCode(agentInvite));
  });
  afterAll(async () => {
    await rita?.session.close();
    await alex?.session.close();
    await team?.close();
    await fixtures?.close();
    rmSync(extensionDir, { recursive: true, force: true });
  });

  it('shows who joined, and Settings → Team passes axe', async () => {
    const section = alex.app.getByRole('region', { name: 'Team', exact: true });
    await section.getByText('You are Alex Moreno, agent.', { exact: false }).waitFor();
    expect(await axeViolations(alex.app.mainFrame())).toEqual([]);
  });

  it('the reviewer’s review reaches the agent’s My reviews; the acknowledgement reaches the reviewer’s dashboard', async () => {
    await scoreTicket(rita, 1001);
    await scoreTicket(rita, 1003);
    await syncNow(rita);
    await syncNow(alex);
    await alex.app.goto(alex.session.extensionUrl('reviews.html'));
    const refund = review(alex, /Refund for order #4411/);
    await refund.getByText('Identified the real need: the refund date was confirmed up front.').waitFor();
    expect(await alex.app.getByRole('article').count()).toBe(2);
    await refund.getByRole('textbox', { name: 'Comment for your reviewer (optional)' }).fill('Thanks, will do.');
    await refund.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => refund.getByTestId('review-status').textContent()).toBe('Acknowledged');

    await syncNow(alex);
    await syncNow(rita);
    await rita.app.goto(rita.session.extensionUrl('dashboard.html'));
    const list = rita.app.getByRole('table', { name: /Submitted evaluations/ });
    await list.getByRole('row', { name: /Refund for order #4411/ }).getByRole('cell', { name: 'Acknowledged' }).waitFor();
    await list.getByRole('button', { name: /Refund for order #4411/ }).click();
    await rita.app.getByText(/Submitted → Acknowledged by Alex Moreno \(agent\)/).waitFor();
    await rita.app.getByText('Thanks, will do.').waitFor();
  });

  it('a dispute the agent sends while the server is down waits, says Offline, and arrives once it is back; the resolution reaches the agent', async () => {
    await team.kill();
    await alex.app.goto(alex.session.extensionUrl('reviews.html'));
    const locked = review(alex, /Account locked/);
    await locked.getByRole('button', { name: 'Dispute' }).click();
    await locked.getByRole('combobox', { name: 'Criterion' }).selectOption({ label: 'Greeting and personalisation' });
    await locked.getByRole('textbox', { name: 'Reason' }).fill('I greeted Mallory by name in my first reply.');
    await locked.getByRole('button', { name: 'Send dispute' }).click();
    await expect.poll(() => locked.getByTestId('review-status').textContent()).toBe('Disputed');
    await alex.app.goto(alex.session.extensionUrl('options.html'));
    const section = alex.app.getByRole('region', { name: 'Team', exact: true });
    await section.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Offline · .* · 1 change waiting to be sent/);

    await team.restart();
    await syncNow(alex);
    await syncNow(rita);
    await rita.app.goto(rita.session.extensionUrl('reviews.html'));
    const disputed = review(rita, /Account locked/);
    await disputed.getByText('I greeted Mallory by name in my first reply.', { exact: false }).first().waitFor();
    await disputed.getByRole('combobox', { name: 'Decision on Greeting and personalisation' }).selectOption({ label: 'Reject: keep the answer' });
    await disputed.getByRole('textbox', { name: 'Reason for Greeting and personalisation' }).fill('The first reply has no greeting.');
    await disputed.getByRole('button', { name: 'Resolve dispute' }).click();
    await rita.app.getByText('No open disputes.').waitFor();

    await syncNow(rita);
    await syncNow(alex);
    await alex.app.goto(alex.session.extensionUrl('reviews.html'));
    const resolved = review(alex, /Account locked/);
    await expect.poll(() => resolved.getByTestId('review-status').textContent()).toBe('Resolved');
    await resolved.getByText('Greeting and personalisation: rejected (The first reply has no greeting.)').waitFor();
  });

  it('a coaching plan reaches the agent’s open Coaching page without a reload', async () => {
    const coaching = await alex.session.context.newPage();
    await coaching.goto(alex.session.extensionUrl('coaching.html'));
    await coaching.getByText('No coaching plans yet.').waitFor();

    await rita.app.goto(rita.session.extensionUrl('coaching.html'));
    await rita.app.getByRole('button', { name: 'New coaching plan' }).click();
    await rita.app.getByRole('combobox', { name: 'Agent' }).fill('Alex Moreno');
    await rita.app.getByRole('combobox', { name: 'Measure' }).selectOption({ label: 'QA score' });
    await rita.app.getByRole('textbox', { name: 'Target' }).fill('95');
    await rita.app.getByLabel('Due date').fill('2030-01-15');
    await rita.app.getByLabel('Follow-up date').fill('2030-01-31');
    await rita.app.getByRole('textbox', { name: 'Agreed actions (one per line)' }).fill('Read the greeting guide');
    await rita.app.getByRole('button', { name: 'Create plan' }).click();
    await rita.app.getByRole('article', { name: /Alex Moreno: QA score/ }).waitFor();

    await syncNow(rita);
    await syncNow(alex);
    // The page was never reloaded: the worker told it the team's plans changed.
    await coaching.getByRole('article', { name: /Alex Moreno: QA score/ }).getByText('Read the greeting guide').waitFor();
    await coaching.close();
  });

  it('converges after the service worker is stopped in the middle of syncing; another agent’s review never reaches Alex', async () => {
    await scoreTicket(rita, 1002, 'Sam Okafor');
    // The panel asked for a sync "soon"; ask for one now too and stop the worker while it runs.
    await rita.app.goto(rita.session.extensionUrl('options.html'));
    await rita.app.getByRole('region', { name: 'Team', exact: true }).getByRole('button', { name: 'Sync now' }).click();
    await stopServiceWorker(rita.session);
    await syncNow(rita);
    expect(await rita.app.evaluate(() => chrome.runtime.sendMessage({ type: 'team/status', payload: {} }).then((r: { data: { pending: number } }) => r.data.pending))).toBe(0);
    await syncNow(alex);
    await alex.app.goto(alex.session.extensionUrl('reviews.html'));
    await review(alex, /Account locked/).waitFor();
    expect(await alex.app.getByRole('article').count()).toBe(2);
    expect(await alex.app.getByText('Chat with Lee Park').count()).toBe(0);
  });

  it('badges a sign-in that stopped working, and says to sign in again', async () => {
    const listed = await team.admin('revoke', 'alex.moreno@acme-support.example').catch(() => '');
    expect(listed).toMatch(/Revoked Alex Moreno/);
    await alex.app.goto(alex.session.extensionUrl('options.html'));
    const section = alex.app.getByRole('region', { name: 'Team', exact: true });
    await section.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Sign in again: /);
    expect(await alex.app.evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
  });
});

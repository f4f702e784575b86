import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { TeamSection, statusLine } from '../../../components/options/TeamSection';
import type { TeamClient } from '../../../components/options/team-client';
import type { TeamStatus } from '../../../lib/messaging/contracts';

const NOW = Date.UTC(2026, 11, 3, 10, 0);
const ALONE: TeamStatus = { team: null, serverUrl: null, member: null, phase: 'synced', error: '', lastSyncedAt: null, retryAt: null, pending: 0, rejected: [] };
const IN_TEAM: TeamStatus = {
  ...ALONE,
  team: { id: 'team-1', name: 'Support EMEA' },
  serverUrl: 'https://qa.example.com',
  member: { id: 'm-1', name: 'Rae Reviewer', email: null, role: 'supervisor', identities: [], active: true },
  lastSyncedAt: NOW - 60_000,
};

/** A team client that answers from a script, as the worker would, and records what was asked. */
function scriptedClient(initial: TeamStatus, join: (input: { serverUrl: string; inviteCode: string }) => Promise<TeamStatus>) {
  const calls: string[] = [];
  let listener: ((status: TeamStatus) => void) | undefined;
  const client: TeamClient = {
    status: async () => initial,
    join: async (input) => {
      calls.push(`join ${input.serverUrl} ${input.inviteCode}`);
      return join(input);
    },
    leave: async () => {
      calls.push('leave');
      return ALONE;
    },
    syncNow: async () => void calls.push('sync'),
    dismissRejected: async () => ({ ...initial, rejected: [] }),
    onStatus: (l) => {
      listener = l;
      return () => (listener = undefined);
    },
    now: () => NOW,
  };
  return { client, calls, push: (status: TeamStatus) => listener?.(status) };
}

describe('Settings → Team', () => {
  it('joins with the server address and invite code, then says it synced', async () => {
    const { client, calls } = scriptedClient(ALONE, async () => IN_TEAM);
    render(<TeamSection client={client} />);
    fireEvent.input(await screen.findByLabelText('Server address'), { target: { value: 'https://qa.example.com' } });
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: 'INV-123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join team' }));
    expect(await screen.findByText('Support EMEA')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/^Synced · last synced .* · no changes waiting$/);
    expect(calls).toEqual(['join https://qa.example.com INV-123456']);
  });

  it('shows why joining failed and stays ready to try again', async () => {
    const { client } = scriptedClient(ALONE, async () => {
      throw new Error('This invite code has expired. Ask your admin for a new one.');
    });
    render(<TeamSection client={client} />);
    fireEvent.input(await screen.findByLabelText('Server address'), { target: { value: 'https://qa.example.com' } });
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: 'OLD-CODE-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join team' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This invite code has expired. Ask your admin for a new one.');
    expect(screen.getByRole('button', { name: 'Join team' })).toBeTruthy();
  });

  it('follows the worker’s status as it syncs, goes offline, or is signed out', async () => {
    const { client, push } = scriptedClient(IN_TEAM, async () => IN_TEAM);
    render(<TeamSection client={client} />);
    await screen.findByText('Support EMEA');
    push({ ...IN_TEAM, phase: 'syncing', pending: 2 });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Syncing… · .* · 2 changes waiting to be sent$/));
    push({ ...IN_TEAM, phase: 'offline', error: 'The team server did not answer.', pending: 2, retryAt: NOW + 30_000 });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Offline · The team server did not answer\. · .* · next try /));
    push({ ...IN_TEAM, phase: 'signed-out', error: 'Sign in again: this token was revoked.' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Sign in again: this token was revoked\./));
    // Signed out, the invite form is back, with the server filled in.
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://qa.example.com');
  });

  it('warns before leaving with changes that have not reached the team', async () => {
    const { client, calls } = scriptedClient({ ...IN_TEAM, pending: 3 }, async () => IN_TEAM);
    render(<TeamSection client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Leave team' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/3 changes have not reached the team yet/);
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Leave team' }));
    expect(await screen.findByRole('button', { name: 'Join team' })).toBeTruthy();
    expect(calls).toEqual(['leave']);
  });

  it('lists the changes the server refused, with the reasons', async () => {
    const { client } = scriptedClient({ ...IN_TEAM, rejected: [{ kind: 'scorecard', key: 'sc@2', reason: 'A team supervisor cannot change the team’s scorecards.', at: NOW }] }, async () => IN_TEAM);
    render(<TeamSection client={client} />);
    const refused = await screen.findByRole('region', { name: 'Changes the team server refused' });
    expect(refused.textContent).toContain('scorecard sc@2: A team supervisor cannot change the team’s scorecards.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Changes the team server refused' })).toBeNull());
  });

  it('has no axe violations alone or in a team', async () => {
    const { client } = scriptedClient({ ...IN_TEAM, pending: 1 }, async () => IN_TEAM);
    const { container } = render(<TeamSection client={client} />);
    await screen.findByText('Support EMEA');
    expect((await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })).violations).toEqual([]);
  });

  it('says plainly when nothing has synced yet', () => {
    expect(statusLine({ ...IN_TEAM, lastSyncedAt: null }, NOW)).toBe('Waiting to sync · never synced yet · no changes waiting');
  });
});

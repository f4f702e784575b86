import { browser } from 'wxt/browser';
import type { TeamClient } from '../../components/options/team-client';
import { request, subscribe } from '../messaging/client';
import { normaliseServerUrl } from '../sync/sync-api';

/** The team server's pages, as the permission asks for them. */
const serverPattern = (serverUrl: string) => {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
};

/** Settings → Team through the background worker, which runs team sync. */
export function createTeamClient(): TeamClient {
  return {
    status: () => request('team/status', {}),
    async join(input) {
      const serverUrl = normaliseServerUrl(input.serverUrl);
      // Must run in the click's own task: browsers only show the permission prompt for a user gesture.
      const granted = await browser.permissions.request({ origins: [serverPattern(serverUrl)] });
      if (!granted) throw new Error(`The browser did not allow QA Lens to reach ${serverUrl}, so you have not joined.`);
      return request('team/join', { serverUrl, inviteCode: input.inviteCode });
    },
    leave: () => request('team/leave', {}),
    syncNow: async () => void (await request('team/sync', { soon: false })),
    dismissRejected: () => request('team/dismiss-rejected', {}),
    onStatus: (listener) => subscribe('team/status', listener),
    now: () => Date.now(),
  };
}

import { syncSiteScripts, type SiteScriptApis } from '@/lib/background/sites';

/** The browser's registry of content scripts and its granted hosts, in memory. */
function browserState(granted: string[], registered: string[] = []) {
  const scripts = new Map(registered.map((id) => [id, '']));
  const apis: SiteScriptApis = {
    hasPermission: async (pattern) => granted.includes(pattern),
    registered: async () => [...scripts.keys()],
    register: async (id, pattern, script) => void scripts.set(id, `${pattern} ${script}`),
    unregister: async (ids) => ids.forEach((id) => scripts.delete(id)),
  };
  return { apis, scripts };
}

const crm = { origin: 'https://crm.example.com', helpdesk: '', ticketPattern: '', transcriptSelector: '' };
const desk = { origin: 'https://desk.example.org', helpdesk: '', ticketPattern: '', transcriptSelector: '' };

describe('content scripts for enabled sites', () => {
  it('registers a script for each enabled site whose permission is granted, only there', async () => {
    const { apis, scripts } = browserState(['https://crm.example.com/*']);
    await syncSiteScripts([crm, desk], apis);
    expect([...scripts]).toEqual([['site:content-scripts/generic.js:https://crm.example.com', 'https://crm.example.com/* content-scripts/generic.js']]);
  });

  it('stops on a site whose permission was revoked, and on a removed site', async () => {
    const { apis, scripts } = browserState([], ['site:content-scripts/generic.js:https://crm.example.com', 'site:content-scripts/generic.js:https://desk.example.org', 'other-feature']);
    await syncSiteScripts([crm], apis);
    expect([...scripts.keys()]).toEqual(['other-feature']);
  });

  it('changes nothing when run again', async () => {
    const { apis, scripts } = browserState(['https://crm.example.com/*']);
    await syncSiteScripts([crm], apis);
    const register = vi.spyOn(apis, 'register');
    await syncSiteScripts([crm], apis);
    expect(register).not.toHaveBeenCalled();
    expect(scripts.size).toBe(1);
  });

  it('runs a known helpdesk’s own script on its custom domain, and swaps scripts when the setting changes', async () => {
    const { apis, scripts } = browserState(['https://support.example.org/*']);
    const support = { origin: 'https://support.example.org', helpdesk: 'zendesk', ticketPattern: '', transcriptSelector: '' };
    await syncSiteScripts([support], apis);
    expect([...scripts.values()]).toEqual(['https://support.example.org/* content-scripts/zendesk.js']);
    await syncSiteScripts([{ ...support, helpdesk: '' }], apis);
    expect([...scripts.values()]).toEqual(['https://support.example.org/* content-scripts/generic.js']);
  });
});

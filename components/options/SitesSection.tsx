import { useEffect, useState } from 'preact/hooks';
import type { EnabledSite, SitesClient } from './sites-client';

const EMPTY = { origin: '', helpdesk: '', ticketPattern: '', transcriptSelector: '' };

/**
 * Turns QA Lens on for a site it does not know (an in-house CRM, a helpdesk on its own domain).
 * The browser asks for that one site's permission; nothing is requested up front.
 */
export function SitesSection({ client }: { client: SitesClient }) {
  const [sites, setSites] = useState<EnabledSite[] | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const refresh = () => client.list().then(setSites, (e: unknown) => setError(String(e)));
  useEffect(() => void refresh(), [client]);

  const enable = async (event: Event) => {
    event.preventDefault();
    setError('');
    setStatus('');
    try {
      const site = await client.enable(form);
      setForm(EMPTY);
      setStatus(`QA Lens is on for ${site.origin}. Reload its open tabs to see the panel.`);
      await refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const remove = async (origin: string) => {
    await client.remove(origin);
    setStatus(`QA Lens is off for ${origin}.`);
    await refresh();
  };
  const field = (name: keyof typeof EMPTY) => ({
    value: form[name],
    onInput: (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [name]: e.currentTarget.value }),
  });

  return (
    <section class="options-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Other sites</h2>
      <p class="muted">Use QA Lens on a site it does not recognise. Your browser asks you to allow that one site.</p>
      {sites && sites.length > 0 && (
        <ul class="sites">
          {sites.map(({ site, granted }) => (
            <li key={site.origin}>
              <strong>{site.origin}</strong> {granted ? <span class="good">on</span> : <span class="bad">permission revoked</span>}
              {site.helpdesk && <span class="muted"> · {client.helpdesks.find((h) => h.id === site.helpdesk)?.label ?? site.helpdesk}</span>}
              {site.ticketPattern && <span class="muted"> · tickets: {site.ticketPattern}</span>}
              <button type="button" aria-label={`Turn off QA Lens on ${site.origin}`} onClick={() => void remove(site.origin)}>
                Turn off
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={enable}>
        <label>
          <span>Site address</span>
          <input type="url" required placeholder="https://crm.example.com" {...field('origin')} />
        </label>
        <label>
          <span>Helpdesk</span>
          <select value={form.helpdesk} onChange={(e) => setForm({ ...form, helpdesk: e.currentTarget.value })}>
            <option value="">Not one QA Lens knows</option>
            {client.helpdesks.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label} on its own domain
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Ticket URL pattern (optional)</span>
          <input type="text" placeholder="https://crm.example.com/cases/{id}" {...field('ticketPattern')} />
        </label>
        <label>
          <span>Messages selector (optional)</span>
          <input type="text" placeholder=".conversation .message" {...field('transcriptSelector')} />
        </label>
        <button type="submit" class="primary">
          Enable QA Lens on this site
        </button>
      </form>
      <p role="status">{status}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

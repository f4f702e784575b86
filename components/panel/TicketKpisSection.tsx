import { useEffect, useId, useState } from 'preact/hooks';
import { kpiForm, parseKpiForm, type TicketKpiForm } from '@/lib/evaluations/ticket-kpi-form';
import type { PanelClient } from './panel-client';

interface Props {
  client: PanelClient;
  ticketKey: string;
  agent: string | null;
}

type Errors = Partial<Record<keyof TicketKpiForm, string>>;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** The ticket's service KPIs, entered by hand from the helpdesk: one record per ticket, updated in place. */
export function TicketKpisSection({ client, ticketKey, agent }: Props) {
  const [form, setForm] = useState<TicketKpiForm | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);
  const ids = useId();
  // Read only once the section is opened: most reviews never enter KPIs, and the panel opens faster.
  useEffect(() => {
    if (!opened) return;
    client.getTicketKpis(ticketKey).then(
      (kpis) => setForm(kpiForm(kpis)),
      (error: unknown) => setFailure(`Could not load this ticket’s KPIs: ${String(error)}`),
    );
  }, [client, ticketKey, opened]);

  const set = (field: keyof TicketKpiForm) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((f) => (f ? { ...f, [field]: value } : f));
    setStatus('');
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    const parsed = parseKpiForm(form);
    setErrors(parsed.ok ? {} : parsed.errors);
    setFailure(null);
    if (!parsed.ok) return setStatus('');
    try {
      await client.saveTicketKpis({ ticketKey, agent, kpis: parsed.kpis });
      setStatus('KPIs saved.');
    } catch (error) {
      setFailure(`Could not save the KPIs: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  /** A field's error, tied to it for screen readers. */
  const described = (field: keyof TicketKpiForm) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${ids}-${field}` } : {};
  const problem = (field: keyof TicketKpiForm) =>
    errors[field] && (
      <span id={`${ids}-${field}`} class="error">
        {errors[field]}
      </span>
    );

  return (
    <details class="ticket-kpis" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Ticket KPIs</summary>
      {form ? (
        <form class="kpi-form" onSubmit={save} noValidate>
          <label class="field">
            CSAT (1–5)
            <select value={form.csat} onChange={set('csat')}>
              <option value="">Not known</option>
              {range(1, 5).map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
          <label class="field">
            NPS answer (0–10)
            <select value={form.nps} onChange={set('nps')}>
              <option value="">Not known</option>
              {range(0, 10).map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
          <label class="field">
            First-contact resolved
            <select value={form.firstContactResolved} onChange={set('firstContactResolved')}>
              <option value="">Not known</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          </label>
          <label class="field">
            First response time
            <input type="text" placeholder="e.g. 1h 30m" value={form.firstResponse} onInput={set('firstResponse')} {...described('firstResponse')} />
            {problem('firstResponse')}
          </label>
          <label class="field">
            Resolution time
            <input type="text" placeholder="e.g. 2d 4h" value={form.resolution} onInput={set('resolution')} {...described('resolution')} />
            {problem('resolution')}
          </label>
          <label class="field">
            Reopens
            <input type="text" inputMode="numeric" value={form.reopens} onInput={set('reopens')} {...described('reopens')} />
            {problem('reopens')}
          </label>
          <div class="actions">
            <button type="submit">Save KPIs</button>
            <span role="status">{status}</span>
          </div>
        </form>
      ) : (
        !failure && <p class="muted">Loading…</p>
      )}
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
    </details>
  );
}

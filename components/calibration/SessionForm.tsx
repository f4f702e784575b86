import { useState } from 'preact/hooks';
import { lines } from '../../lib/sampling/plan-form';
import type { CalibrationSession, EvaluatedTicket, Profile, Scorecard } from '../../lib/schemas';
import type { CalibrationClient } from './calibration-client';

interface SessionFormProps {
  client: CalibrationClient;
  profile: Profile;
  scorecards: Scorecard[];
  tickets: EvaluatedTicket[];
  onSaved: (session: CalibrationSession) => Promise<void>;
  onCancel: () => void;
}

/** `New session`: the tickets everyone scores, on which scorecard version, who takes part and who is the benchmark. */
export function SessionForm({ client, profile, scorecards, tickets, onSaved, onCancel }: SessionFormProps) {
  const [name, setName] = useState('');
  const [scorecard, setScorecard] = useState(scorecards[0] ? `${scorecards[0].id}@${scorecards[0].version}` : '');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [participants, setParticipants] = useState(profile.name);
  const [benchmark, setBenchmark] = useState('');
  const [error, setError] = useState('');
  const people = lines(participants);
  const needle = search.trim().toLocaleLowerCase();
  const shown = tickets.filter((t) => !needle || [t.ticketId, t.subject, t.agent?.name ?? ''].some((f) => f.toLocaleLowerCase().includes(needle))).slice(0, 100);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    const card = scorecards.find((s) => `${s.id}@${s.version}` === scorecard);
    if (!card) return setError('Choose the scorecard everyone scores on.');
    if (chosen.length === 0) return setError('Choose at least one ticket to calibrate on.');
    if (people.length < 2) return setError('A calibration needs at least two participants.');
    const now = client.now();
    try {
      const session: CalibrationSession = {
        id: client.newId(),
        name: name.trim(),
        scorecardId: card.id,
        scorecardVersion: card.version,
        tickets: chosen.map((key) => tickets.find((t) => t.key === key)!),
        participants: people,
        benchmark: benchmark || null,
        status: 'open',
        notes: '',
        createdBy: { name: profile.name, role: profile.role },
        createdAt: now,
        updatedAt: now,
      };
      await onSaved(await client.saveSession(session));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form class="plan-form session-form" aria-labelledby="new-session-heading" onSubmit={submit}>
      <h2 id="new-session-heading">New calibration session</h2>
      <label>
        Session name
        <input type="text" required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Scorecard
        <select value={scorecard} onChange={(e) => setScorecard(e.currentTarget.value)}>
          {scorecards.map((s) => (
            <option key={`${s.id}@${s.version}`} value={`${s.id}@${s.version}`}>
              {s.name} v{s.version}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Tickets ({chosen.length} chosen)</legend>
        <label>
          Find tickets
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        {shown.length === 0 && <p class="muted">No tickets yet: open some in the panel or import a ticket list from the dashboard.</p>}
        {shown.map((t) => (
          <label key={t.key} class="inline">
            <input type="checkbox" checked={chosen.includes(t.key)} onChange={(e) => setChosen((c) => (e.currentTarget.checked ? [...c, t.key] : c.filter((k) => k !== t.key)))} />
            Ticket {t.ticketId}
            {t.agent ? ` (${t.agent.name})` : ''}
          </label>
        ))}
      </fieldset>
      <label>
        Participants (one per line)
        <textarea value={participants} onInput={(e) => setParticipants(e.currentTarget.value)} />
      </label>
      <label>
        Benchmark reviewer
        <select value={benchmark} onChange={(e) => setBenchmark(e.currentTarget.value)}>
          <option value="">None</option>
          {people.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          Create session
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

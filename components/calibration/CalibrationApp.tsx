import { useCallback, useEffect, useState } from 'preact/hooks';
import { reviewerDrift } from '../../lib/calibration/drift';
import type { CalibrationSession, EvaluatedTicket, Evaluation, Profile, Scorecard } from '../../lib/schemas';
import { PageNav } from '../shared/PageNav';
import { RecordPicker } from '../shared/RecordPicker';
import type { CalibrationClient } from './calibration-client';
import { SessionForm } from './SessionForm';
import { SessionView } from './SessionView';

interface Loaded {
  profile: Profile;
  sessions: CalibrationSession[];
  scorecards: Scorecard[];
  /** Every stored version a session pins, by `id@version`. */
  pinned: Map<string, Scorecard>;
  evaluations: Evaluation[];
  tickets: EvaluatedTicket[];
}

/** Dashboard → Calibration: sessions, blind scoring's results and agreement, and reviewer drift. */
export function CalibrationApp({ client }: { client: CalibrationClient }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [profile, sessions, scorecards, evaluations, tickets] = await Promise.all([
        client.getProfile(),
        client.listSessions(),
        client.listScorecards(),
        client.listEvaluations(),
        client.knownTickets(),
      ]);
      const pinned = new Map<string, Scorecard>();
      for (const s of sessions) {
        const key = `${s.scorecardId}@${s.scorecardVersion}`;
        const card = pinned.get(key) ?? (await client.getScorecard(s.scorecardId, s.scorecardVersion));
        if (card) pinned.set(key, card);
      }
      setData({ profile, sessions, scorecards, pinned, evaluations, tickets });
    } catch (e) {
      setError(`Could not load the calibration sessions: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [client]);
  useEffect(() => void load(), [load]);

  const open = data?.sessions.find((s) => s.id === openId) ?? data?.sessions[0];
  const drift = data && reviewerDrift(data.evaluations, data.sessions, (id, version) => data.pinned.get(`${id}@${version}`));
  return (
    <>
      <PageNav current="calibration" />
      <main class="calibration-page">
        <h1>Calibration</h1>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {data === null ? (
          <p class="muted">Loading…</p>
        ) : (
          <>
            {data.profile.role !== 'agent' &&
              (creating ? (
                <SessionForm
                  client={client}
                  profile={data.profile}
                  scorecards={data.scorecards}
                  tickets={data.tickets}
                  onSaved={async (session) => {
                    setCreating(false);
                    setOpenId(session.id);
                    await load();
                  }}
                  onCancel={() => setCreating(false)}
                />
              ) : (
                <button type="button" class="primary" onClick={() => setCreating(true)}>
                  New session
                </button>
              ))}
            <RecordPicker label="Session" records={data.sessions} empty="No calibration sessions yet." openId={open?.id} onOpen={setOpenId} optionText={(s) => s.name}>
              {open && (
                <SessionView
                  key={open.id}
                  client={client}
                  session={open}
                  scorecard={data.pinned.get(`${open.scorecardId}@${open.scorecardVersion}`)}
                  evaluations={data.evaluations}
                  profile={data.profile}
                  onChanged={load}
                />
              )}
            </RecordPicker>
            {drift && drift.reviewers.length > 0 && (
              <section aria-labelledby="drift-heading">
                <h2 id="drift-heading">Reviewer drift</h2>
                <p class="muted">Each reviewer’s mean given score in their reviews, and their alignment with the benchmark in that month’s sessions.</p>
                <div class="table-scroll">
                  <table>
                    <caption class="visually-hidden">Mean given score and alignment by month</caption>
                    <thead>
                      <tr>
                        <th scope="col">Reviewer</th>
                        {drift.months.map((m) => (
                          <th scope="col" key={m}>
                            {m}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {drift.reviewers.map((r) => (
                        <tr key={r.name}>
                          <th scope="row">{r.name}</th>
                          {r.cells.map((c, i) => (
                            <td key={drift.months[i]}>
                              {c.meanGiven === null ? '—' : `${c.meanGiven.toFixed(1)} (${c.reviews})`}
                              {c.alignment !== null && ` · aligned ${c.alignment.toFixed(1)}%`}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            )}
          </>
        )}
      </main>
    </>
  );
}

import { useState } from 'preact/hooks';
import { calibrationResults, describeAgreement, revealedTickets } from '../../lib/calibration/session-results';
import { calibrationAnswersCsv, calibrationStatisticsCsv } from '../../lib/csv/calibration-csv';
import type { CalibrationSession, Evaluation, Profile, Scorecard } from '../../lib/schemas';
import type { CalibrationClient, CalibrationImportPreview } from './calibration-client';

interface SessionViewProps {
  client: CalibrationClient;
  session: CalibrationSession;
  scorecard: Scorecard | undefined;
  evaluations: Evaluation[];
  profile: Profile;
  onChanged: () => Promise<void>;
}

const stat = (value: number | null) => (value === null ? '—' : value.toFixed(3));
const percent = (value: number | null) => (value === null ? '—' : `${(100 * value).toFixed(1)}%`);
const fileName = (session: CalibrationSession, what: string) => `calibration-${session.name.replace(/[^\w-]+/g, '-')}-${what}.csv`;

/** One session: who has scored, the import of others' scores, the statistics, and the answers side by side where the viewer may see them. */
export function SessionView({ client, session, scorecard, evaluations, profile, onChanged }: SessionViewProps) {
  const [preview, setPreview] = useState<CalibrationImportPreview | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  if (!scorecard) return <p class="error">The session’s scorecard version is not stored in this browser: restore a backup or import the scorecard.</p>;
  const results = calibrationResults(session, scorecard, evaluations);
  const revealed = revealedTickets(session, evaluations, profile.name);
  const participant = session.participants.some((p) => p.trim().toLocaleLowerCase() === profile.name.trim().toLocaleLowerCase());
  const shownTickets = results.tickets.map((t, i) => ({ t, i })).filter(({ t }) => revealed.has(t.key));

  const choose = async (file: File | undefined) => {
    setError('');
    setNotice('');
    setPreview(null);
    if (!file) return;
    try {
      setPreview(await client.previewImport(file, session));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <article class="session-view" aria-labelledby={`session-${session.id}`}>
      <h2 id={`session-${session.id}`}>{session.name}</h2>
      <dl class="facts">
        <dt>Scorecard</dt>
        <dd>
          {scorecard.name} v{scorecard.version}
        </dd>
        <dt>Status</dt>
        <dd>{session.status === 'open' ? 'Open: participants score the tickets in the panel' : 'Closed'}</dd>
        <dt>Benchmark</dt>
        <dd>{session.benchmark ?? 'None'}</dd>
        <dt>Tickets</dt>
        <dd>
          {session.tickets.map((t, i) => (
            <span key={t.key}>
              {i > 0 && ', '}
              {t.url ? (
                <a href={t.url} target="_blank" rel="noopener noreferrer">
                  {t.ticketId}
                </a>
              ) : (
                t.ticketId
              )}
            </span>
          ))}
        </dd>
      </dl>
      {session.status === 'open' && (
        <button type="button" onClick={async () => (await client.saveSession({ ...session, status: 'closed' }), await onChanged())}>
          Close session
        </button>
      )}

      <section aria-labelledby={`participants-${session.id}`}>
        <h3 id={`participants-${session.id}`}>Participants</h3>
        <table>
          <caption class="visually-hidden">Tickets scored and alignment with the benchmark</caption>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">Tickets scored</th>
              <th scope="col">Alignment with the benchmark (points-weighted)</th>
            </tr>
          </thead>
          <tbody>
            {results.participants.map((p, i) => (
              <tr key={p}>
                <th scope="row">
                  {p}
                  {p === session.benchmark ? ' (benchmark)' : ''}
                </th>
                <td class="numeric">
                  {results.submittedBy[i]} of {results.tickets.length}
                </td>
                <td class="numeric">{results.alignment[i] === null || results.alignment[i] === undefined ? '—' : `${results.alignment[i]!.toFixed(1)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby={`import-${session.id}`}>
        <h3 id={`import-${session.id}`}>Scores from other browsers</h3>
        <label>
          Import reviewers’ scores (long CSV)
          <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        </label>
        {preview && (
          <div role="status" class="notice">
            {preview.fileError ? (
              <p class="error">{preview.fileError}</p>
            ) : (
              <>
                <p>
                  {preview.accepted.length} {preview.accepted.length === 1 ? 'score' : 'scores'} of this session to store
                  {preview.refused.length + preview.rowErrors.length > 0 ? `; ${preview.refused.length + preview.rowErrors.length} left out:` : '.'}
                </p>
                {(preview.refused.length > 0 || preview.rowErrors.length > 0) && (
                  <ul>
                    {preview.rowErrors.map((r) => (
                      <li key={`line-${r.line}`}>
                        Line {r.line}: {r.reason}
                      </li>
                    ))}
                    {preview.refused.map((r) => (
                      <li key={r.evaluationId}>
                        Evaluation {r.evaluationId}: {r.reason}
                      </li>
                    ))}
                  </ul>
                )}
                {preview.accepted.length > 0 && (
                  <button
                    type="button"
                    class="primary"
                    onClick={async () => {
                      try {
                        const n = await client.importScores(preview.accepted);
                        setPreview(null);
                        setNotice(`Stored ${n} calibration ${n === 1 ? 'score' : 'scores'}.`);
                        await onChanged();
                      } catch (err) {
                        setError(err instanceof Error ? err.message : String(err));
                      }
                    }}
                  >
                    Store scores
                  </button>
                )}
              </>
            )}
          </div>
        )}
        {notice && (
          <p role="status" class="good">
            {notice}
          </p>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </section>

      <section aria-labelledby={`statistics-${session.id}`}>
        <h3 id={`statistics-${session.id}`}>Agreement</h3>
        {participant && revealed.size < session.tickets.length ? (
          <p class="muted">The statistics and everyone’s answers show once you have scored every ticket of the session: score blind first.</p>
        ) : (
          <>
            <p>
              Overall score: Krippendorff’s α (interval) {stat(results.overall.alpha)}, {describeAgreement('alpha', results.overall.alpha)}. Pass / fail: {percent(results.overall.passAgreement)} agreement, α{' '}
              {stat(results.overall.passAlpha)}.
            </p>
            <div class="table-scroll">
              <table class="statistics-table">
                <caption class="visually-hidden">Agreement per criterion</caption>
                <thead>
                  <tr>
                    <th scope="col">Criterion</th>
                    <th scope="col">Level</th>
                    <th scope="col">Agreement</th>
                    <th scope="col">Krippendorff’s α</th>
                    <th scope="col">Fleiss’ κ</th>
                  </tr>
                </thead>
                <tbody>
                  {results.criteria.map((c) => (
                    <tr key={c.criterionId}>
                      <th scope="row">{c.title}</th>
                      <td>{c.level}</td>
                      <td class="numeric">{percent(c.percentAgreement)}</td>
                      <td class="numeric">
                        {stat(c.alpha)} ({describeAgreement('alpha', c.alpha)})
                      </td>
                      <td class="numeric">
                        {stat(c.fleiss)} ({describeAgreement('kappa', c.fleiss)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="actions">
              <button type="button" onClick={() => client.download(fileName(session, 'answers'), calibrationAnswersCsv(session, results, { bom: true }))}>
                Export answers (CSV)
              </button>
              <button type="button" onClick={() => client.download(fileName(session, 'statistics'), calibrationStatisticsCsv(session, results, { bom: true }))}>
                Export statistics (CSV)
              </button>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby={`reveal-${session.id}`}>
        <h3 id={`reveal-${session.id}`}>Answers side by side</h3>
        {shownTickets.length === 0 ? (
          <p class="muted">Nothing to reveal yet: each ticket shows here once you have submitted your own score of it.</p>
        ) : (
          results.criteria.map((c) => (
            <div class="table-scroll" key={c.criterionId}>
              <table class="reveal-table">
                <caption>
                  {c.section}: {c.title}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Ticket</th>
                    {results.participants.map((p) => (
                      <th scope="col" key={p}>
                        {p}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shownTickets.map(({ t, i }) => {
                    const row = c.answers[i]!;
                    const reference = session.benchmark ? row[results.participants.indexOf(session.benchmark)] : undefined;
                    return (
                      <tr key={t.key}>
                        <th scope="row">{t.ticketId}</th>
                        {row.map((a, p) => {
                          const differs = a !== undefined && reference !== undefined && a.label !== reference.label;
                          return (
                            <td key={results.participants[p]} class={differs ? 'differs' : undefined}>
                              {a ? a.label : 'not scored'}
                              {differs && <span class="visually-hidden"> (differs from the benchmark)</span>}
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ))
        )}
      </section>
    </article>
  );
}

import { useMemo } from 'preact/hooks';
import { headlineChange } from '../../lib/reports/headline';
import { buildReviewPack, type MissedAnswer, type ReviewPack } from '../../lib/reports/review-pack';
import type { ReviewPackQuery } from '../../lib/reports/review-pack-query';
import type { DayRange } from '../../lib/reports/report-period';
import type { TrendGrain } from '../../lib/reports/time-buckets';
import type { DashboardClient } from '../dashboard/dashboard-client';
import { formatScore } from '../dashboard/format';
import { formatChange, formatDuration, formatPercent } from '../dashboard/format-report';
import { TrendReport } from '../dashboard/TrendReport';
import { scorecardKey, useEvaluationData, type LoadedEvaluations } from '../dashboard/use-dashboard-data';

type ReviewPackClient = Pick<DashboardClient, 'listEvaluations' | 'getScorecard' | 'listKpis' | 'getTeamSettings'>;

/** Long periods read better by month. */
function grainFor(days: DayRange): TrendGrain {
  if (!days.from || !days.to) return 'month';
  return Date.parse(days.to) - Date.parse(days.from) > 120 * 86_400_000 ? 'month' : 'week';
}

function periodText(days: DayRange): string {
  if (days.from && days.to) return `${days.from} to ${days.to}`;
  if (days.from) return `from ${days.from}`;
  if (days.to) return `up to ${days.to}`;
  return 'all time';
}

/** A printable one-to-one pack for one agent and period; the print stylesheet hides the controls. */
export function ReviewPackApp({ client, query }: { client: ReviewPackClient; query: ReviewPackQuery }) {
  const data = useEvaluationData(client);
  if (!query.ok) {
    return (
      <main class="review-pack">
        <h1>Review pack</h1>
        <p class="error" role="alert">
          {query.error}
        </p>
      </main>
    );
  }
  return (
    <main class="review-pack">
      <h1>Review pack: {query.agent}</h1>
      <p class="muted">Reviews of {query.agent}, {periodText(query.days)}.</p>
      <button type="button" class="primary no-print" onClick={() => window.print()}>
        Print
      </button>
      {data.state === 'loading' && <p class="muted">Loading evaluations…</p>}
      {data.state === 'error' && (
        <p class="error" role="alert">
          Could not load evaluations: {data.message}
        </p>
      )}
      {data.state === 'ready' && <PackBody data={data} agent={query.agent} days={query.days} />}
    </main>
  );
}

function PackBody({ data, agent, days }: { data: LoadedEvaluations; agent: string; days: DayRange }) {
  const grain = grainFor(days);
  const pack = useMemo(
    () => buildReviewPack(data.evaluations, { agent, days, grain, scorecardFor: (id, version) => data.scorecards.get(scorecardKey(id, version)) }),
    [data, agent, days, grain],
  );
  if (pack.report.headline.current.evaluations === 0) return <p class="empty">No reviews of {agent} in this period.</p>;
  return (
    <>
      <Scores pack={pack} />
      <TrendReport trend={pack.report.trend} grain={grain} />
      <section class="report" aria-labelledby="weakest-heading">
        <h2 id="weakest-heading">To work on</h2>
        {pack.weakest.length === 0 ? <p>No criterion was missed in this period.</p> : pack.weakest.map((c) => <WeakCriterion key={c.key} criterion={c} />)}
      </section>
      <section class="report" aria-labelledby="strengths-heading">
        <h2 id="strengths-heading">Strengths</h2>
        {pack.strongest.length > 0 && (
          <ul>
            {pack.strongest.map((c) => (
              <li key={c.key}>
                {c.title}: never missed in {c.rated} rated, mean {formatScore(c.meanScore)}
              </li>
            ))}
          </ul>
        )}
        {pack.strengthNotes.map((note) => (
          <figure key={note.ticketId} class="quote">
            <blockquote class="prewrap">{note.text}</blockquote>
            <figcaption>Reviewer on ticket {note.ticketId}</figcaption>
          </figure>
        ))}
      </section>
    </>
  );
}

function Scores({ pack }: { pack: ReviewPack }) {
  const { headline } = pack.report;
  const figures = [
    ['Reviews', String(headline.current.evaluations), formatChange(headlineChange(headline, 'evaluations'), 'count')],
    ['Mean QA score', formatScore(headline.current.meanScore), formatChange(headlineChange(headline, 'meanScore'), 'points')],
    ['Pass rate', formatPercent(headline.current.passRate), formatChange(headlineChange(headline, 'passRate'), 'points')],
    ['Critical-fail rate', formatPercent(headline.current.criticalFailRate), formatChange(headlineChange(headline, 'criticalFailRate'), 'points')],
    ['Mean review time', formatDuration(headline.current.meanReviewSeconds), formatChange(headlineChange(headline, 'meanReviewSeconds'), 'seconds')],
  ] as const;
  return (
    <section class="report" aria-labelledby="scores-heading">
      <h2 id="scores-heading">Scores</h2>
      <dl class="pack-figures">
        {figures.map(([title, value, change]) => (
          <div key={title}>
            <dt>{title}</dt>
            <dd>
              <strong>{value}</strong> <span class="muted">({change})</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function WeakCriterion({ criterion }: { criterion: ReviewPack['weakest'][number] }) {
  return (
    <article class="weak-criterion">
      <h3>{criterion.title}</h3>
      <p>
        Missed in {formatPercent(criterion.failRate)} of {criterion.rated} rated answers; mean {formatScore(criterion.meanScore)}.
      </p>
      {criterion.missed.map((m, i) => (
        <Missed key={i} missed={m} />
      ))}
    </article>
  );
}

/** One missed answer: the ticket, the outcome, the reviewer's comment and the quoted evidence, all as plain text. */
function Missed({ missed }: { missed: MissedAnswer }) {
  return (
    <div class="missed">
      <p>
        <strong>
          Ticket {missed.ticketId}: {missed.subject}
        </strong>{' '}
        ({missed.optionLabel})
      </p>
      {missed.comment && <p class="prewrap">{missed.comment}</p>}
      {missed.evidence.map((e, i) => (
        <figure key={i} class="quote">
          <blockquote class="prewrap">{e.quote}</blockquote>
          <figcaption>{e.author}</figcaption>
        </figure>
      ))}
    </div>
  );
}

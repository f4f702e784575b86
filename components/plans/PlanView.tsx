import { useState } from 'preact/hooks';
import type { DrawSummary } from '../../lib/db/monitoring';
import { samplesCsv } from '../../lib/csv/samples-csv';
import { coachingEffect, planPrecision } from '../../lib/sampling/precision';
import { planProgress, queueFor, type DoneLookup } from '../../lib/sampling/progress';
import { sameName } from '../../lib/sampling/pool';
import { describeDifference } from '../../lib/stats/compare';
import { CHANNEL_LABELS, type CoachingPlan, type Evaluation, type MonitoringPlan, type Profile, type Sample } from '../../lib/schemas';
import { formatMeanInterval, formatRateInterval } from '../shared/format-interval';
import { METHOD_LABELS, periodText } from './plan-text';
import type { PlansClient } from './plans-client';
import { SampleTable } from './SampleTable';

interface PlanViewProps {
  client: PlansClient;
  plan: MonitoringPlan;
  samples: Sample[];
  evaluations: Evaluation[];
  coaching: CoachingPlan[];
  profile: Profile;
  done: DoneLookup;
  onChanged: () => Promise<void>;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function DrawReport({ summary }: { summary: DrawSummary }) {
  const { pool } = summary;
  return (
    <div role="status" class="notice">
      <p>
        Drew the sample with seed <strong>{summary.seed}</strong> from {pool.size} tickets in the pool, {pool.eligible} of them eligible. Left out: {pool.excluded.reviewed} already
        reviewed, {pool.excluded.tooOld} too old, {pool.excluded.reviewersOwn} handled by a reviewer.
      </p>
      {summary.shortfalls.length > 0 && (
        <p class="bad">
          Short of the quota:{' '}
          {summary.shortfalls.map((s) => `${s.stratum.agent} on ${s.stratum.channel ? CHANNEL_LABELS[s.stratum.channel] : 'any channel'} (${s.available} of ${s.quota})`).join('; ')}. Import more
          tickets and draw again, or lower those quotas.
        </p>
      )}
      {summary.unassigned > 0 && <p class="bad">{summary.unassigned} sampled tickets have no reviewer: every reviewer handled them.</p>}
    </div>
  );
}

/** One plan: its progress against the quotas, precision, the sample, queues and coaching follow-ups. */
export function PlanView({ client, plan, samples, evaluations, coaching, profile, done, onChanged }: PlanViewProps) {
  const [seed, setSeed] = useState(() => String(client.newSeed()));
  const [drawn, setDrawn] = useState<DrawSummary | null>(null);
  const [error, setError] = useState('');
  const now = client.now();
  const mine = samples.filter((s) => s.planId === plan.id);
  const random = mine.filter((s) => s.purpose === 'random');
  const targeted = mine.filter((s) => s.purpose === 'targeted');
  const followUps = mine.filter((s) => s.purpose === 'follow-up');
  const progress = planProgress(plan, mine, done, now);
  const precision = planPrecision(plan, evaluations);
  const queue = queueFor(profile.name, mine, done);
  const reviewerQueues = plan.reviewers.map((r) => ({ reviewer: r, count: queueFor(r, mine, done).length }));
  const coached = coaching.filter((c) => plan.agents.some((a) => sameName(a, c.agent.name)));
  const currentSeed = random[0]?.seed;

  const draw = async (e: Event) => {
    e.preventDefault();
    setError('');
    const n = Number(seed);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) return setError(`The seed is a whole number from 0 to ${0xffffffff}, not "${seed}".`);
    try {
      setDrawn(await client.drawSample(plan.id, n));
      await onChanged();
    } catch (err) {
      setError(message(err));
    }
  };

  return (
    <article class="plan-view" aria-labelledby={`plan-${plan.id}`}>
      <h2 id={`plan-${plan.id}`}>{plan.name}</h2>
      <dl class="facts">
        <dt>Period</dt>
        <dd>{periodText(plan.startAt, plan.endAt)}</dd>
        {plan.objectives && (
          <>
            <dt>Objectives</dt>
            <dd class="feedback-text">{plan.objectives}</dd>
          </>
        )}
        <dt>Agents</dt>
        <dd>{plan.agents.join(', ')}</dd>
        <dt>Channels</dt>
        <dd>{plan.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}</dd>
        <dt>Methods</dt>
        <dd>{plan.methods.map((m) => METHOD_LABELS[m]).join(', ')}</dd>
        <dt>Reviewers</dt>
        <dd>{plan.reviewers.join(', ')}</dd>
        <dt>Seed of the sample</dt>
        <dd>{currentSeed ?? 'not drawn yet'}</dd>
      </dl>

      <section aria-labelledby={`draw-${plan.id}`}>
        <h3 id={`draw-${plan.id}`}>Sample</h3>
        <form class="draw-form" onSubmit={draw}>
          <label>
            Seed
            <input type="text" inputMode="numeric" value={seed} onInput={(e) => setSeed(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">
            Draw sample
          </button>
          <button type="button" onClick={() => setSeed(String(client.newSeed()))}>
            New seed
          </button>
          {random.length > 0 && (
            <button type="button" onClick={() => client.download(`sample-${plan.name.replace(/[^\w-]+/g, '-')}.csv`, samplesCsv(plan, mine, done, { bom: true }))}>
              Export sample (CSV)
            </button>
          )}
        </form>
        <p class="muted">The same seed on the same pool draws the same sample: keep the seed to show how the sample was chosen.</p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {drawn && <DrawReport summary={drawn} />}
      </section>

      <section aria-labelledby={`progress-${plan.id}`}>
        <h3 id={`progress-${plan.id}`}>Progress</h3>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Reviews done against the quota per agent and channel</caption>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Channel</th>
                <th scope="col">Done / quota</th>
                <th scope="col">Expected by now</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((row) => (
                <tr key={`${row.agent}|${row.channel}`} class={row.behind ? 'behind' : undefined}>
                  <th scope="row">{row.agent}</th>
                  <td>{CHANNEL_LABELS[row.channel]}</td>
                  <td class="numeric">
                    {row.done} / {row.quota}
                  </td>
                  <td class="numeric">{row.expected}</td>
                  <td>{row.behind ? <strong class="bad">Behind schedule</strong> : row.done >= row.quota ? 'Done' : 'On track'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby={`precision-${plan.id}`}>
        <h3 id={`precision-${plan.id}`}>Precision</h3>
        <p>
          With scores spread by {precision.sd.toFixed(1)} points ({precision.sdFromReviews >= 2 ? `from ${precision.sdFromReviews} reviews in the period` : 'an assumed spread until there are reviews'}), a mean
          known within ± {plan.marginPoints} points takes <strong>{precision.neededPerAgent} reviews per agent</strong>.
        </p>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Each agent's mean score and pass rate with 95 % intervals</caption>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Reviews</th>
                <th scope="col">Mean, 95 % CI</th>
                <th scope="col">Pass rate, 95 % CI</th>
              </tr>
            </thead>
            <tbody>
              {precision.agents.map((a) => (
                <tr key={a.agent}>
                  <th scope="row">{a.agent}</th>
                  <td class="numeric">{a.reviews}</td>
                  <td class="numeric">{formatMeanInterval(a.mean)}</td>
                  <td class="numeric">{formatRateInterval(a.passRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby={`queue-${plan.id}`}>
        <h3 id={`queue-${plan.id}`}>Your queue</h3>
        {plan.reviewers.some((r) => sameName(r, profile.name)) ? (
          <>
            <p>{queue.length === 0 ? 'Nothing left in your queue for this plan.' : `${queue.length} ${queue.length === 1 ? 'ticket' : 'tickets'} to review, next: ${queue[0]!.item.ticketId}.`}</p>
            <button type="button" class="primary" disabled={queue.length === 0} onClick={() => queue[0] && client.openTicket(queue[0].item.url)}>
              Open next ticket
            </button>
            {queue.length > 0 && (
              <ol class="queue">
                {queue.map(({ item }) => (
                  <li key={item.key}>
                    {item.ticketId} · {item.agent} · {CHANNEL_LABELS[item.channel]}
                  </li>
                ))}
              </ol>
            )}
          </>
        ) : (
          <p class="muted">You ({profile.name || 'no name set in Settings'}) are not a reviewer of this plan.</p>
        )}
        <p>Each reviewer’s queue: {reviewerQueues.map((q) => `${q.reviewer} ${q.count}`).join(', ')}.</p>
      </section>

      {random.length > 0 && (
        <section aria-labelledby={`strata-${plan.id}`}>
          <h3 id={`strata-${plan.id}`}>Random sample by stratum</h3>
          <SampleTable
            samples={random}
            done={done}
            canReplace
            onReplace={async (sample, item, reason) => {
              await client.replace(sample.id, item.key, reason);
              await onChanged();
            }}
          />
        </section>
      )}

      {targeted.length > 0 && (
        <section aria-labelledby={`targeted-${plan.id}`}>
          <h3 id={`targeted-${plan.id}`}>Targeted pool (not representative)</h3>
          <p class="notice">These tickets were picked for a problem, not at random: they are reviewed apart and left out of the plan’s progress and figures.</p>
          <SampleTable samples={targeted} done={done} canReplace={false} onReplace={async () => undefined} />
        </section>
      )}

      <FollowUps client={client} plan={plan} coached={coached} evaluations={evaluations} followUps={followUps} done={done} now={now} onChanged={onChanged} />
    </article>
  );
}

interface FollowUpsProps {
  client: PlansClient;
  plan: MonitoringPlan;
  coached: CoachingPlan[];
  evaluations: Evaluation[];
  followUps: Sample[];
  done: DoneLookup;
  now: number;
  onChanged: () => Promise<void>;
}

/** Coaching of the plan's agents: a follow-up sample of the agent's tickets since coaching started, and before against after. */
function FollowUps({ client, plan, coached, evaluations, followUps, done, now, onChanged }: FollowUpsProps) {
  const [count, setCount] = useState('5');
  const [error, setError] = useState('');
  if (coached.length === 0) return null;
  return (
    <section aria-labelledby={`coaching-${plan.id}`}>
      <h3 id={`coaching-${plan.id}`}>Coaching follow-ups</h3>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <label>
        Tickets per follow-up sample
        <input type="number" min={1} max={100} value={count} onInput={(e) => setCount(e.currentTarget.value)} />
      </label>
      {coached.map((c) => {
        const effect = coachingEffect(c, evaluations, now);
        const samples = followUps.filter((s) => s.coachingPlanId === c.id);
        return (
          <div class="plan-card" key={c.id}>
            <h4 id={`coached-${c.id}`}>{c.agent.name}</h4>
            <dl class="facts">
              <dt>Before coaching</dt>
              <dd>
                {formatMeanInterval(effect.before.mean)} · pass rate {formatRateInterval(effect.before.passRate)} ({effect.before.reviews} reviews)
              </dd>
              <dt>Since coaching</dt>
              <dd>
                {formatMeanInterval(effect.after.mean)} · pass rate {formatRateInterval(effect.after.passRate)} ({effect.after.reviews} reviews)
              </dd>
              <dt>Score change</dt>
              <dd>{describeDifference(effect.score, 'points')}</dd>
              <dt>Pass-rate change</dt>
              <dd>{describeDifference(effect.passRate, 'percentage points')}</dd>
            </dl>
            <button
              type="button"
              aria-describedby={`coached-${c.id}`}
              onClick={async () => {
                setError('');
                try {
                  await client.drawFollowUp(plan.id, c.id, Number(count), client.newSeed());
                  await onChanged();
                } catch (err) {
                  setError(message(err));
                }
              }}
            >
              Draw follow-up sample
            </button>
            {samples.length > 0 && <SampleTable samples={samples} done={done} canReplace={false} onReplace={async () => undefined} />}
          </div>
        );
      })}
    </section>
  );
}

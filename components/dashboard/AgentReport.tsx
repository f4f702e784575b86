import type { DashboardReport } from '../../lib/reports/build-report';
import type { DayRange } from '../../lib/reports/report-period';
import type { TrendGrain } from '../../lib/reports/time-buckets';
import { ChartSection } from './ChartSection';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatScore } from './format';
import { agentLabel, formatDuration, formatPercent, formatSigned } from './format-report';
import { Sparkline } from './Sparkline';
import { meanInterval, wilsonInterval } from '../../lib/stats/intervals';
import { formatMeanInterval, formatRateInterval } from '../shared/format-interval';

interface AgentReportProps {
  agents: DashboardReport['agents'];
  grain: TrendGrain;
  /** The period, handed on to each agent's review pack. */
  days: DayRange;
  onDrill: OnDrill;
}

/** The review pack page for one agent and period. */
export function reviewPackHref(agent: string, days: DayRange): string {
  const query = new URLSearchParams({ agent, from: days.from, to: days.to });
  return `review-pack.html?${query.toString()}`;
}

/** QA beside the service KPIs, one row per agent, with the sample size behind each figure. */
export function AgentReport({ agents, grain, days, onDrill }: AgentReportProps) {
  return (
    <ChartSection id="agents" title="Agents" empty={agents.length === 0 ? 'No evaluations in this period.' : undefined}>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">QA and KPIs per agent</caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Evaluations</th>
              <th scope="col">Mean QA score</th>
              <th scope="col">Trend by {grain}</th>
              <th scope="col">Pass rate</th>
              <th scope="col">
                Mean, 95 % CI<span class="visually-hidden"> (t interval)</span>
              </th>
              <th scope="col">
                Pass rate, 95 % CI<span class="visually-hidden"> (Wilson interval)</span>
              </th>
              <th scope="col">Critical fails</th>
              <th scope="col">CSAT</th>
              <th scope="col">FCR</th>
              <th scope="col">NPS</th>
              <th scope="col">AHT</th>
              <th scope="col">Review pack</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.name}>
                <th scope="row">
                  <DrillButton drill={{ kind: 'agent', agent: a.name }} label={agentLabel(a.name)} onDrill={onDrill}>
                    {agentLabel(a.name)}
                  </DrillButton>
                </th>
                <td class="numeric">{a.evaluations}</td>
                <td class="numeric">{formatScore(a.meanScore)}</td>
                <td>
                  <Sparkline values={a.spark} label={`${agentLabel(a.name)}, mean score by ${grain}`} />
                </td>
                <td class="numeric">{formatPercent(a.passRate)}</td>
                <td class="numeric">{formatMeanInterval(meanInterval(a.sums.scores))}</td>
                <td class="numeric">{formatRateInterval(wilsonInterval(a.sums.passes, a.sums.verdicts))}</td>
                <td class="numeric">{formatPercent(a.criticalFailRate)}</td>
                <td class="numeric">{formatPercent(a.kpis?.csatPercent ?? null)}</td>
                <td class="numeric">{formatPercent(a.kpis?.fcrPercent ?? null)}</td>
                <td class="numeric">{a.kpis?.nps == null ? '—' : formatSigned(a.kpis.nps, 0)}</td>
                <td class="numeric">{formatDuration(a.kpis?.ahtSeconds ?? null)}</td>
                <td>
                  {a.name && (
                    <a href={reviewPackHref(a.name, days)} target="_blank" rel="noopener">
                      Review pack<span class="visually-hidden"> for {a.name} (opens in a new tab)</span>
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartSection>
  );
}

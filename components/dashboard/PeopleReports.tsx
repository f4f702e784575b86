import type { ReviewerRow } from '../../lib/reports/reviewers';
import type { GapRow, SelfReviewGap } from '../../lib/reports/self-review-gap';
import { ChartSection } from './ChartSection';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatScore } from './format';
import { agentLabel, formatDuration, formatSigned } from './format-report';

/** Volume, mean score given and review time per reviewer. */
export function ReviewerReport({ reviewers, onDrill }: { reviewers: readonly ReviewerRow[]; onDrill: OnDrill }) {
  return (
    <ChartSection id="reviewers" title="Reviewers" empty={reviewers.length === 0 ? 'No evaluations in this period.' : undefined}>
      <table>
        <caption class="visually-hidden">Reviewers</caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Evaluations</th>
            <th scope="col">Mean score given</th>
            <th scope="col">Mean review time</th>
          </tr>
        </thead>
        <tbody>
          {reviewers.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                <DrillButton drill={{ kind: 'reviewer', name: r.name }} label={`Reviewed by ${r.name || 'unknown'}`} onDrill={onDrill}>
                  {r.name || 'Unknown'}
                </DrillButton>
              </th>
              <td class="numeric">{r.evaluations}</td>
              <td class="numeric">{formatScore(r.meanScore)}</td>
              <td class="numeric">{formatDuration(r.meanReviewSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartSection>
  );
}

function GapTable({ caption, heading, rows, onDrill }: { caption: string; heading: string; rows: readonly GapRow[]; onDrill: OnDrill }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Compared</th>
          <th scope="col">Mean gap (self − reviewer)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <DrillButton drill={{ kind: 'tickets', keys: r.ticketKeys }} label={`Self vs reviewer: ${agentLabel(r.name)}`} onDrill={onDrill}>
                {agentLabel(r.name)}
              </DrillButton>
            </th>
            <td class="numeric">{r.compared}</td>
            <td class="numeric">{r.meanGap === null ? '—' : `${formatSigned(r.meanGap)} pts`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where agents rate themselves higher (positive) or lower than their reviewers, per agent and criterion. */
export function SelfReviewGapReport({ gap, onDrill }: { gap: SelfReviewGap; onDrill: OnDrill }) {
  return (
    <ChartSection
      id="self-gap"
      title="Self-assessment vs reviewer"
      empty={gap.byAgent.length === 0 && gap.byCriterion.length === 0 ? 'No ticket in this period has both a self-assessment and a review.' : undefined}
    >
      <GapTable caption="Per agent" heading="Agent" rows={gap.byAgent} onDrill={onDrill} />
      <GapTable caption="Per criterion" heading="Criterion" rows={gap.byCriterion} onDrill={onDrill} />
    </ChartSection>
  );
}

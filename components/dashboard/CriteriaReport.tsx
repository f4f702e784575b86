import type { CriterionRow } from '../../lib/reports/per-criterion';
import { ChartSection } from './ChartSection';
import { DrillButton, type OnDrill } from './DrillButton';
import { formatScore } from './format';
import { formatPercent } from './format-report';

/** Mean outcome and fail rate per criterion, weakest first; the fail rate lists the failed answers' evaluations. */
export function CriteriaReport({ criteria, onDrill }: { criteria: readonly CriterionRow[]; onDrill: OnDrill }) {
  return (
    <ChartSection id="criteria" title="Weakest criteria" empty={criteria.length === 0 ? 'No rated criteria in this period.' : undefined}>
      <table>
        <caption class="visually-hidden">Criteria, weakest first</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Rated</th>
            <th scope="col">Mean</th>
            <th scope="col">Fail rate</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.key}>
              <th scope="row">
                <DrillButton drill={{ kind: 'criterion', key: c.key, failedOnly: false }} label={c.title} onDrill={onDrill}>
                  {c.title}
                </DrillButton>
              </th>
              <td class="numeric">{c.rated}</td>
              <td class="numeric">{formatScore(c.meanScore)}</td>
              <td class="numeric">
                <DrillButton drill={{ kind: 'criterion', key: c.key, failedOnly: true }} label={`${c.title}, failed`} onDrill={onDrill}>
                  {formatPercent(c.failRate)}
                  <span class="visually-hidden"> of {c.title} failed</span>
                </DrillButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartSection>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { compareAssessments, type Comparison } from '@/lib/evaluations/self-assessment';
import type { Evaluation } from '@/lib/schemas';
import { formatNumber } from '@/lib/scoring';
import type { PanelClient } from './panel-client';

interface Props {
  client: PanelClient;
  self: Evaluation;
  review: Evaluation;
}

const score = (value: number | null) => (value === null ? '–' : `${formatNumber(value)}%`);

/** The agent's self-assessment beside the reviewer's evaluation, criterion by criterion, differences marked. */
export function SelfAssessmentComparison({ client, self, review }: Props) {
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    let current = true;
    void Promise.all([client.getScorecard(self.scorecardId, self.scorecardVersion), client.getScorecard(review.scorecardId, review.scorecardVersion)]).then(
      ([mine, theirs]) => {
        if (!current) return;
        if (mine && theirs) setComparison(compareAssessments({ evaluation: self, scorecard: mine }, { evaluation: review, scorecard: theirs }));
        else setMissing(true);
      },
    );
    return () => {
      current = false;
    };
  }, [client, self, review]);

  const differences = comparison?.rows.filter((r) => r.differs).length ?? 0;
  return (
    <section class="comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Your self-assessment and {review.author.name || 'the reviewer'}’s review</h2>
      {missing && <p class="muted">A scorecard version one of them used is no longer stored, so they cannot be compared.</p>}
      {comparison && (
        <>
          <p>
            You: <strong>{score(comparison.selfScore)}</strong> · Reviewer: <strong>{score(comparison.reviewerScore)}</strong> ·{' '}
            {differences === 0 ? 'You agree on every criterion.' : `You differ on ${differences} ${differences === 1 ? 'criterion' : 'criteria'}.`}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">You</th>
                <th scope="col">Reviewer</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => (
                <tr key={row.criterionId} class={row.differs ? 'differs' : undefined} data-differs={row.differs}>
                  <th scope="row">
                    {row.title}
                    {row.differs && <span class="tag differs-tag">Differs</span>}
                  </th>
                  <td>{row.self}</td>
                  <td>{row.reviewer}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

import type { ReviewWithAnswers } from './reviews-client';
import { formatDateTime, formatResult, formatScore, safeLinkUrl } from '../dashboard/format';
import { answerLabel, criterionTitle, ReviewHistory, statusLabel } from './ReviewHistory';

/** What a review says: score, verdict, feedback, each answer with its comment and evidence. */
export function ReviewSummary({ review }: { review: ReviewWithAnswers }) {
  const { evaluation, scorecard, acknowledgement, disputes } = review;
  const link = safeLinkUrl(evaluation.ticket.url);
  return (
    <>
      <dl class="facts">
        <dt>Ticket</dt>
        <dd>{link ? <a href={link}>{`#${evaluation.ticket.ticketId} in ${evaluation.ticket.helpdesk}`}</a> : `#${evaluation.ticket.ticketId}`}</dd>
        <dt>Agent</dt>
        <dd>{evaluation.ticket.agent?.name || 'Unassigned'}</dd>
        <dt>Reviewer</dt>
        <dd>{evaluation.author.name || 'Unknown'}</dd>
        <dt>Score</dt>
        <dd data-testid="review-score">
          {formatScore(evaluation.score)}, <span class={evaluation.passed ? 'good' : 'bad'}>{formatResult(evaluation.passed)}</span>
        </dd>
        <dt>Status</dt>
        <dd data-testid="review-status">{statusLabel(evaluation.status)}</dd>
        {evaluation.acknowledgeBy !== null && (
          <>
            <dt>Answer by</dt>
            <dd>
              <time dateTime={new Date(evaluation.acknowledgeBy).toISOString()}>{formatDateTime(evaluation.acknowledgeBy)}</time>
            </dd>
          </>
        )}
      </dl>
      {evaluation.strengths && (
        <>
          <h4>Strengths</h4>
          <p class="feedback-text">{evaluation.strengths}</p>
        </>
      )}
      {evaluation.improvements && (
        <>
          <h4>Improvements</h4>
          <p class="feedback-text">{evaluation.improvements}</p>
        </>
      )}
      <details>
        <summary>Answers</summary>
        <ul class="review-answers">
          {Object.entries(evaluation.answers).map(([criterionId, answer]) => (
            <li key={criterionId}>
              <strong>{criterionTitle(scorecard, criterionId)}</strong>: {answerLabel(scorecard, criterionId, answer)}
              {answer.comment && <p class="feedback-text">{answer.comment}</p>}
              {answer.evidence.map((e, i) => (
                <blockquote key={i} class="evidence">
                  {e.quote}
                  <footer>— {e.author}</footer>
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      </details>
      {acknowledgement && (
        <p>
          Acknowledged {formatDateTime(acknowledgement.createdAt)}
          {acknowledgement.comment && `: ${acknowledgement.comment}`}
        </p>
      )}
      {disputes.map((d) => (
        <section key={d.id} aria-label="Dispute" class="dispute">
          <h4>Dispute ({d.status === 'open' ? 'awaiting the reviewer' : 'resolved'})</h4>
          <ul>
            {d.criteria.map((c) => {
              const decision = d.resolution?.decisions.find((x) => x.criterionId === c.criterionId);
              return (
                <li key={c.criterionId}>
                  <strong>{criterionTitle(scorecard, c.criterionId)}</strong>: {c.reason}
                  {decision && (
                    <p>
                      {decision.decision === 'accepted' ? 'Accepted' : 'Rejected'} by {d.resolution?.by.name}
                      {decision.reason && `: ${decision.reason}`}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <ReviewHistory evaluation={evaluation} scorecard={scorecard} />
    </>
  );
}

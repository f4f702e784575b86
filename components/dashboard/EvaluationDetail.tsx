import { CHECK_LABELS } from '../../lib/autoqa/catalogue';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Answer, Evaluation, Scorecard } from '../../lib/schemas';
import { NA_LABEL, scoreEvaluation, type CriterionResult } from '../../lib/scoring';
import { ReviewHistory } from '../reviews/ReviewHistory';
import { statusLabel } from '../reviews/review-text';
import { AnswerEvidence } from '../shared/AnswerEvidence';
import { CHANNEL_LABELS, formatDateTime, formatResult, formatScore, safeLinkUrl, scorecardLabel } from './format';

interface EvaluationDetailProps {
  evaluation: Evaluation;
  /** The scorecard version the evaluation pinned; undefined when it is no longer stored. */
  scorecard: Scorecard | undefined;
  onBack: () => void;
}

/** One evaluation in full. Everything from the ticket or the reviewer is rendered as plain text. */
export function EvaluationDetail({ evaluation, scorecard, onBack }: EvaluationDetailProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const { ticket } = evaluation;
  const breakdown = useMemo(() => (scorecard ? scoreEvaluation(scorecard, evaluation.answers) : undefined), [scorecard, evaluation]);

  return (
    <article class="evaluation-detail">
      <button type="button" onClick={onBack}>
        Back to list
      </button>
      <h2 ref={heading} tabIndex={-1}>
        Ticket {ticket.ticketId}: {ticket.subject}
      </h2>
      <dl class="facts">
        <dt>Ticket</dt>
        <dd>
          <TicketLink url={ticket.url} label={`${ticket.ticketId} in ${ticket.helpdesk}`} />
        </dd>
        <dt>Channel</dt>
        <dd>{CHANNEL_LABELS[ticket.channel]}</dd>
        <dt>Agent</dt>
        <dd>{ticket.agent?.name || 'Unassigned'}</dd>
        <dt>Reviewer</dt>
        <dd>{evaluation.author.name || 'Unknown'}</dd>
        <dt>Scorecard</dt>
        <dd>{scorecardLabel(scorecard?.name ?? '', evaluation.scorecardVersion)}</dd>
        {evaluation.submittedAt !== null && (
          <>
            <dt>Submitted</dt>
            <dd>
              <time dateTime={new Date(evaluation.submittedAt).toISOString()}>{formatDateTime(evaluation.submittedAt)}</time>
            </dd>
          </>
        )}
        <dt>Score</dt>
        <dd>
          {formatScore(evaluation.score)},{' '}
          <span class={evaluation.passed === null ? 'muted' : evaluation.passed ? 'good' : 'bad'}>
            {formatResult(evaluation.passed)}
          </span>
        </dd>
        <dt>Status</dt>
        <dd data-testid="evaluation-status">{statusLabel(evaluation.status)}</dd>
      </dl>
      <ReviewHistory evaluation={evaluation} scorecard={scorecard} />

      <section class="detail-section">
        <h3>How the score was reached</h3>
        {breakdown ? (
          <ul class="arithmetic">
            {breakdown.arithmetic.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">
            Version {evaluation.scorecardVersion} of this scorecard is no longer stored, so the breakdown cannot be shown.
          </p>
        )}
      </section>

      <section class="detail-section">
        <h3>Criteria</h3>
        {scorecard && breakdown ? (
          scorecard.sections.map((section) => (
            <div key={section.id} class="criteria-section">
              <h4>
                {section.title}
                {section.bonus ? ' (bonus)' : ''}
              </h4>
              <ul class="criteria">
                {breakdown.criteria
                  .filter((c) => c.sectionId === section.id)
                  .map((c) => (
                    <CriterionItem key={c.criterionId} result={c} answer={evaluation.answers[c.criterionId]} />
                  ))}
              </ul>
            </div>
          ))
        ) : (
          <ul class="criteria">
            {Object.entries(evaluation.answers).map(([id, answer]) => (
              <li key={id}>
                <span class="criterion-title">{id}</span>: {answer.na ? NA_LABEL : 'answered'}
                {answer.comment && <p class="prewrap">{answer.comment}</p>}
                <AnswerEvidence answer={answer} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="detail-section">
        <h3>Strengths</h3>
        <p class="prewrap">{evaluation.strengths || <span class="muted">None noted</span>}</p>
      </section>
      <section class="detail-section">
        <h3>Improvements</h3>
        <p class="prewrap">{evaluation.improvements || <span class="muted">None noted</span>}</p>
      </section>
    </article>
  );
}

function CriterionItem({ result, answer }: { result: CriterionResult; answer: Answer | undefined }) {
  const comment = answer?.comment ?? '';
  const critical = result.critical === 'none' ? '' : ` (critical: ${result.critical})`;
  return (
    <li>
      <span class="criterion-title">{result.title}</span>
      <span class="muted">{critical}</span>:{' '}
      <span class={result.passes === false ? 'bad' : undefined}>{result.optionLabel ?? 'Unanswered'}</span>
      {answer?.auto && (
        <span class="muted">
          {' '}
          · automatic {CHECK_LABELS[answer.auto.check]}: {answer.auto.outcome === 'unknown' ? 'cannot tell' : answer.auto.outcome}, {answer.auto.changed ? 'changed by the reviewer' : 'kept'}
        </span>
      )}
      {comment && <p class="prewrap">{comment}</p>}
      <AnswerEvidence answer={answer} />
    </li>
  );
}

/** A link to the ticket in its helpdesk, or plain text when the address is not http(s). */
function TicketLink({ url, label }: { url: string; label: string }) {
  const href = safeLinkUrl(url);
  if (!href) return <span>{url || label}</span>;
  return (
    <a href={href} target="_blank" rel="noopener">
      Open ticket {label}
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

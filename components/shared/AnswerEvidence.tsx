import { DEFAULT_ROOT_CAUSES, type Answer, type RootCause } from '@/lib/schemas';
import { EvidenceQuote } from './EvidenceQuote';

interface Props {
  answer: Answer | undefined;
  /** The team's list, for labels; ids not on it are shown as they are. */
  rootCauses?: RootCause[];
}

/** The evidence quoted for an answer and its root cause, read-only, wherever an evaluation is shown. */
export function AnswerEvidence({ answer, rootCauses = DEFAULT_ROOT_CAUSES }: Props) {
  if (!answer || (answer.evidence.length === 0 && answer.rootCauses.length === 0)) return null;
  const causes = answer.rootCauses.map((id) => rootCauses.find((c) => c.id === id)).map((c, i) => (c ? `${c.label} (${c.category})` : answer.rootCauses[i]));
  return (
    <>
      {answer.evidence.length > 0 && (
        <ul class="evidence" aria-label="Evidence">
          {answer.evidence.map((evidence, index) => (
            <li key={index}>
              <EvidenceQuote evidence={evidence} />
            </li>
          ))}
        </ul>
      )}
      {causes.length > 0 && <p class="root-causes">Root cause: {causes.join(', ')}</p>}
    </>
  );
}

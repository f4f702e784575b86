import type { AutoQaCheckRow, FinalOutcome } from '../../lib/reports/autoqa-report';
import type { CheckOutcome } from '../../lib/schemas';

const OUTCOMES: { value: CheckOutcome; label: string }[] = [
  { value: 'pass', label: 'Pass' },
  { value: 'fail', label: 'Fail' },
  { value: 'unknown', label: 'Cannot tell' },
];
const FINALS: { value: FinalOutcome; label: string }[] = [
  { value: 'pass', label: 'Pass' },
  { value: 'fail', label: 'Fail' },
  { value: 'n/a', label: 'N/A' },
];

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/**
 * How far to trust each automatic check: how often reviewers kept its answer, how often the final
 * answer agreed with it, and the table of automatic against final answers. The QA score above is
 * the reviewers' answers only; the automatic pass rate is the checks' own figure, kept apart.
 * `rows` is undefined while the report is still being worked out.
 */
export function AutoQaReport({ rows }: { rows: readonly AutoQaCheckRow[] | undefined }) {
  return (
    <section class="report autoqa-report" aria-labelledby="autoqa-heading" aria-busy={rows === undefined}>
      <h2 id="autoqa-heading">AutoQA report</h2>
      {rows === undefined ? (
        // Worked out after the headline is on screen, like the criteria (DashboardApp).
        <p class="muted">Working out…</p>
      ) : rows.length === 0 ? (
        <p class="muted">No evaluation in this view has answers proposed by an automatic check. Link criteria to checks in Settings → Scorecards.</p>
      ) : (
        <>
          <p class="muted">
            Automatic answers never count toward a QA score: every score here is the reviewer’s final answer. Agreement compares the
            automatic pass or fail with the final answer’s.
          </p>
          <table>
            <caption>Automatic checks against reviewers’ final answers</caption>
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Automatic answers</th>
                <th scope="col">Kept as proposed</th>
                <th scope="col">Agreement</th>
                <th scope="col">Automatic pass rate</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.check} data-check={row.check}>
                  <th scope="row">{row.label}</th>
                  <td>{row.automatic}</td>
                  <td>
                    {row.kept} ({percent(row.automatic ? row.kept / row.automatic : null)})
                  </td>
                  <td>{percent(row.agreement)}</td>
                  <td>{percent(row.automaticPassRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="confusion-tables">
            {rows.map((row) => (
              <table key={row.check} class="confusion" data-check={row.check}>
                <caption>{row.label}: automatic × final answer</caption>
                <thead>
                  <tr>
                    <th scope="col">Automatic</th>
                    {FINALS.map((f) => (
                      <th key={f.value} scope="col">
                        Final {f.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {OUTCOMES.map((o) => (
                    <tr key={o.value}>
                      <th scope="row">{o.label}</th>
                      {FINALS.map((f) => (
                        <td key={f.value} class={o.value === f.value ? 'agree' : undefined}>
                          {row.confusion[o.value][f.value]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

import { useState } from 'preact/hooks';
import type { DoneLookup } from '../../lib/sampling/progress';
import { CHANNEL_LABELS, type Sample, type SampleItem } from '../../lib/schemas';
import { REASON_LABELS, STATE_LABELS } from './plan-text';

interface SampleTableProps {
  samples: Sample[];
  done: DoneLookup;
  /** Targeted strata have no backups and are never replaced: they are not a random sample. */
  canReplace: boolean;
  onReplace: (sample: Sample, item: SampleItem, reason: string) => Promise<void>;
}

export const stratumLabel = (s: Sample) =>
  s.purpose === 'targeted' ? `${s.stratum.agent}, targeted` : s.purpose === 'follow-up' ? `${s.stratum.agent}, follow-up` : `${s.stratum.agent} · ${s.stratum.channel ? CHANNEL_LABELS[s.stratum.channel] : 'any channel'}${s.stratum.complexity ? ` · ${s.stratum.complexity} complexity` : ''}`;

/** Each stratum's tickets in draw order: sampled, backups, and replaced ones with why. */
export function SampleTable({ samples, done, canReplace, onReplace }: SampleTableProps) {
  const [replacing, setReplacing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  return (
    <>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {samples.map((sample) => (
        <div class="table-scroll" key={sample.id}>
          <table class="sample-table">
            <caption>
              {stratumLabel(sample)}: {sample.items.filter((i) => i.state === 'sampled').length} of {sample.quota} sampled from {sample.available} eligible
              {sample.available < sample.quota && <strong class="bad"> · short by {sample.quota - sample.available}</strong>}
            </caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">State</th>
                <th scope="col">Reviewer</th>
                <th scope="col">CSAT</th>
                <th scope="col">Done</th>
                <th scope="col">Why</th>
                {canReplace && <th scope="col">Replace</th>}
              </tr>
            </thead>
            <tbody>
              {[...sample.items]
                .sort((a, b) => a.order - b.order)
                .map((item) => {
                  const review = item.state === 'sampled' ? done(sample, item) : undefined;
                  const id = `${sample.id}:${item.key}`;
                  return (
                    <tr key={item.key} class={`state-${item.state}`}>
                      <th scope="row" id={`ticket-${id}`}>
                        {item.url ? (
                          <a href={item.url} target="_blank" rel="noopener noreferrer">
                            {item.ticketId}
                          </a>
                        ) : (
                          item.ticketId
                        )}
                      </th>
                      <td>{STATE_LABELS[item.state]}</td>
                      <td>{item.reviewer ?? (item.state === 'sampled' ? 'Nobody may take it' : '')}</td>
                      <td>{item.csatBand === 'none' ? '—' : item.csatBand}</td>
                      <td>{item.state === 'sampled' ? (review ? 'Done' : 'To do') : ''}</td>
                      <td>
                        {item.replacement ? `${item.replacement.reason} (by ${item.replacement.by})` : item.replaces ? 'Replacement' : item.reasons.map((r) => REASON_LABELS[r]).join(', ')}
                      </td>
                      {canReplace && (
                        <td>
                          {item.state === 'sampled' &&
                            !review &&
                            (replacing === id ? (
                              <form
                                class="replace-form"
                                onSubmit={async (e) => {
                                  e.preventDefault();
                                  setError('');
                                  try {
                                    await onReplace(sample, item, reason);
                                    setReplacing(null);
                                    setReason('');
                                  } catch (err) {
                                    setError(err instanceof Error ? err.message : String(err));
                                  }
                                }}
                              >
                                <label>
                                  Reason for replacing ticket {item.ticketId}
                                  <input type="text" maxLength={2_000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
                                </label>
                                <button type="submit">Replace with the next backup</button>
                                <button type="button" onClick={() => setReplacing(null)}>
                                  Cancel
                                </button>
                              </form>
                            ) : (
                              <button
                                type="button"
                                aria-describedby={`ticket-${id}`}
                                onClick={() => {
                                  setReplacing(id);
                                  setReason('');
                                }}
                              >
                                Replace
                              </button>
                            ))}
                        </td>
                      )}
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

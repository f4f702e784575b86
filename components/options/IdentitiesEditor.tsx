import { HELPDESKS } from '../../lib/helpdesks/registry';
import type { HelpdeskIdentity } from '../../lib/schemas';

interface Props {
  identities: HelpdeskIdentity[];
  onChange: (identities: HelpdeskIdentity[]) => void;
}

/**
 * The names and email addresses the user appears under in each helpdesk, so tickets and reviews
 * about them are recognised as theirs (self-assessment, "my reviews").
 */
export function IdentitiesEditor({ identities, onChange }: Props) {
  const set = (index: number, patch: Partial<HelpdeskIdentity>) => onChange(identities.map((identity, i) => (i === index ? { ...identity, ...patch } : identity)));
  return (
    <fieldset class="identities">
      <legend>Identities</legend>
      <p class="muted hint">The agent names or email addresses you appear under in your helpdesks. Your name above always counts.</p>
      {identities.length > 0 && (
        <ol>
          {identities.map((identity, index) => (
            <li key={index} class="row">
              <label>
                <span>Helpdesk of identity {index + 1}</span>
                <select value={identity.helpdesk ?? ''} onChange={(e) => set(index, { helpdesk: e.currentTarget.value || null })}>
                  <option value="">Any helpdesk</option>
                  {HELPDESKS.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.label}
                    </option>
                  ))}
                </select>
              </label>
              <label class="grow">
                <span>Name or email of identity {index + 1}</span>
                <input type="text" maxLength={500} value={identity.value} onInput={(e) => set(index, { value: e.currentTarget.value })} />
              </label>
              <button type="button" onClick={() => onChange(identities.filter((_, i) => i !== index))}>
                Remove identity {index + 1}
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" onClick={() => onChange([...identities, { helpdesk: null, value: '' }])}>
        Add identity
      </button>
    </fieldset>
  );
}

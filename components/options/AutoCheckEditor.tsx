import { useEffect, useId, useState } from 'preact/hooks';
import { CHECK_CATALOGUE, checkInfo } from '../../lib/autoqa/catalogue';
import { AutoQaCheckIdSchema, type AutoCheckLink, type CheckParams } from '../../lib/schemas';

interface Props {
  link: AutoCheckLink | undefined;
  /** The criterion's name, for the labels of its controls. */
  owner: string;
  onChange: (link: AutoCheckLink | undefined) => void;
}

const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/**
 * Links a criterion to an automatic check, so the panel answers it in advance for the reviewer to
 * confirm or change, and sets the check's parameters: the team's prohibited phrases, or a response
 * time threshold. Only the fields the chosen check reads are shown.
 */
export function AutoCheckEditor({ link, owner, onChange }: Props) {
  const hintId = useId();
  const info = link ? checkInfo(link.check) : null;
  const params = link?.params ?? {};
  const set = (patch: Partial<CheckParams>) => link && onChange({ ...link, params: { ...params, ...patch } });
  // The phrase list is edited as text; blank lines stay while typing and are dropped from the link.
  const [phrases, setPhrases] = useState((params.phrases ?? []).join('\n'));
  useEffect(() => {
    setPhrases((text) => (linesOf(text).join('\n') === (params.phrases ?? []).join('\n') ? text : (params.phrases ?? []).join('\n')));
  }, [params.phrases]);

  return (
    <div class="auto-check">
      <label>
        <span>Automatic check</span>
        <select
          value={link?.check ?? ''}
          aria-describedby={info ? hintId : undefined}
          onChange={(e) => {
            const picked = AutoQaCheckIdSchema.safeParse(e.currentTarget.value);
            onChange(picked.success ? { check: picked.data, params: picked.data === link?.check ? params : {} } : undefined);
          }}
        >
          <option value="">None: the reviewer answers it</option>
          {CHECK_CATALOGUE.map((check) => (
            <option key={check.id} value={check.id}>
              {check.label}
            </option>
          ))}
        </select>
      </label>
      {info && (
        <p id={hintId} class="muted hint">
          {info.description} Answered in advance in the panel for the reviewer to confirm or change.
          {info.englishOnly && ' Reads English: on other languages it answers “cannot tell”.'}
        </p>
      )}
      {info?.params.includes('phrases') && (
        <label class="block">
          <span>Prohibited phrases of {owner}, one per line</span>
          <textarea
            value={phrases}
            placeholder={'no worries\nto be honest'}
            onInput={(e) => {
              setPhrases(e.currentTarget.value);
              set({ phrases: linesOf(e.currentTarget.value) });
            }}
          />
        </label>
      )}
      {info?.params.includes('includeDefaultPhrases') && (
        <label class="check">
          <input type="checkbox" checked={params.includeDefaultPhrases !== false} onChange={(e) => set({ includeDefaultPhrases: e.currentTarget.checked })} />
          <span>Also look for QA Lens’s built-in list (calm down, not my problem, obviously…)</span>
        </label>
      )}
      {info?.params.includes('thresholdMinutes') && (
        <label>
          <span>Threshold in minutes for {owner}</span>
          <input
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            placeholder="channel default"
            value={params.thresholdMinutes ?? ''}
            onInput={(e) => {
              const text = e.currentTarget.value.trim();
              set({ thresholdMinutes: text === '' ? undefined : Number(text) });
            }}
          />
        </label>
      )}
    </div>
  );
}

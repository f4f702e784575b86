import type { TargetedSubmitEvent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  addCriterion,
  addOutcome,
  addSection,
  blankScorecard,
  finalizeIds,
  moveCriterion,
  moveSection,
  removeCriterion,
  removeOutcome,
  removeSection,
  SCALE_CHOICES,
  scaleChoice,
  setChannel,
  setCriterionScale,
  toContent,
  updateCriterion,
  updateOutcome,
  updateScorecard,
  updateSection,
  type ScaleChoice,
} from '../../lib/options/edit-scorecard';
import { validateScorecardContent } from '../../lib/options/parse-scorecard-file';
import { CHANNELS, type Channel, type Criticality, type Criterion, type Scorecard, type ScorecardContent, type Section } from '../../lib/schemas';
import { AutoCheckEditor } from './AutoCheckEditor';
import type { OptionsClient } from './options-client';

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  chat: 'Chat',
  messaging: 'Messaging',
  social: 'Social',
  voice: 'Voice',
  other: 'Other',
};

const CRITICALITY_LABELS: Record<Criticality, string> = {
  none: 'Not critical',
  evaluation: 'Fails the evaluation',
  section: 'Fails its section',
};

type Update = (change: (draft: ScorecardContent) => ScorecardContent, after?: { focus?: string; announce?: string }) => void;

/** The number typed, NaN when empty or unreadable. */
const parseNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));

/**
 * A number input that keeps what the user typed (so "0." or "1.50" survive re-renders) and
 * reports NaN while it is empty, which validation then names by its path.
 */
function NumberField(props: {
  value: number;
  onValue: (value: number) => void;
  min: number;
  max: number;
  step?: string;
  label?: string;
  describedBy?: string;
}) {
  const shown = (n: number) => (Number.isNaN(n) ? '' : String(n));
  const [text, setText] = useState(shown(props.value));
  // Follow changes made elsewhere without clobbering what is being typed.
  useEffect(() => {
    setText((current) => (Object.is(parseNumber(current), props.value) ? current : shown(props.value)));
  }, [props.value]);
  return (
    <input
      type="number"
      inputMode="decimal"
      min={props.min}
      max={props.max}
      step={props.step ?? 'any'}
      value={text}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      onInput={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        props.onValue(parseNumber(next));
      }}
    />
  );
}

function ownerName(title: string, fallback: string): string {
  return title.trim() || fallback;
}

function OutcomeList({
  criterion,
  owner,
  sectionIndex,
  criterionIndex,
  update,
}: {
  criterion: Criterion;
  owner: string;
  sectionIndex: number;
  criterionIndex: number;
  update: Update;
}) {
  if (criterion.scale.kind !== 'custom') return null;
  const options = criterion.scale.options;
  return (
    <fieldset class="outcomes">
      <legend>Outcomes of {owner}</legend>
      <p class="muted hint">Value runs from 0 (worst) to 1 (best). “Passes” marks outcomes that meet the standard.</p>
      <ol>
        {options.map((option, oi) => {
          const which = `${owner}, outcome ${oi + 1}`;
          const focusKey = `outcome:${criterion.id}:${option.id}`;
          return (
            <li key={option.id} class="outcome">
              <label>
                <span>Outcome label</span>
                <input
                  type="text"
                  maxLength={200}
                  value={option.label}
                  aria-label={`Outcome label of ${which}`}
                  data-focus={focusKey}
                  onInput={(e) => {
                    const label = e.currentTarget.value;
                    update((d) => updateOutcome(d, sectionIndex, criterionIndex, oi, { label }));
                  }}
                />
              </label>
              <label>
                <span>Value</span>
                <NumberField
                  min={0}
                  max={1}
                  value={option.value}
                  label={`Value of ${which}`}
                  onValue={(value) => update((d) => updateOutcome(d, sectionIndex, criterionIndex, oi, { value }))}
                />
              </label>
              <label class="check">
                <input
                  type="checkbox"
                  checked={option.passes}
                  aria-label={`Passes: ${which}`}
                  onChange={(e) => {
                    const passes = e.currentTarget.checked;
                    update((d) => updateOutcome(d, sectionIndex, criterionIndex, oi, { passes }));
                  }}
                />
                <span>Passes</span>
              </label>
              <button
                type="button"
                aria-label={`Remove outcome: ${which}`}
                onClick={() =>
                  update((d) => removeOutcome(d, sectionIndex, criterionIndex, oi), {
                    focus: `add-outcome:${criterion.id}`,
                    announce: `Removed outcome “${option.label}” from ${owner}.`,
                  })
                }
              >
                Remove outcome
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        aria-label={`Add outcome: ${owner}`}
        data-focus={`add-outcome:${criterion.id}`}
        onClick={() => {
          update((d) => addOutcome(d, sectionIndex, criterionIndex), { focus: 'last-outcome:' + criterion.id });
        }}
      >
        Add outcome
      </button>
    </fieldset>
  );
}

function CriterionEditor({
  criterion,
  sectionIndex,
  criterionIndex,
  count,
  sectionOwner,
  update,
}: {
  criterion: Criterion;
  sectionIndex: number;
  criterionIndex: number;
  count: number;
  sectionOwner: string;
  update: Update;
}) {
  const owner = ownerName(criterion.title, `criterion ${criterionIndex + 1} of ${sectionOwner}`);
  const set = (patch: Partial<Omit<Criterion, 'id'>>) => update((d) => updateCriterion(d, sectionIndex, criterionIndex, patch));
  const move = (delta: -1 | 1) => {
    const direction = delta < 0 ? 'up' : 'down';
    const edge = delta < 0 ? criterionIndex - 1 === 0 : criterionIndex + 1 === count - 1;
    const keep = edge ? (direction === 'up' ? 'down' : 'up') : direction;
    update((d) => moveCriterion(d, sectionIndex, criterionIndex, delta), {
      focus: `move-criterion-${keep}:${criterion.id}`,
      announce: `Moved “${owner}” ${direction}.`,
    });
  };
  return (
    <fieldset class="criterion">
      <legend>{criterion.title.trim() || 'Untitled criterion'}</legend>
      <div class="row">
        <label class="grow">
          <span>Criterion title</span>
          <input
            type="text"
            maxLength={200}
            value={criterion.title}
            aria-label={`Criterion title of ${owner}`}
            data-focus={`criterion-title:${criterion.id}`}
            onInput={(e) => set({ title: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>Weight</span>
          <NumberField min={0} max={1000} value={criterion.weight} label={`Weight of ${owner}`} onValue={(weight) => set({ weight })} />
        </label>
      </div>
      <label class="block">
        <span>Description</span>
        <span class="muted hint"> — the standard, as reviewers read it while scoring</span>
        <textarea
          maxLength={2000}
          value={criterion.description}
          aria-label={`Description of ${owner}`}
          onInput={(e) => set({ description: e.currentTarget.value })}
        />
      </label>
      <div class="row">
        <label>
          <span>Scale</span>
          <select
            value={scaleChoice(criterion.scale)}
            aria-label={`Scale of ${owner}`}
            onChange={(e) => {
              const choice = e.currentTarget.value as ScaleChoice;
              update((d) => setCriterionScale(d, sectionIndex, criterionIndex, choice));
            }}
          >
            {SCALE_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Critical</span>
          <select
            value={criterion.critical}
            aria-label={`Critical of ${owner}`}
            onChange={(e) => set({ critical: e.currentTarget.value as Criticality })}
          >
            {(Object.keys(CRITICALITY_LABELS) as Criticality[]).map((c) => (
              <option key={c} value={c}>
                {CRITICALITY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={criterion.allowNa}
            aria-label={`N/A allowed: ${owner}`}
            onChange={(e) => set({ allowNa: e.currentTarget.checked })}
          />
          <span>N/A allowed</span>
        </label>
      </div>
      <OutcomeList criterion={criterion} owner={owner} sectionIndex={sectionIndex} criterionIndex={criterionIndex} update={update} />
      <AutoCheckEditor link={criterion.autoCheck} owner={owner} onChange={(autoCheck) => set({ autoCheck })} />
      <div class="actions">
        <button
          type="button"
          disabled={criterionIndex === 0}
          aria-label={`Move criterion up: ${owner}`}
          data-focus={`move-criterion-up:${criterion.id}`}
          onClick={() => move(-1)}
        >
          Move criterion up
        </button>
        <button
          type="button"
          disabled={criterionIndex === count - 1}
          aria-label={`Move criterion down: ${owner}`}
          data-focus={`move-criterion-down:${criterion.id}`}
          onClick={() => move(1)}
        >
          Move criterion down
        </button>
        <button
          type="button"
          aria-label={`Remove criterion: ${owner}`}
          onClick={() =>
            update((d) => removeCriterion(d, sectionIndex, criterionIndex), {
              focus: `add-criterion:${sectionIndex}`,
              announce: `Removed criterion “${owner}”.`,
            })
          }
        >
          Remove criterion
        </button>
      </div>
    </fieldset>
  );
}

function SectionEditor({ section, index, count, update }: { section: Section; index: number; count: number; update: Update }) {
  const owner = ownerName(section.title, `section ${index + 1}`);
  const move = (delta: -1 | 1) => {
    const direction = delta < 0 ? 'up' : 'down';
    const edge = delta < 0 ? index - 1 === 0 : index + 1 === count - 1;
    const keep = edge ? (direction === 'up' ? 'down' : 'up') : direction;
    update((d) => moveSection(d, index, delta), {
      focus: `move-section-${keep}:${section.id}`,
      announce: `Moved section “${owner}” ${direction}.`,
    });
  };
  return (
    <div class="section-editor" role="group" aria-label={`Section ${owner}`}>
      <h3>
        {section.title.trim() || `Section ${index + 1}`}
        {section.bonus && <span class="muted"> (bonus)</span>}
      </h3>
      <div class="row">
        <label class="grow">
          <span>Section title</span>
          <input
            type="text"
            maxLength={200}
            value={section.title}
            aria-label={`Section title of ${owner}`}
            data-focus={`section-title:${section.id}`}
            onInput={(e) => {
              const title = e.currentTarget.value;
              update((d) => updateSection(d, index, { title }));
            }}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={section.bonus}
            aria-label={`Bonus section: ${owner}`}
            aria-describedby="bonus-hint"
            onChange={(e) => {
              const bonus = e.currentTarget.checked;
              update((d) => updateSection(d, index, { bonus }));
            }}
          />
          <span>Bonus section</span>
        </label>
      </div>
      {section.criteria.map((criterion, ci) => (
        <CriterionEditor
          key={criterion.id}
          criterion={criterion}
          sectionIndex={index}
          criterionIndex={ci}
          count={section.criteria.length}
          sectionOwner={owner}
          update={update}
        />
      ))}
      <div class="actions">
        <button
          type="button"
          aria-label={`Add criterion: ${owner}`}
          data-focus={`add-criterion:${index}`}
          onClick={() => update((d) => addCriterion(d, index), { focus: `last-criterion:${index}` })}
        >
          Add criterion
        </button>
        <button
          type="button"
          disabled={index === 0}
          aria-label={`Move section up: ${owner}`}
          data-focus={`move-section-up:${section.id}`}
          onClick={() => move(-1)}
        >
          Move section up
        </button>
        <button
          type="button"
          disabled={index === count - 1}
          aria-label={`Move section down: ${owner}`}
          data-focus={`move-section-down:${section.id}`}
          onClick={() => move(1)}
        >
          Move section down
        </button>
        <button
          type="button"
          aria-label={`Remove section: ${owner}`}
          onClick={() => update((d) => removeSection(d, index), { focus: 'add-section', announce: `Removed section “${owner}”.` })}
        >
          Remove section
        </button>
      </div>
    </div>
  );
}

/**
 * Edits a draft of a scorecard's content. Nothing is stored until "Save scorecard" passes
 * validation; the client then decides whether the save becomes a new version.
 */
export function ScorecardEditor({
  client,
  scorecard,
  onSaved,
  onCancel,
}: {
  client: OptionsClient;
  /** The newest version to edit, or null for a new scorecard. */
  scorecard: Scorecard | null;
  onSaved: (saved: Scorecard) => void;
  onCancel: () => void;
}) {
  const original = useMemo(() => (scorecard ? toContent(scorecard) : null), [scorecard]);
  const [draft, setDraft] = useState<ScorecardContent>(() => original ?? blankScorecard());
  const [errors, setErrors] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ key: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);

  const update: Update = (change, after) => {
    setDraft(change);
    if (after?.focus) setFocusRequest({ key: after.focus });
    setAnnouncement(after?.announce ?? '');
  };

  // Keyboard users keep their place when the control they used moves, or disappears.
  useEffect(() => {
    if (!focusRequest || !formRef.current) return;
    const targets = [...formRef.current.querySelectorAll<HTMLElement>('[data-focus]')];
    const { key } = focusRequest;
    let target: HTMLElement | undefined;
    if (key.startsWith('last-criterion:')) {
      const section = draft.sections[Number(key.slice('last-criterion:'.length))];
      const last = section?.criteria.at(-1);
      target = targets.find((t) => t.dataset.focus === `criterion-title:${last?.id}`);
    } else if (key.startsWith('last-outcome:')) {
      const criterionId = key.slice('last-outcome:'.length);
      target = targets.filter((t) => t.dataset.focus?.startsWith(`outcome:${criterionId}:`)).at(-1);
    } else if (key === 'last-section') {
      target = targets.find((t) => t.dataset.focus === `section-title:${draft.sections.at(-1)?.id}`);
    } else {
      target = targets.find((t) => t.dataset.focus === key);
    }
    target?.focus();
    setFocusRequest(null);
  }, [focusRequest, draft]);

  useLayoutEffect(() => {
    if (errors) errorsRef.current?.focus();
  }, [errors]);

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const result = validateScorecardContent(finalizeIds(draft, original));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(null);
    setSaving(true);
    try {
      onSaved(await client.saveScorecard({ id: scorecard?.id, content: result.content }));
    } catch (error) {
      setErrors([`Could not save the scorecard: ${error instanceof Error ? error.message : String(error)}`]);
      setSaving(false);
    }
  };

  const heading = scorecard ? `Edit ${scorecard.name}` : 'New scorecard';
  return (
    <form ref={formRef} class="scorecard-editor" noValidate aria-labelledby="scorecard-editor-heading" onSubmit={onSubmit}>
      <h2 id="scorecard-editor-heading">{heading}</h2>
      {scorecard && (
        <p class="muted">
          Version {scorecard.version}. If evaluations already use this version, saving creates version {scorecard.version + 1}; those
          evaluations keep the version they were scored against.
        </p>
      )}
      <div class="row">
        <label class="grow">
          <span>Name</span>
          <input
            type="text"
            maxLength={200}
            value={draft.name}
            onInput={(e) => {
              const name = e.currentTarget.value;
              update((d) => updateScorecard(d, { name }));
            }}
          />
        </label>
        <div>
          <label>
            <span>Pass mark</span>
            <NumberField
              min={0}
              max={100}
              value={draft.passMark}
              describedBy="pass-mark-hint"
              onValue={(passMark) => update((d) => updateScorecard(d, { passMark }))}
            />
          </label>
          <span id="pass-mark-hint" class="muted hint">
            Score from 0 to 100 that passes
          </span>
        </div>
      </div>
      <label class="block">
        <span>Description</span>
        <textarea
          maxLength={2000}
          value={draft.description}
          onInput={(e) => {
            const description = e.currentTarget.value;
            update((d) => updateScorecard(d, { description }));
          }}
        />
      </label>
      <fieldset class="channels">
        <legend>Channels</legend>
        <p class="muted hint">The scorecard reviewers get by default for tickets from these channels.</p>
        {CHANNELS.map((channel) => (
          <label key={channel} class="check">
            <input
              type="checkbox"
              checked={draft.channels.includes(channel)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                update((d) => setChannel(d, channel, on));
              }}
            />
            <span>{CHANNEL_LABELS[channel]}</span>
          </label>
        ))}
      </fieldset>
      <p id="bonus-hint" class="muted hint">
        Bonus sections add to the score on top of the other sections, never above 100.
      </p>
      {draft.sections.map((section, si) => (
        <SectionEditor key={section.id} section={section} index={si} count={draft.sections.length} update={update} />
      ))}
      <div class="actions">
        <button type="button" data-focus="add-section" onClick={() => update((d) => addSection(d), { focus: 'last-section' })}>
          Add section
        </button>
      </div>
      <p role="status" class="visually-hidden">
        {announcement}
      </p>
      {errors && (
        <div role="alert" class="error-summary" tabIndex={-1} ref={errorsRef}>
          <p class="error">
            {errors.length === 1 ? 'The scorecard has a problem:' : `The scorecard has ${errors.length} problems:`}
          </p>
          <ul>
            {errors.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          Save scorecard
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

import { TeamSettingsSchema, type RootCauseCategory, type TeamSettings } from '../schemas';

/** One row of the root-cause list as edited; `id` is '' until the row is first saved. */
export interface RootCauseRow {
  id: string;
  label: string;
  category: RootCauseCategory;
}

/** The Team rules form as typed. */
export interface TeamRulesForm {
  requireBalancedFeedback: boolean;
  minFeedbackChars: string;
  acknowledgementWorkingDays: string;
  rootCauses: RootCauseRow[];
}

export type TeamRulesResult = { ok: true; settings: TeamSettings } | { ok: false; errors: string[] };

export function teamRulesForm(settings: TeamSettings): TeamRulesForm {
  return {
    requireBalancedFeedback: settings.requireBalancedFeedback,
    minFeedbackChars: String(settings.minFeedbackChars),
    acknowledgementWorkingDays: String(settings.acknowledgementWorkingDays),
    rootCauses: settings.rootCauses.map((c) => ({ ...c })),
  };
}

const slug = (label: string) =>
  label
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'cause';

/**
 * A new root cause's id, from its label and unique in the list. Ids never change once saved, so
 * evaluations that used a cause keep pointing at it after it is renamed.
 */
function newRootCauseId(label: string, taken: Set<string>): string {
  const base = slug(label);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Reads the form into team settings, or lists every problem in words the admin can act on. */
export function parseTeamRulesForm(form: TeamRulesForm): TeamRulesResult {
  const errors: string[] = [];
  const whole = (text: string, min: number, max: number, message: string) => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) errors.push(message);
    return value;
  };
  const minFeedbackChars = whole(form.minFeedbackChars, 0, 1000, 'Minimum feedback length is a whole number of characters from 0 to 1000.');
  const acknowledgementWorkingDays = whole(form.acknowledgementWorkingDays, 0, 60, 'Working days to acknowledge is a whole number from 0 (no deadline) to 60.');

  const seen = new Map<string, number>();
  form.rootCauses.forEach((row, index) => {
    const label = row.label.trim();
    if (label === '') return errors.push(`Root cause ${index + 1}: give it a name, or remove it.`);
    const first = seen.get(label.toLocaleLowerCase());
    if (first !== undefined) errors.push(`Root cause ${index + 1}: “${label}” is already root cause ${first + 1}.`);
    else seen.set(label.toLocaleLowerCase(), index);
  });
  if (errors.length > 0) return { ok: false, errors };

  const taken = new Set(form.rootCauses.map((r) => r.id).filter(Boolean));
  const rootCauses = form.rootCauses.map((row) => {
    const id = row.id || newRootCauseId(row.label, taken);
    taken.add(id);
    return { id, label: row.label.trim(), category: row.category };
  });
  return {
    ok: true,
    settings: TeamSettingsSchema.parse({ requireBalancedFeedback: form.requireBalancedFeedback, minFeedbackChars, acknowledgementWorkingDays, rootCauses }),
  };
}

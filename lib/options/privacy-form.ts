/** The Settings → Privacy form: what the admin types, read back into privacy settings or a list of problems. */
import { checkCustomPattern } from '../privacy/custom-patterns';
import { PII_KINDS, type PiiKind } from '../privacy/pii-kinds';
import { CustomPatternSchema, PhoneRegionSchema, type PrivacySettings } from '../schemas/privacy';

export interface PatternRow {
  id: string;
  label: string;
  pattern: string;
  caseSensitive: boolean;
}

export interface PrivacyForm {
  redact: Record<PiiKind, boolean>;
  phoneRegions: string;
  patterns: PatternRow[];
  ticketDays: string;
  evaluationDays: string;
}

export type PrivacyFormResult = { ok: true; settings: PrivacySettings } | { ok: false; errors: string[] };

export function privacyForm(settings: PrivacySettings): PrivacyForm {
  return {
    redact: Object.fromEntries(PII_KINDS.map((kind) => [kind, !settings.keep.includes(kind)])) as Record<PiiKind, boolean>,
    phoneRegions: settings.phoneRegions.join(', '),
    patterns: settings.customPatterns.map((p) => ({ ...p })),
    ticketDays: settings.retention.ticketDays === null ? '' : String(settings.retention.ticketDays),
    evaluationDays: settings.retention.evaluationDays === null ? '' : String(settings.retention.evaluationDays),
  };
}

export function parsePrivacyForm(form: PrivacyForm, newId: () => string): PrivacyFormResult {
  const errors: string[] = [];
  const regions = form.phoneRegions
    .split(/[\s,]+/)
    .map((r) => r.trim().toUpperCase())
    .filter(Boolean);
  if (regions.length === 0) errors.push('Phone regions: list at least one, such as GB.');
  for (const region of regions) if (!PhoneRegionSchema.safeParse(region).success) errors.push(`Phone regions: “${region}” is not a two-letter region code such as GB or US.`);

  const patterns = form.patterns.map((row, i) => {
    const parsed = CustomPatternSchema.safeParse({ ...row, id: row.id || newId(), label: row.label.trim(), pattern: row.pattern.trim() });
    if (!parsed.success) {
      errors.push(`Pattern ${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`);
      return null;
    }
    const checked = checkCustomPattern(parsed.data);
    if (!checked.ok) errors.push(`Pattern ${i + 1} (${parsed.data.label}): ${checked.error}`);
    return parsed.data;
  });

  const days = (text: string, what: string): number | null => {
    if (text.trim() === '') return null;
    const n = Number(text.trim());
    if (!Number.isInteger(n) || n < 1 || n > 36_500) errors.push(`${what}: a whole number of days from 1 to 36500, or empty to keep them until deleted.`);
    return n;
  };
  const ticketDays = days(form.ticketDays, 'Keep ticket snapshots for');
  const evaluationDays = days(form.evaluationDays, 'Keep evaluations for');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      keep: PII_KINDS.filter((kind) => !form.redact[kind]),
      phoneRegions: [...new Set(regions)],
      customPatterns: patterns.filter((p) => p !== null),
      retention: { ticketDays, evaluationDays },
    },
  };
}

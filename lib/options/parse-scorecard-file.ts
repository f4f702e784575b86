/**
 * The scorecard file format: a `ScorecardContent` as pretty-printed JSON (what Export writes and
 * Import reads), and the validation messages shown to the QA lead, each starting with the path of
 * the field it is about (`sections.0.criteria.1.weight: Too small: expected number to be >=0`).
 */
import type { z } from 'zod';
import { ScorecardContentSchema, type ScorecardContent } from '../schemas';
import { kebabCase } from './edit-scorecard';

export type ScorecardFileResult = { ok: true; content: ScorecardContent } | { ok: false; errors: string[] };

/** Far above any real scorecard (the bundled ones are ~10 kB); stops a wrong file from freezing the page. */
export const MAX_SCORECARD_FILE_CHARS = 2_000_000;

/** Where an issue is: its dotted path, or `(file)` for the file as a whole. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map((key) => String(key)).join('.');
}

/** Every section and criterion id that appears more than once, in order of first repeat. */
function repeatedIds(input: unknown): string[] {
  const sections = (input as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) return [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const note = (id: unknown) => {
    if (typeof id !== 'string') return;
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  };
  for (const section of sections as unknown[]) {
    if (!section || typeof section !== 'object') continue;
    const { id, criteria } = section as { id?: unknown; criteria?: unknown };
    note(id);
    if (Array.isArray(criteria)) for (const criterion of criteria as unknown[]) note((criterion as { id?: unknown } | null)?.id);
  }
  return [...repeated];
}

/** One line per issue, `<path>: <message>`; a duplicate-id issue also names the repeated ids. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'custom' && issue.path.length === 1 && issue.path[0] === 'sections') {
      const repeated = repeatedIds(input);
      if (repeated.length > 0) message += ` (repeated: ${repeated.join(', ')})`;
    }
    return `${issuePath(issue.path)}: ${message}`;
  });
}

const DUPLICATE_IDS = 'section and criterion ids must be unique';

/**
 * Checks already-parsed data against the scorecard schema, listing every problem. Zod skips the
 * schema's duplicate-id check once a field has the wrong type; it is run here anyway so one pass
 * shows the QA lead everything to fix.
 */
export function validateScorecardContent(input: unknown): ScorecardFileResult {
  const parsed = ScorecardContentSchema.safeParse(input);
  if (parsed.success) return { ok: true, content: parsed.data };
  const errors = formatIssues(parsed.error.issues, input);
  const checkedIds = parsed.error.issues.some((i) => i.code === 'custom' && i.message === DUPLICATE_IDS);
  const repeated = repeatedIds(input);
  if (!checkedIds && repeated.length > 0) errors.push(`sections: ${DUPLICATE_IDS} (repeated: ${repeated.join(', ')})`);
  return { ok: false, errors };
}

/** Reads the text of a scorecard JSON file. */
export function parseScorecardFile(text: string): ScorecardFileResult {
  if (text.length > MAX_SCORECARD_FILE_CHARS) {
    return { ok: false, errors: [`(file): Too large: a scorecard file is at most ${MAX_SCORECARD_FILE_CHARS / 1_000_000} MB`] };
  }
  let data: unknown;
  try {
    // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse rejects.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return validateScorecardContent(data);
}

/** What Export downloads: `<kebab-name>.scorecard.json` holding the content, pretty-printed. */
export function scorecardFile(content: ScorecardContent): { filename: string; text: string } {
  const { name, description, channels, passMark, sections } = content;
  return {
    filename: `${kebabCase(name) || 'scorecard'}.scorecard.json`,
    text: `${JSON.stringify({ name, description, channels, passMark, sections }, null, 2)}\n`,
  };
}

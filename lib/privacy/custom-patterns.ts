/**
 * Patterns a team adds in Settings → Privacy. A pattern is JavaScript regular-expression syntax,
 * so it could be written (or arrive, through a restored backup or the team server) in a form that
 * backtracks catastrophically and freezes the panel on one long message. Each is checked with
 * redos-detector, which counts the ways one input can match; an ambiguous pattern is refused with
 * the reason, before it is saved and again before it is used.
 */
import { isSafePattern } from 'redos-detector';
import type { CustomPattern } from '../schemas/privacy';

export interface CompiledPattern {
  id: string;
  label: string;
  regex: RegExp;
}

export type PatternCheck = { ok: true; pattern: CompiledPattern } | { ok: false; error: string };

/** Longest text one custom match may cover: a reference number, not a paragraph. */
export const MAX_CUSTOM_MATCH_CHARS = 200;

/**
 * The detector's step budget. Fixed steps (not a time limit) make the verdict the same on a busy
 * laptop and in CI; a pattern too complex to decide within them is refused as such.
 */
const MAX_STEPS = 2000;

const cache = new Map<string, PatternCheck>();

/** Checks and compiles one pattern; the verdict is cached per pattern and case setting. */
export function checkCustomPattern(custom: Pick<CustomPattern, 'id' | 'label' | 'pattern' | 'caseSensitive'>): PatternCheck {
  const key = `${custom.caseSensitive ? 's' : 'i'}:${custom.pattern}`;
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = verdictFor(custom.pattern, custom.caseSensitive);
    cache.set(key, verdict);
  }
  return verdict.ok ? { ok: true, pattern: { ...verdict.pattern, id: custom.id, label: custom.label.trim() } } : verdict;
}

function verdictFor(pattern: string, caseSensitive: boolean): PatternCheck {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, caseSensitive ? 'g' : 'gi');
  } catch (error) {
    return { ok: false, error: `"${pattern}" is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}.` };
  }
  if (regex.test('')) return { ok: false, error: `"${pattern}" matches empty text, so it would match everywhere: make it match at least one character.` };
  if (/\\[1-9]|\\k</.test(pattern)) return { ok: false, error: `"${pattern}" uses a back-reference, which can make matching take exponential time: write the repeated part out.` };
  let safe: ReturnType<typeof isSafePattern>;
  try {
    safe = isSafePattern(pattern, { caseInsensitive: !caseSensitive, maxSteps: MAX_STEPS, timeout: 2000 });
  } catch (error) {
    return { ok: false, error: `"${pattern}" uses syntax the safety check cannot read (${(error as Error).message}): simplify it.` };
  }
  if (!safe.safe) {
    const why =
      safe.error === 'hitMaxSteps' || safe.error === 'timedOut'
        ? 'is too complex to prove safe'
        : 'can match the same text in many ways, so one long message could freeze the panel (catastrophic backtracking)';
    return { ok: false, error: `"${pattern}" ${why}: avoid nested or adjacent repeats such as (a+)+ or \\d+\\d+, and prefer fixed counts such as \\d{8}.` };
  }
  return { ok: true, pattern: { id: '', label: '', regex } };
}

/** The spans a compiled pattern matches, longest match capped so a pattern cannot swallow a message. */
export function customSpans(pattern: CompiledPattern, text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(pattern.regex)) {
    if (m[0].length > 0 && m[0].length <= MAX_CUSTOM_MATCH_CHARS) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

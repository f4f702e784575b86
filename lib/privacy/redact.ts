/**
 * Redaction: personal data in a text becomes a labelled placeholder (`[email]`, `[card]`…), so the
 * reviewer still sees what was there. One function serves the worker (a ticket as the content
 * script reported it), the panel (snapshots, evidence, comments), imports, exports and
 * `npm run redact`. It never runs in the content script: the detectors weigh too much for a
 * helpdesk page, and the page is where the data comes from, not where it is kept.
 */
import type { CountryCode } from 'libphonenumber-js/min';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '../schemas/privacy';
import { checkCustomPattern, customSpans, type CompiledPattern } from './custom-patterns';
import { DETECTORS, type Span } from './detectors';
import { PII_KINDS, placeholderFor, type PiiKind } from './pii-kinds';

export interface RedactionRules {
  /** Kinds redacted; the team may keep some as written (Settings → Privacy). */
  kinds: ReadonlySet<PiiKind>;
  phoneRegions: readonly CountryCode[];
  custom: readonly CompiledPattern[];
}

export interface Finding extends Span {
  /** A built-in kind, or a custom pattern's label. */
  kind: string;
  placeholder: string;
}

/**
 * The rules a team's privacy settings give. Custom patterns that fail the safety check are left
 * out and listed in `refused` (a settings page shows why), so one bad pattern never stops the
 * redaction of everything else.
 */
export function redactionRules(settings: PrivacySettings = DEFAULT_PRIVACY_SETTINGS): RedactionRules & { refused: string[] } {
  const custom: CompiledPattern[] = [];
  const refused: string[] = [];
  for (const pattern of settings.customPatterns) {
    const checked = checkCustomPattern(pattern);
    if (checked.ok) custom.push(checked.pattern);
    else refused.push(`${pattern.label}: ${checked.error}`);
  }
  return {
    kinds: new Set(PII_KINDS.filter((kind) => !settings.keep.includes(kind))),
    phoneRegions: settings.phoneRegions as CountryCode[],
    custom,
    refused,
  };
}

export const DEFAULT_RULES: RedactionRules = redactionRules();

/** Nothing to find in text without a digit or an `@`, unless a team pattern could match: the common case costs one scan. */
const MAY_HOLD_PII = /[\d@]/;

/**
 * Everything the rules find, in text order, without overlaps. Team patterns run first (the team
 * knows its own identifiers), then the built-in detectors from the most specific; each runs over
 * the text with earlier finds blanked out, so offsets stay those of the original.
 */
export function findPersonalData(text: string, rules: RedactionRules = DEFAULT_RULES): Finding[] {
  if (!text || (rules.custom.length === 0 && !MAY_HOLD_PII.test(text))) return [];
  const findings: Finding[] = [];
  const taken = new Uint8Array(text.length);
  let masked = text;
  // Claims the spans that overlap nothing found before, then blanks them for the detectors after.
  const claim = (spans: Span[], kind: string) => {
    const claimed: Span[] = [];
    for (const span of spans.sort((a, b) => a.start - b.start)) {
      if (taken.subarray(span.start, span.end).some((t) => t === 1)) continue;
      taken.fill(1, span.start, span.end);
      claimed.push(span);
      findings.push({ ...span, kind, placeholder: placeholderFor(kind) });
    }
    if (claimed.length === 0) return;
    let next = '';
    let at = 0;
    for (const span of claimed) {
      next += masked.slice(at, span.start) + ' '.repeat(span.end - span.start);
      at = span.end;
    }
    masked = next + masked.slice(at);
  };
  for (const pattern of rules.custom) claim(customSpans(pattern, masked), pattern.label);
  for (const [kind, detect] of DETECTORS) {
    if (rules.kinds.has(kind) && MAY_HOLD_PII.test(masked)) claim(detect(masked, { phoneRegions: rules.phoneRegions }), kind);
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** The text with each find replaced by its placeholder. Idempotent: placeholders hold nothing to find. */
export function redactText(text: string, rules: RedactionRules = DEFAULT_RULES): string {
  const findings = findPersonalData(text, rules);
  if (findings.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + f.placeholder;
    at = f.end;
  }
  return out + text.slice(at);
}

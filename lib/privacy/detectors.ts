/**
 * One detector per kind of personal data. Each returns the spans it finds in a text; `redact.ts`
 * runs them in order over a text in which earlier finds are masked. Every pattern here has bounded
 * repetition and starts only at a token boundary, so its work per character is bounded: a hostile
 * 100,000-character message costs linear time.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { findPhoneNumbersInText, Metadata, type CountryCode } from 'libphonenumber-js/min';
import { passesLuhn } from './checksums';
import type { PiiKind } from './pii-kinds';

export interface Span {
  start: number;
  end: number;
}

export type Detector = (text: string, options: DetectorOptions) => Span[];

export interface DetectorOptions {
  phoneRegions: readonly CountryCode[];
}

const spansOf = (text: string, pattern: RegExp, group = 0): Span[] =>
  [...text.matchAll(pattern)].map((m) => {
    const offset = group === 0 ? 0 : m[0].indexOf(m[group]!);
    return { start: m.index + offset, end: m.index + offset + m[group]!.length };
  });

/** Local part, @, domain labels and a top-level domain, each capped at the lengths RFC 5321 allows. */
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![\w-])/gu;
const email: Detector = (text) => spansOf(text, EMAIL);

/**
 * Runs of digit groups with single spaces or dashes between them. A card is 13–19 consecutive
 * digits of a run, grouped as cards are, passing Luhn and starting with a payment-card industry
 * digit (2–6), so a 16-digit order number usually survives. A run may hold more than the card (a
 * phone number typed before it, an expiry after it): every stretch of whole groups is tried,
 * longest first.
 */
const DIGIT_RUN = /(?<![\d-])\d{1,19}(?:[ -]\d{1,19}){0,9}(?![\d])/g;
const card: Detector = (text) => {
  const found: Span[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({ start: g.index, end: g.index + g[0].length, size: g[0].length }));
    let from = 0;
    while (from < groups.length) {
      const hit = longestCard(run[0], groups, from);
      if (!hit) {
        from++;
        continue;
      }
      found.push({ start: run.index + groups[from]!.start, end: run.index + groups[hit.last]!.end });
      from = hit.last + 1;
    }
  }
  return found;
};

function longestCard(run: string, groups: readonly { start: number; end: number; size: number }[], first: number): { last: number } | null {
  // A group of four before it makes this the middle of a longer number grouped in fours (a USPS
  // tracking number), not a card that something else was typed before.
  if (first > 0 && groups[first - 1]!.size === 4) return null;
  let digits = 0;
  const counts = groups.slice(first).map((g) => (digits += g.size));
  for (let last = groups.length - 1; last >= first; last--) {
    const count = counts[last - first]!;
    if (count < 13 || count > 19 || !cardGrouping(groups.slice(first, last + 1).map((g) => g.size))) continue;
    const number = run.slice(groups[first]!.start, groups[last]!.end).replace(/[ -]/g, '');
    if (/^[2-6]/.test(number) && passesLuhn(number)) return { last };
  }
  return null;
}

/**
 * How card numbers are grouped when they are grouped at all: fours (the last group shorter), or
 * Amex's and Diners' 4-6-5 and 4-6-4. An order number such as 582-7771252-2797236 is not a card.
 */
function cardGrouping(sizes: readonly number[]): boolean {
  if (sizes.length === 1) return true;
  if (sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6) return true;
  return sizes.slice(0, -1).every((size) => size === 4) && sizes.at(-1)! <= 4;
}

/**
 * IBAN candidates: a country code and check digits, then up to 30 letters and digits, in groups of
 * any size. The longest candidate that passes the country's format and mod-97 check wins.
 */
const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/g;
const iban: Detector = (text) => {
  const found: Span[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const ends = [...m[0].matchAll(/[A-Za-z0-9](?=[ -]|$)/g)].map((c) => c.index + 1).reverse();
    for (const end of ends) {
      if (/[A-Za-z0-9]/.test(text[m.index + end] ?? '')) continue;
      const candidate = electronicFormatIBAN(m[0].slice(0, end).toUpperCase()) ?? '';
      if (isValidIBAN(candidate)) {
        found.push({ start: m.index, end: m.index + end });
        break;
      }
    }
  }
  return found;
};

/**
 * HMRC's National Insurance number format: two prefix letters (never D, F, I, Q, U or V; O not
 * second; BG, GB, KN, NK, NT, TN and ZZ never issued), six digits, a suffix A–D.
 */
const NI = /(?<![A-Za-z0-9])(?!(?:BG|GB|KN|NK|NT|TN|ZZ)[ ]?\d)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/gi;
const niNumber: Detector = (text) => spansOf(text, NI);

/** Royal Mail's postcode formats (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA) and GIR 0AA. */
const POSTCODE =
  /(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/gi;
const postcode: Detector = (text) => spansOf(text, POSTCODE);

/**
 * UK bank details. A sort code looks like a date (12-05-24), so it is redacted only where the text
 * says it is one, or beside an eight-digit account number; an account number likewise.
 */
const SORT = String.raw`\d{2}[ -]?\d{2}[ -]?\d{2}`;
const ACCOUNT = String.raw`\d{8}`;
const SORT_WORDS = String.raw`(?:sort[ -]?code|s\/c)(?: is| number| no\.?)?[:\s]{0,3}`;
const ACCOUNT_WORDS = String.raw`(?:account|acct|acc|a\/c)(?: number| no\.?| num(?:ber)?| #)?(?: is)?[:\s#]{0,3}`;
/**
 * The words and the number, matched together, and the number's span kept (group 1). As a lookbehind
 * (`(?<=words)number`) the words were tried backwards from every position of every message, which
 * made these two a ticket's slowest detectors; the words hold no digit, so both forms find the same
 * numbers.
 */
const SAID = [new RegExp(String.raw`\b${SORT_WORDS}(${SORT})(?!\d)`, 'gi'), new RegExp(String.raw`\b${ACCOUNT_WORDS}(${ACCOUNT})(?!\d)`, 'gi')];
const BESIDE = [
  new RegExp(String.raw`(?<![\d-])${SORT}[ ,/]{1,3}${ACCOUNT}(?!\d)`, 'g'),
  new RegExp(String.raw`(?<![\d-])${ACCOUNT}[ ,/]{1,3}${SORT}(?![\d-])`, 'g'),
];
const bankAccount: Detector = (text) => [...SAID.flatMap((pattern) => spansOf(text, pattern, 1)), ...BESIDE.flatMap((pattern) => spansOf(text, pattern))];

/** Words that make a following number a reference, not a phone number, when the number is not a known valid one. */
const REFERENCE_BEFORE = /(?:order|invoice|inv|ref|reference|case|ticket|tracking|parcel|booking|no\.?|#)[\s:#.-]{0,3}$/i;

/** A phone number stands apart: not glued to letters, digits or a dash as part of a code (JJD1597296117, ORD-2019-186525). */
const GLUED_BEFORE = /[\p{L}\p{N}_\-/.]$/u;
const GLUED_AFTER = /^[\p{L}\p{N}_]/u;

const nationalPrefixes = new Map<CountryCode, string | undefined>();
function nationalPrefix(region: CountryCode): string | undefined {
  if (!nationalPrefixes.has(region)) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(region);
    nationalPrefixes.set(region, (metadata.numberingPlan as unknown as { nationalPrefix(): string | undefined } | undefined)?.nationalPrefix());
  }
  return nationalPrefixes.get(region);
}

/**
 * Phone numbers, by libphonenumber's matcher: every number valid for its region (international
 * ones for any region, national ones for the team's regions), plus numbers of a possible length
 * written with `+`, `00` or a trunk `0` (ranges the metadata does not list, such as Ofcom's drama
 * numbers) unless a word like "order" or "#" stands right before them. Where a region dials a
 * trunk 0 (the UK, most of Europe), a national number written without it is a reference number
 * that happens to fit the plan (order 1540863111), not a phone number.
 */
const phone: Detector = (text, { phoneRegions }) => {
  const found: Span[] = [];
  for (const candidate of text.matchAll(PHONE_CANDIDATE)) {
    if (countDigits(candidate[0]) < 7 || (candidate[0].match(/\d+/g)?.length ?? 0) > MAX_PHONE_GROUPS) continue;
    for (const span of phoneSpans(text, candidate.index, candidate[0], phoneRegions)) found.push(span);
  }
  return found;
};

/**
 * Stretches of digits and the characters phone numbers are written with, at most 32 long.
 * libphonenumber's matcher rescans the rest of its text from each candidate it tries, which grows
 * with the square of a long message; given only these stretches, its work stays linear.
 */
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}])[+(]?\d[\d ().\-/]{5,31}/gu;

/**
 * No one writes a phone number in more than eight groups (+33 6 12 34 56 78 has six); a stretch of
 * many short groups is a list of figures, and would cost the matcher most of its time.
 */
const MAX_PHONE_GROUPS = 8;

/** The shortest phone number anywhere has seven digits. */
function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function phoneSpans(text: string, offset: number, candidate: string, phoneRegions: readonly CountryCode[]): Span[] {
  const found: Span[] = [];
  for (const region of phoneRegions) {
    const trunk = nationalPrefix(region);
    for (const { number, startsAt, endsAt } of findPhoneNumbersInText(candidate, { defaultCountry: region, extended: true })) {
      const match = { number, startsAt: offset + startsAt, endsAt: offset + endsAt };
      if (GLUED_BEFORE.test(text.slice(0, match.startsAt)) || GLUED_AFTER.test(text.slice(match.endsAt, match.endsAt + 1))) continue;
      const raw = text.slice(match.startsAt, match.endsAt);
      const digits = raw.replace(/\D/g, '');
      const international = /^(?:\+|00[1-9])/.test(raw);
      if (!international && trunk === '0' && !/^\(?0/.test(raw)) continue;
      const written = (international || /^\(?0[1-9]/.test(raw)) && digits.length >= 10;
      const reference = REFERENCE_BEFORE.test(text.slice(Math.max(0, match.startsAt - 16), match.startsAt));
      if (match.number.isValid() || (written && match.number.isPossible() && !reference)) found.push({ start: match.startsAt, end: match.endsAt });
    }
  }
  return found;
}

/**
 * Detectors in the order they run: the most specific first, so an IBAN is not read as a phone
 * number and a card as neither.
 */
export const DETECTORS: readonly (readonly [PiiKind, Detector])[] = [
  ['email', email],
  ['iban', iban],
  ['card', card],
  ['bank-account', bankAccount],
  ['ni-number', niNumber],
  ['postcode', postcode],
  ['phone', phone],
];

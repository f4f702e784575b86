/**
 * Text in a canonical form for phrase matching, with the way back to the original characters.
 * Words are lower-cased, stripped of accents, American -ize spellings folded into -ise, and
 * contractions written out ("can't", "cannot" and "can not" all become "can not"); everything
 * between words becomes one space. So one phrase matches its everyday variants, and each match
 * still points at the exact characters of the message it came from.
 */

export interface NormalText {
  /** `' ' + words.join(' ') + ' '`: every word is surrounded by spaces, so `' phrase '` matches whole words only. */
  readonly text: string;
  /** For each character of `text`, where its source starts and ends in the original. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

export interface Span {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘`][\p{L}]+)*/gu;
const APOSTROPHES = /['’‘`]/g;
const MARKS = /\p{M}+/gu;
/** Pronouns whose `'s` is "is", not a possessive. */
const IS_BEFORE_S = new Set(['it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'when', 'why', 'everything', 'nothing', 'this']);
const IRREGULAR_NOT: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };
const SUFFIXES: Record<string, string> = { re: 'are', m: 'am', ll: 'will', ve: 'have', d: 'would' };

const fold = (word: string) => word.normalize('NFD').replace(MARKS, '').toLowerCase();

/** One word of the original in canonical form: one or more words joined by spaces. */
export function canonicalWord(raw: string): string {
  let word = fold(raw).replace(APOSTROPHES, "'");
  if (word === 'cannot') return 'can not';
  if (word.endsWith("n't")) {
    const stem = word.slice(0, -3);
    return `${IRREGULAR_NOT[stem] ?? stem} not`;
  }
  const quote = word.indexOf("'");
  if (quote > 0) {
    const stem = word.slice(0, quote);
    const suffix = word.slice(quote + 1);
    if (stem === 'let' && suffix === 's') return 'let us';
    if (suffix === 's') return IS_BEFORE_S.has(stem) ? `${stem} is` : stem;
    const expanded = SUFFIXES[suffix];
    if (expanded) return `${stem} ${expanded}`;
    word = word.replace(/'/g, '');
  }
  return word.replace(/iz(e|ed|es|ing|ation|ations)$/, 'is$1');
}

/** The canonical form of a text, with each character mapped back to its source. */
export function normalise(original: string): NormalText {
  const parts: string[] = [' '];
  const from: number[] = [0];
  const to: number[] = [0];
  for (const match of original.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const word = canonicalWord(raw);
    const exact = word.length === raw.length;
    for (let k = 0; k < word.length; k++) {
      from.push(exact ? start + k : start);
      to.push(exact ? start + k + 1 : end);
    }
    parts.push(word, ' ');
    from.push(end);
    to.push(end);
  }
  return { text: parts.join(''), from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** A phrase in the canonical form `find` expects: its words, single-spaced, no padding. */
export function canonicalPhrase(phrase: string): string {
  return normalise(phrase).text.trim();
}

/** Where each whole-word occurrence of a canonical phrase lies in the original text. */
export function find(normal: NormalText, phrase: string, limit = Infinity): Span[] {
  const spans: Span[] = [];
  if (!phrase) return spans;
  const needle = ` ${phrase} `;
  let at = normal.text.indexOf(needle);
  while (at !== -1 && spans.length < limit) {
    spans.push({ start: normal.from[at + 1]!, end: normal.to[at + phrase.length]! });
    at = normal.text.indexOf(needle, at + phrase.length + 1);
  }
  return spans;
}

/** The first occurrence of any of the phrases, the earliest in the text. */
export function findFirst(normal: NormalText, phrases: readonly string[]): (Span & { phrase: string }) | null {
  let best: (Span & { phrase: string }) | null = null;
  for (const phrase of phrases) {
    const [span] = find(normal, phrase, 1);
    if (span && (!best || span.start < best.start)) best = { ...span, phrase };
  }
  return best;
}

/** Every occurrence of any of the phrases, in text order, overlapping ones kept once. */
export function findAll(normal: NormalText, phrases: readonly string[]): (Span & { phrase: string })[] {
  const all = phrases.flatMap((phrase) => find(normal, phrase).map((span) => ({ ...span, phrase })));
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: (Span & { phrase: string })[] = [];
  for (const span of all) if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  return kept;
}

/**
 * Matches of a regular expression written against the canonical text (lower case, single spaces,
 * no punctuation), as spans of the original. The expression needs the `g` flag.
 */
export function matchCanonical(normal: NormalText, pattern: RegExp): (Span & { text: string })[] {
  const spans: (Span & { text: string })[] = [];
  for (const match of normal.text.matchAll(pattern)) {
    let first = match.index;
    let last = match.index + match[0].length - 1;
    while (first <= last && normal.text[first] === ' ') first++;
    while (last >= first && normal.text[last] === ' ') last--;
    if (first > last) continue;
    spans.push({ start: normal.from[first]!, end: normal.to[last]!, text: normal.text.slice(first, last + 1) });
  }
  return spans;
}

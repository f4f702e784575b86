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

const PLAIN = /^[A-Za-z0-9]+$/;
// Most words are plain ASCII: only the others pay for Unicode decomposition.
const fold = (word: string) => (PLAIN.test(word) ? word.toLowerCase() : word.normalize('NFD').replace(MARKS, '').toLowerCase());

const IZE = /iz(e|ed|es|ing|ation|ations)$/;
const americanToBritish = (word: string) => (word.includes('iz') ? word.replace(IZE, 'is$1') : word);

/** One word of the original in canonical form: one or more words joined by spaces. */
export function canonicalWord(raw: string): string {
  // The common case, a plain ASCII word, takes no Unicode work at all.
  if (PLAIN.test(raw)) {
    const word = raw.toLowerCase();
    return word === 'cannot' ? 'can not' : americanToBritish(word);
  }
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
  return americanToBritish(word);
}

/** The canonical form of a text, with each character mapped back to its source. */
export function normalise(original: string): NormalText {
  const parts: string[] = [' '];
  // Canonical text is rarely longer than the original (contractions grow by a character or two).
  let from = new Int32Array(original.length + 16);
  let to = new Int32Array(original.length + 16);
  let length = 1;
  const room = (more: number) => {
    if (length + more <= from.length) return;
    const size = Math.max(from.length * 2, length + more);
    const grownFrom = new Int32Array(size);
    const grownTo = new Int32Array(size);
    grownFrom.set(from);
    grownTo.set(to);
    from = grownFrom;
    to = grownTo;
  };
  for (const match of original.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const word = canonicalWord(raw);
    const exact = word.length === raw.length;
    room(word.length + 1);
    for (let k = 0; k < word.length; k++) {
      from[length] = exact ? start + k : start;
      to[length] = exact ? start + k + 1 : end;
      length++;
    }
    parts.push(word, ' ');
    from[length] = end;
    to[length] = end;
    length++;
  }
  return { text: parts.join(''), from: from.subarray(0, length), to: to.subarray(0, length) };
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

/**
 * A list of canonical phrases indexed by first word, so a text is read once, word by word, instead
 * of once per phrase: a 500-message conversation against a hundred phrases costs a few thousand
 * map lookups, not fifty thousand searches.
 */
export interface PhraseSet {
  byFirstWord: ReadonlyMap<string, readonly string[]>;
}

const compiled = new WeakMap<readonly string[], PhraseSet>();

export function phraseSet(phrases: readonly string[]): PhraseSet {
  let set = compiled.get(phrases);
  if (!set) {
    const byFirstWord = new Map<string, string[]>();
    for (const phrase of phrases) {
      if (!phrase) continue;
      const first = phrase.split(' ', 1)[0]!;
      const list = byFirstWord.get(first) ?? [];
      if (!list.includes(phrase)) list.push(phrase);
      byFirstWord.set(first, list);
    }
    set = { byFirstWord };
    compiled.set(phrases, set);
  }
  return set;
}

/** Every whole-word occurrence of any of the phrases, in text order; where two overlap, the earlier and then the longer is kept. */
export function findAll(normal: NormalText, phrases: readonly string[], limit = Infinity): (Span & { phrase: string })[] {
  const { byFirstWord } = phraseSet(phrases);
  const { text } = normal;
  const found: (Span & { phrase: string })[] = [];
  let coveredUntil = 0;
  for (let at = 1; at < text.length && found.length < limit; ) {
    const next = text.indexOf(' ', at);
    const candidates = byFirstWord.get(text.slice(at, next));
    if (candidates && at >= coveredUntil) {
      let best: string | undefined;
      for (const phrase of candidates) if (text.startsWith(phrase, at) && text[at + phrase.length] === ' ' && (!best || phrase.length > best.length)) best = phrase;
      if (best) {
        found.push({ start: normal.from[at]!, end: normal.to[at + best.length - 1]!, phrase: best });
        coveredUntil = at + best.length;
      }
    }
    at = next + 1;
  }
  return found;
}

/** The earliest occurrence of any of the phrases. */
export function findFirst(normal: NormalText, phrases: readonly string[]): (Span & { phrase: string }) | null {
  return findAll(normal, phrases, 1)[0] ?? null;
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

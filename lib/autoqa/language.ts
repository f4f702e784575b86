import { franc } from 'franc-min';

/**
 * Which language a conversation is written in, from the trigrams of its customer and agent text
 * (franc-min: 82 languages, its model inside the package). Checks that read words answer "cannot
 * tell" unless it is English.
 */
export interface LanguageGuess {
  /** ISO 639-3 code (`eng`, `spa`…), or `und` when there is too little text to tell. */
  code: string;
  /** True for English, false for another language, null when it cannot be told. */
  english: boolean | null;
  /** The language's name in English, for reasons shown to the reviewer. */
  name: string;
}

const NAMES: Record<string, string> = {
  eng: 'English', spa: 'Spanish', fra: 'French', deu: 'German', por: 'Portuguese', ita: 'Italian', nld: 'Dutch',
  pol: 'Polish', swe: 'Swedish', tur: 'Turkish', rus: 'Russian', ukr: 'Ukrainian', ces: 'Czech', ron: 'Romanian',
  hun: 'Hungarian', cmn: 'Chinese', jpn: 'Japanese', kor: 'Korean', arb: 'Arabic', hin: 'Hindi', ind: 'Indonesian',
  vie: 'Vietnamese', dan: 'Danish', nob: 'Norwegian', fin: 'Finnish', ell: 'Greek', heb: 'Hebrew', cat: 'Catalan',
};

/**
 * Words that are common in English and rare in the other languages franc knows ("a", "is", "in",
 * "no", "me" are left out: Spanish, Dutch, German and Italian use them too). A short English chat
 * ("opening hours? thanks") has too few trigrams for franc to be sure, but plenty of these.
 */
const ENGLISH_WORDS = new Set(
  'the you your my are was it of and for with this that we can do not have will what how when where please thanks thank hi hello yes there be been would could should our any just about from they their get got has need want help order'.split(' '),
);
/** Share of words from ENGLISH_WORDS above which a text is English whatever the trigrams say (Spanish or German replies score under 0.05). */
const ENGLISH_SHARE = 0.2;

function englishShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH_WORDS.has(w)).length / words.length;
}

/** franc reads at most this much; the opening of a conversation says its language as well as the whole. */
const SAMPLE_CHARS = 2_000;
/** Below this franc answers `und` anyway; short chats ("ok thx") cannot be told. */
const MIN_CHARS = 20;

export function detectLanguage(texts: readonly string[]): LanguageGuess {
  let sample = '';
  for (const text of texts) {
    if (sample.length >= SAMPLE_CHARS) break;
    sample += `${text}\n`;
  }
  sample = sample.slice(0, SAMPLE_CHARS);
  const trigrams = sample.replace(/\s+/g, ' ').trim().length < MIN_CHARS ? 'und' : franc(sample, { minLength: MIN_CHARS });
  const code = trigrams !== 'eng' && englishShare(sample) >= ENGLISH_SHARE ? 'eng' : trigrams;
  return { code, english: code === 'und' ? null : code === 'eng', name: code === 'und' ? 'an unknown language' : (NAMES[code] ?? code) };
}

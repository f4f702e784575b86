import Sentiment from 'sentiment';

/**
 * Sentiment of one message: the AFINN-165 lexicon (about 3,400 English words and the common emoji,
 * each rated −5…+5) through the `sentiment` package, which also flips a word after a negation
 * ("not happy"). The lexicon is shipped inside the package and nothing is downloaded. A few words
 * mean something else in support conversations and are re-rated here: an apology is not negative
 * ("sorry to hear that"), "help" and "please" are how customers ask, not praise.
 */
const DOMAIN_RATINGS: Record<string, number> = {
  sorry: 0,
  apologies: 0,
  apologise: 0,
  apologize: 0,
  please: 0,
  help: 0,
  like: 0,
  problem: -1,
  issue: 0,
  worries: 0,
  kind: 0,
  regards: 0,
  careful: 0,
  want: 0,
  charged: -1,
  refund: 0,
  fine: 0,
};

let analyser: Sentiment | undefined;

/** The message's summed word ratings: below 0 reads negative, above 0 positive. */
export function sentimentScore(text: string): number {
  analyser ??= new Sentiment();
  return analyser.analyze(text, { extras: DOMAIN_RATINGS }).score;
}

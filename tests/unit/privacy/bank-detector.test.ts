import fc from 'fast-check';
import { DETECTORS, type Span } from '@/lib/privacy/detectors';

const bankAccount = new Map(DETECTORS).get('bank-account')!;

/** The patterns as first written, with the words as a lookbehind: the detector must find exactly what they find. */
const SORT = String.raw`\d{2}[ -]?\d{2}[ -]?\d{2}`;
const ACCOUNT = String.raw`\d{8}`;
const SORT_WORDS = String.raw`(?:sort[ -]?code|s\/c)(?: is| number| no\.?)?[:\s]{0,3}`;
const ACCOUNT_WORDS = String.raw`(?:account|acct|acc|a\/c)(?: number| no\.?| num(?:ber)?| #)?(?: is)?[:\s#]{0,3}`;
const REFERENCE = [
  new RegExp(String.raw`(?<=\b${SORT_WORDS})${SORT}(?!\d)`, 'gi'),
  new RegExp(String.raw`(?<=\b${ACCOUNT_WORDS})${ACCOUNT}(?!\d)`, 'gi'),
  new RegExp(String.raw`(?<![\d-])${SORT}[ ,/]{1,3}${ACCOUNT}(?!\d)`, 'g'),
  new RegExp(String.raw`(?<![\d-])${ACCOUNT}[ ,/]{1,3}${SORT}(?![\d-])`, 'g'),
];
const reference = (text: string): Span[] => REFERENCE.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length })));

describe('the UK bank details detector', () => {
  it.each([
    ['a sort code the text names', 'Sort code: 12-34-56, thanks', [{ start: 11, end: 19 }]],
    ['an account number the text names', 'my acct no. 12345678 please', [{ start: 12, end: 20 }]],
    ['both, beside each other', '12-34-56 12345678', [{ start: 0, end: 17 }]],
    ['a date, unnamed', 'Delivered on 12-05-24', []],
  ])('finds %s', (_, text, spans) => {
    expect(bankAccount(text, { phoneRegions: ['GB'] })).toEqual(spans);
  });

  it('finds exactly what the lookbehind patterns found, in any mix of words, digits and separators', () => {
    const piece = fc.constantFrom('sort code', 'Sort-Code', 'sortcode', 's/c', ' is', ' number', ' no.', 'account', 'ACCT', 'acc', 'a/c', ' num', ' #', ':', ' ', '  ', '-', '/', ',', '12', '3456', '78', '12345678', '1', 'x', 'the ', 'resort code', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        expect(bankAccount(text, { phoneRegions: ['GB'] })).toEqual(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

import fc from 'fast-check';
import { cleanText } from '../../../lib/helpdesks/define-helpdesk';

/** The rule as first written: every run of spaces, tabs and no-break spaces becomes one space. */
const reference = (text: string) => text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();

describe('cleanText', () => {
  it.each([
    ['a run of spaces', 'Hello    there', 'Hello there'],
    ['tabs and no-break spaces', 'Order\t\u00a0 #42\u00a0is late', 'Order #42 is late'],
    ['a single tab', 'Name:\tDana', 'Name: Dana'],
    ['layout newlines', 'Hi,\n\n\n\nThanks\n\nDana', 'Hi,\n\nThanks\n\nDana'],
    ['edges', '  \t Hello \u00a0', 'Hello'],
    ['nothing to clean', 'Just one space between words.', 'Just one space between words.'],
    ['no text', null, ''],
  ])('collapses %s', (_, text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });

  it('gives the same text as collapsing every run, for any mix of whitespace', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\f', '\v', '\u00a0', '\n', '\r', '\u2003', 'a', 'é', 'word');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(cleanText(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

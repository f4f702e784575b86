import { evidenceFromSelection, MAX_EVIDENCE_PER_ANSWER, shortQuote, withEvidence, withoutEvidence } from '@/lib/evaluations/evidence';
import { BLANK_ANSWER, type TranscriptMessage } from '@/lib/schemas';

const message: TranscriptMessage = {
  id: '90012',
  author: 'Alex Moreno',
  role: 'agent',
  at: '2026-11-02T10:02:00Z',
  text: 'Hi Dana, thanks for getting in touch.\nI have issued the refund of 54.90 EUR today; it reaches your card in 3-5 working days.',
};

describe('evidenceFromSelection', () => {
  it.each([
    ['a passage selected in the message', 'issued the refund of 54.90 EUR', 'issued the refund of 54.90 EUR'],
    ['a selection across a line break, as the browser reports it', 'touch.\n  I have issued', 'touch. I have issued'],
    ['nothing selected: the whole message', '', 'Hi Dana, thanks for getting in touch. I have issued the refund of 54.90 EUR today; it reaches your card in 3-5 working days.'],
    ['text that is not this message’s: the whole message', 'Where is my refund?', 'Hi Dana, thanks for getting in touch. I have issued the refund of 54.90 EUR today; it reaches your card in 3-5 working days.'],
  ])('%s', (_, selection, quote) => {
    expect(evidenceFromSelection(message, selection)).toEqual({ messageId: '90012', quote, author: 'Alex Moreno', role: 'agent', at: '2026-11-02T10:02:00Z' });
  });

  it('keeps hostile text as the text it is', () => {
    const hostile = { ...message, text: '<img src=x onerror=alert(1)>' };
    expect(evidenceFromSelection(hostile, '').quote).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('withEvidence', () => {
  const quote = evidenceFromSelection(message, 'reaches your card in 3-5 working days');

  it('adds evidence once, and removes it by position', () => {
    const once = withEvidence(undefined, quote);
    expect(withEvidence(once, quote)).toBe(once);
    expect(once.evidence).toEqual([quote]);
    expect(withoutEvidence(once, 0)).toEqual(BLANK_ANSWER);
  });

  it('refuses more evidence than an answer keeps, with a message that says what to do', () => {
    const full = { ...BLANK_ANSWER, evidence: Array.from({ length: MAX_EVIDENCE_PER_ANSWER }, (_, i) => ({ ...quote, messageId: `m${i}` })) };
    expect(() => withEvidence(full, quote)).toThrow('A criterion keeps at most 20 pieces of evidence: remove one first.');
  });

  it('shortens long quotes for button names', () => {
    expect(shortQuote('short')).toBe('short');
    expect(shortQuote('I have issued the refund of 54.90 EUR today; it reaches your card')).toBe('I have issued the refund of 54.90 EUR t…');
  });
});

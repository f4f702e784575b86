import { redactText } from '@/lib/privacy';
import { buildCorpus, scoreCorpus } from '../../fixtures/privacy/corpus';

describe('redaction on the labelled corpus', () => {
  const corpus = buildCorpus();
  const score = scoreCorpus(corpus, (text) => redactText(text));

  it('holds several hundred messages with every kind and every look-alike', () => {
    expect(score.messages).toBeGreaterThanOrEqual(500);
    expect(Object.keys(score.pii).sort()).toEqual(['bank-account', 'card', 'email', 'iban', 'ni-number', 'phone', 'postcode']);
    expect(Object.keys(score.decoys).sort()).toEqual(['amount', 'date', 'invoice-number', 'non-luhn-16', 'order-number', 'other-number', 'tracking-code']);
  });

  it('redacts at least 99% of the personal data of each kind', () => {
    const weak = Object.entries(score.pii).filter(([, row]) => row.recall < 0.99);
    expect(weak, score.misses.filter((m) => m.startsWith('missed')).join('\n')).toEqual([]);
    expect(score.recall).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps at least 95% of the look-alikes of each kind as written', () => {
    const weak = Object.entries(score.decoys).filter(([, row]) => row.keptRate < 0.95);
    expect(weak, score.misses.filter((m) => m.startsWith('redacted')).join('\n')).toEqual([]);
    expect(score.decoysKept).toBeGreaterThanOrEqual(0.95);
  });
});

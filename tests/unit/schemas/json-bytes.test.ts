import fc from 'fast-check';
import { boundTranscript, jsonBytes, TICKET_LIMITS } from '@/lib/schemas/ticket-limits';

/** The count as first written: the JSON encoded whole, a fresh array each time. */
const reference = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

describe('jsonBytes', () => {
  it.each([
    ['ASCII', { id: '1', text: 'Order #42 is late' }],
    ['accents and no-break spaces', { text: 'Café\u00a0déjà vu' }],
    ['emoji (surrogate pairs)', { text: 'Thanks 👍🏽 see you' }],
    ['a lone surrogate, escaped by JSON', { text: 'broken \ud800 pair' }],
    ['control characters, escaped by JSON', { text: 'tab\there\u0001' }],
    ['a text longer than the reused buffer', { text: 'é'.repeat(70_000) }],
    ['nothing', undefined],
  ])('counts %s as TextEncoder does', (_, value) => {
    expect(jsonBytes(value)).toBe(reference(value));
  });

  it('gives TextEncoder’s count for any value, one after another (the buffer it reuses holds nothing over)', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string());
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.jsonValue(), fc.record({ id: text, author: text, text })), { maxLength: 8 }), (values) => {
        for (const value of values) expect(jsonBytes(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });

  it('bounds a transcript at the same message whichever way the bytes are counted', () => {
    const piece = 'Ça marche 👍 — ';
    const messages = Array.from({ length: 3000 }, (_, i) => ({ id: String(i), text: `${i}: ${piece.repeat(1 + (i % 20))}` }));
    const { messages: kept, cut } = boundTranscript(messages);
    let bytes = 2;
    let expectedKept = 0;
    for (const [i, message] of messages.entries()) {
      const size = reference(message) + (i > 0 ? 1 : 0);
      if (bytes + size > TICKET_LIMITS.transcriptBytes) break;
      bytes += size;
      expectedKept++;
    }
    expect(kept).toHaveLength(expectedKept);
    expect(cut).toEqual({ messagesRead: 3000, messagesKept: expectedKept, bytesRead: reference(messages), messagesClipped: 0 });
  });
});

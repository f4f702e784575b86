import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '@/lib/privacy/sha256';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it.each(['', 'abc', 'morgan price', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'Zoë Ångström 名前'])('matches Node’s SHA-256 for %j', (text) => {
    expect(sha256Hex(text)).toBe(node(text));
  });

  it('matches Node’s SHA-256 for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => sha256Hex(text) === node(text)));
  });
});

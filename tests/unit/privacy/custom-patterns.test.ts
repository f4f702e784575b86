import { checkCustomPattern } from '@/lib/privacy';

const check = (pattern: string, caseSensitive = false) => checkCustomPattern({ id: 'p', label: 'ref', pattern, caseSensitive });

describe('custom patterns: each is checked before it is saved or used', () => {
  it.each([
    ['a fixed-count account id', String.raw`ACC-\d{8}`],
    ['letters then digits', String.raw`\b[A-Z]{2}\d{6}\b`],
    ['a bounded range', String.raw`MEM\d{4,10}`],
  ])('accepts %s', (_what, pattern) => {
    const result = check(pattern);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['nested repeats', '(a+)+$', /can match the same text in many ways.*catastrophic backtracking/],
    ['adjacent repeats of the same characters', String.raw`\d+\d+x`, /can match the same text in many ways/],
    ['an overlapping alternation under a repeat', '^(a|aa)+$', /too complex to prove safe|many ways/],
    ['a pattern that matches empty text', String.raw`\d*`, /matches empty text, so it would match everywhere/],
    ['a back-reference', String.raw`(\d)\1{5}`, /uses a back-reference/],
    ['a syntax error', '([A-Z]', /is not a valid regular expression: .*Unterminated group/],
  ])('refuses %s with the reason', (_what, pattern, reason) => {
    const result = check(pattern);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
  });

  it('matches case-insensitively unless the team asks otherwise', () => {
    const loose = check(String.raw`ACC-\d{3}`);
    const strict = check(String.raw`ACC-\d{3}`, true);
    expect(loose.ok && 'acc-123'.match(loose.pattern.regex)).toBeTruthy();
    expect(strict.ok && 'acc-123'.match(strict.pattern.regex)).toBeFalsy();
  });
});

import { findPersonalData, redactionRules, redactText } from '@/lib/privacy';
import { PrivacySettingsSchema } from '@/lib/schemas/privacy';

const rulesWith = (settings: object) => redactionRules(PrivacySettingsSchema.parse(settings));

describe('redactText: each kind of personal data becomes its placeholder', () => {
  it.each([
    ['an email address', 'Reach me at jane.doe+orders@mail.example.co.uk today', 'Reach me at [email] today'],
    ['a UK mobile, national format', 'Call me on 07911 123456 please', 'Call me on [phone] please'],
    ['a London number with the area code in brackets', 'Office: (020) 7946 0958', 'Office: [phone]'],
    ['a UK number, international format', 'ring +44 20 7946 0018 after 5', 'ring [phone] after 5'],
    ['a UK number dialled with 00', 'from abroad 0044 7911 123456', 'from abroad [phone]'],
    ['a French mobile', 'whatsapp +33 6 12 34 56 78', 'whatsapp [phone]'],
    ['an Ofcom drama number (not in the numbering plan, still a phone number)', 'text 07700 900461', 'text [phone]'],
    ['a Visa card with spaces', 'card 4111 1111 1111 1111 exp 09/28', 'card [card] exp 09/28'],
    ['a Mastercard with dashes and the expiry typed after it', 'card 5500-0000-0000-0004 1228', 'card [card] 1228'],
    ['an Amex in 4-6-5 groups', 'amex 3782 822463 10005', 'amex [card]'],
    ['an IBAN in groups of four', 'IBAN GB29 NWBK 6016 1331 9268 19 thanks', 'IBAN [iban] thanks'],
    ['an IBAN in lower case, electronic format', 'pay into de89370400440532013000.', 'pay into [iban].'],
    ['a National Insurance number', 'NI number AB 12 34 56 C', 'NI number [ni-number]'],
    ['a postcode', '12 Station Road, Leeds LS1 4AP', '12 Station Road, Leeds [postcode]'],
    ['a postcode without its space', 'London SW1A1AA.', 'London [postcode].'],
    ['a sort code and account number named as such', 'sort code 40-47-84 account number 70872490', 'sort code [bank-account] account number [bank-account]'],
    ['a sort code beside an account number', 'refund to 30-94-35 12345678 please', 'refund to [bank-account] please'],
  ])('%s', (_what, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});

describe('redactText: look-alikes survive', () => {
  it.each([
    ['an order number', 'Order #4829173650 still has not arrived'],
    ['a national-looking number written without the trunk 0', 'Order 1540863111 still has not arrived'],
    ['an Amazon-style order number that passes Luhn', 'Order 582-7771252-2797236 arrived damaged'],
    ['a UPS tracking code', 'Tracking 1Z999AA10123456784'],
    ['a DHL tracking code', 'tracking code JJD1597296117'],
    ['a Royal Mail tracking code', 'Parcel RB123456785GB is lost'],
    ['dates in four formats', 'on 12/05/2024, 2024-05-12, 12-05-24 and 12.05.2024'],
    ['amounts', 'charged £1,234.56 instead of €99.99 and $12,000'],
    ['invoice numbers', 'invoice INV-2024-00123 and 2024/0042'],
    ['a 16-digit number that fails Luhn', 'membership 4000 1234 5678 9011'],
    ['a leading-zero reference after "ref"', 'Case ref 0203948571 any update?'],
    ['times, versions and percentages', 'Between 9:00-17:30, v10.0.19045, 20% off'],
  ])('%s', (_what, text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redaction rules', () => {
  it('is idempotent: a redacted text redacts to itself', () => {
    const once = redactText('jane@example.com 07911 123456 4111 1111 1111 1111 GB29 NWBK 6016 1331 9268 19 AB123456C SW1A 1AA');
    expect(once).toBe('[email] [phone] [card] [iban] [ni-number] [postcode]');
    expect(redactText(once)).toBe(once);
  });

  it('reports where each find is, by kind, in text order', () => {
    const text = 'Card 4111111111111111, email a@example.com';
    expect(findPersonalData(text).map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['card', '4111111111111111'],
      ['email', 'a@example.com'],
    ]);
  });

  it('keeps the kinds a team chose to keep, and still redacts the rest', () => {
    const rules = rulesWith({ keep: ['postcode'] });
    expect(redactText('LS1 4AP, jane@example.com', rules)).toBe('LS1 4AP, [email]');
  });

  it('reads national numbers in the team’s regions: a US number is found once US is listed', () => {
    const text = 'call (415) 555-2671';
    expect(redactText(text)).toBe(text);
    expect(redactText(text, rulesWith({ phoneRegions: ['GB', 'US'] }))).toBe('call [phone]');
  });

  it('redacts a team’s own pattern with its label, before the built-in kinds', () => {
    const rules = rulesWith({ customPatterns: [{ id: 'acc', label: 'account id', pattern: String.raw`ACC-\d{8}` }] });
    expect(redactText('Account acc-12345678, phone 07911 123456', rules)).toBe('Account [account id], phone [phone]');
  });

  it('leaves out an unsafe team pattern, says why, and still applies the others', () => {
    const rules = rulesWith({
      customPatterns: [
        { id: 'bad', label: 'bad', pattern: '(a+)+$' },
        { id: 'ok', label: 'member', pattern: String.raw`MEM\d{6}` },
      ],
    });
    expect(rules.refused).toEqual([expect.stringMatching(/^bad: "\(a\+\)\+\$" can match the same text in many ways/)]);
    expect(redactText('MEM123456 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', rules)).toBe('[member] aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab');
  });

  it('returns text with no digit and no @ untouched', () => {
    const text = 'Thanks so much, that fixed it!';
    expect(redactText(text)).toBe(text);
    expect(findPersonalData(text)).toEqual([]);
  });

  it('works through a message at the size limit made of what detectors look for', () => {
    // 100,000 characters of digit groups, dashes and @s: the kinds of text that make a careless pattern backtrack.
    for (const filler of ['1 ', '12-', 'a.', 'GB12', '+1 ']) {
      const text = filler.repeat(Math.floor(100_000 / filler.length));
      expect(typeof redactText(text)).toBe('string');
    }
  });
});

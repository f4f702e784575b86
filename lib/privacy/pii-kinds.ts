/**
 * The kinds of personal data QA Lens redacts, each with the placeholder a reviewer sees in its
 * place. A module of its own, free of zod and of the detectors, so schemas and UI can name them.
 */
export const PII_KINDS = ['email', 'phone', 'card', 'iban', 'ni-number', 'postcode', 'bank-account'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export const PII_LABELS: Record<PiiKind, string> = {
  email: 'Email addresses',
  phone: 'Phone numbers',
  card: 'Payment card numbers',
  iban: 'IBANs',
  'ni-number': 'UK National Insurance numbers',
  postcode: 'UK postcodes',
  'bank-account': 'Sort codes and account numbers',
};

/** `[email]`, `[card]`…: what replaces each kind, so the reviewer still sees what was there. */
export const placeholderFor = (kind: PiiKind | string): string => `[${kind}]`;

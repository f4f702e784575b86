/**
 * Limits that keep a hostile or runaway page from filling the database through one ticket. A
 * module of their own, free of zod, so the content script's adapters can clip to them.
 */
export const TICKET_LIMITS = {
  messages: 5000,
  messageChars: 100_000,
  fieldChars: 1000,
} as const;

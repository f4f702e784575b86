/** Fields that identify records rather than hold what anyone wrote: never rewritten. */
const IDENTIFYING_KEYS = new Set([
  'id', 'key', 'url', 'ticketId', 'ticketKey', 'evaluationId', 'messageId', 'scorecardId', 'criterionId',
  'helpdesk', 'kind', 'status', 'role', 'channel', 'op', 'optionId', 'scope', 'source', 'category',
  // A fingerprint, not text: redaction must not touch it, and an erased row loses it with its customer.
  'emailSha256',
]);

/** Every string in a value passed through `change`, fields that identify records apart. */
export function mapText<T>(value: T, change: (text: string) => string, key = ''): T {
  if (typeof value === 'string') return (IDENTIFYING_KEYS.has(key) ? value : change(value)) as T;
  if (Array.isArray(value)) return value.map((item) => mapText(item, change, key)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapText(v, change, k)])) as T;
  return value;
}

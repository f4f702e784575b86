/**
 * JSON with object keys sorted, to tell whether two copies of a record are the same: a record that
 * went through the team server comes back with jsonb's key order, not the writer's.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

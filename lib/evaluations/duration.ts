const UNITS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * A duration as people write one from a helpdesk screen: "1h 30m", "2d 4h", "45s", "1:30" (hours
 * and minutes) or a bare number of minutes. Null when it cannot be read.
 */
export function parseDuration(text: string): number | null {
  const value = text.trim().toLowerCase();
  const clock = /^(\d+):([0-5]\d)$/.exec(value);
  if (clock) return Number(clock[1]) * 3_600 + Number(clock[2]) * 60;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 60);
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)\s*([dhms])/g)];
  if (parts.length === 0 || value.replace(/(\d+(?:\.\d+)?)\s*([dhms])/g, '').trim() !== '') return null;
  return Math.round(parts.reduce((total, [, amount, unit]) => total + Number(amount) * UNITS[unit!]!, 0));
}

/** Seconds back as the shortest form `parseDuration` reads ("1h 30m"). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of Object.entries(UNITS)) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  return parts.join(' ') || '0s';
}

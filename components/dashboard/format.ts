export { CHANNEL_LABELS } from '../../lib/schemas';

/** 87.5 → "87.5%", null → "—". */
export function formatScore(score: number | null): string {
  return score === null ? '—' : `${score.toFixed(1)}%`;
}

export function formatResult(passed: boolean | null): string {
  if (passed === null) return 'No score';
  return passed ? 'Passed' : 'Not passed';
}

let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** Made once: a formatter takes far longer to build than to use, and the list formats a date per row. */
export function formatDateTime(ms: number): string {
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(ms);
}

export function scorecardLabel(name: string, version: number): string {
  return name ? `${name} v${version}` : `Unknown scorecard v${version}`;
}

/** The local calendar date as YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Only http(s) ticket addresses become links: a page could hand the adapter a `javascript:` URL. */
export function safeLinkUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

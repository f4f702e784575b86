/**
 * Zod readers for CSV cells: text in, typed values out, with messages a person fixing the file can
 * act on. An empty cell means "not given" wherever a value is optional.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from '../schemas';

/** What each cell reader accepts, as plain functions: undefined means refused (the zod cell says why). */
export const CELL_READERS = {
  number: (cell: string) => readNumber(cell.trim()),
  optionalNumber: (cell: string) => (cell.trim() === '' ? null : readNumber(cell.trim())),
  integer: (cell: string) => readInteger(cell.trim()),
  boolean: (cell: string) => readBoolean(cell.trim()),
  optionalBoolean: (cell: string) => (cell.trim() === '' ? null : readBoolean(cell.trim())),
  time: (cell: string) => readTime(cell.trim()),
  optionalTime: (cell: string) => (cell.trim() === '' ? null : readTime(cell.trim())),
  channel: (cell: string) => readChannel(cell.trim()),
  /** Trimmed, and not empty. */
  required: (cell: string) => cell.trim() || undefined,
};

const refine = <T>(read: (cell: string) => T | undefined, expected: (cell: string) => string) =>
  z.string().transform((cell, ctx) => {
    const value = read(cell.trim());
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: expected(cell.trim()) });
      return z.NEVER;
    }
    return value;
  });

function readNumber(cell: string) {
  return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : undefined;
}

function readInteger(cell: string) {
  return /^\d+$/.test(cell) ? Number(cell) : undefined;
}

export const numberCell = refine(readNumber, (cell) => `"${cell}" is not a number`);

export const optionalNumberCell = refine(
  (cell) => (cell === '' ? null : readNumber(cell)),
  (cell) => `"${cell}" is not a number`,
);

export const integerCell = refine(readInteger, (cell) => `"${cell}" is not a whole number`);

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
function readBoolean(cell: string) {
  // What exports write, answered before lower-casing a copy of the cell (once per row of a big file).
  if (cell === 'true') return true;
  if (cell === 'false') return false;
  return TRUE.has(cell.toLowerCase()) ? true : FALSE.has(cell.toLowerCase()) ? false : undefined;
}

export const booleanCell = refine(readBoolean, (cell) => `"${cell}" is not true or false`);

export const optionalBooleanCell = refine(
  (cell) => (cell === '' ? null : readBoolean(cell)),
  (cell) => `"${cell}" is not true or false`,
);

/** ISO 8601 dates and times, as exports write them; a bare date is midnight UTC. */
function readTime(cell: string) {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(cell)) return undefined;
  const ms = Date.parse(cell.length === 10 ? `${cell}T00:00:00Z` : cell.replace(' ', 'T'));
  return Number.isNaN(ms) || ms < 0 ? undefined : ms;
}

export const timeCell = refine(readTime, (cell) => `"${cell}" is not a date and time like 2025-03-10T12:30:00Z`);

export const optionalTimeCell = refine(
  (cell) => (cell === '' ? null : readTime(cell)),
  (cell) => `"${cell}" is not a date and time like 2025-03-10T12:30:00Z`,
);

/** Helpdesks name channels their own way; these are the names seen in their exports. */
const CHANNEL_ALIASES: Record<string, Channel> = {
  mail: 'email',
  'e-mail': 'email',
  web: 'email',
  'web form': 'email',
  'live chat': 'chat',
  livechat: 'chat',
  sms: 'messaging',
  whatsapp: 'messaging',
  messenger: 'messaging',
  twitter: 'social',
  facebook: 'social',
  instagram: 'social',
  phone: 'voice',
  call: 'voice',
  api: 'other',
};

function readChannel(cell: string): Channel | undefined {
  const name = cell.toLowerCase();
  return (CHANNELS as readonly string[]).includes(name) ? (name as Channel) : Object.hasOwn(CHANNEL_ALIASES, name) ? CHANNEL_ALIASES[name] : undefined;
}

export const channelCell = refine(readChannel, (cell) => `unknown channel "${cell}": use one of ${CHANNELS.join(', ')}`);

export const requiredCell = (what: string) => z.string().trim().min(1, `${what} is empty`);

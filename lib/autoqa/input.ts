import { z } from 'zod';
import { ChannelSchema, MessageRoleSchema } from '../schemas';
import { issuePath } from '../options/parse-scorecard-file';
import type { AutoQaConversation } from './conversation';

const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not a date and time (use ISO 8601, e.g. 2026-11-03T14:00:00Z)');

/** The JSON `npm run autoqa` reads: an array of conversations. */
export const ConversationInputSchema = z.object({
  channel: ChannelSchema,
  customerName: z.string().max(200).optional(),
  messages: z
    .array(
      z.object({
        role: MessageRoleSchema,
        author: z.string().max(200),
        time: isoTime.optional(),
        text: z.string().max(100_000),
      }),
    )
    .max(5_000),
  /** CSAT on a 1–5 scale, when known: Spotlight flags a low one. */
  csat: z.number().min(1).max(5).nullable().optional(),
  /** How often the ticket was reopened, when known. */
  reopens: z.number().int().min(0).nullable().optional(),
});

export const ConversationsInputSchema = z.array(ConversationInputSchema);

export type InputResult = { ok: true; conversations: AutoQaConversation[] } | { ok: false; errors: string[] };

/** Reads the CLI's input file, naming every problem by its path (`2.messages.0.role: …`). */
export function parseConversations(text: string): InputResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = ConversationsInputSchema.safeParse(data);
  if (parsed.success) return { ok: true, conversations: parsed.data };
  const errors = parsed.error.issues.slice(0, 50).map((issue) => `${issuePath(issue.path)}: ${issue.message}`);
  if (parsed.error.issues.length > 50) errors.push(`…and ${parsed.error.issues.length - 50} more problems.`);
  return { ok: false, errors };
}
